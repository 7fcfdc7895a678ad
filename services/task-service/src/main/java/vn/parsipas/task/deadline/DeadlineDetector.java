package vn.parsipas.task.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.platform.outbox.Outbox;
import vn.parsipas.platform.time.BusinessTime;
import vn.parsipas.task.TaskConfig;
import vn.parsipas.task.tasks.DeadlineSchedule;
import vn.parsipas.task.tasks.Task;
import vn.parsipas.task.tasks.TaskEvents;

/**
 * A detection pass: claims the tasks whose next trigger has come (index on next_deadline_check,
 * {@code FOR UPDATE SKIP LOCKED}, so replicas share the work and never claim one task twice), raises
 * their facts through the outbox with deterministic ids and moves each task's next trigger on, all in
 * one transaction per batch. A pass reads only what comes due: with nothing due it is one index probe.
 *
 * <p>A claim queue, so plain SQL on the pool (docs/DECISIONS.md, data access): a batch is one claim that
 * reads only the columns the facts need, one update of every claimed task and the outbox's batched insert.
 * Commands that change a task lock its row first, so they wait for a batch that holds it and read its result.
 */
@ApplicationScoped
public class DeadlineDetector {
    private static final Logger LOG = Logger.getLogger(DeadlineDetector.class);
    private static final String CLAIM = """
            select id, plan_id, criterion_code, title, lead_agency, coordinating_agencies, deadline, due_at, status,
                   deadline_arming, last_due_soon_days, overdue_raised
            from task where next_deadline_check <= $1
            order by next_deadline_check limit $2 for update skip locked""";
    private static final String MOVE_ON = """
            update task t set last_due_soon_days = m.last_due_soon_days, overdue_raised = m.overdue_raised,
                              next_deadline_check = m.next_deadline_check
            from unnest($1::text[], $2::int[], $3::boolean[], $4::timestamptz[])
                 as m(id, last_due_soon_days, overdue_raised, next_deadline_check)
            where t.id = m.id""";
    /** Task ids named in a batch's log line; the facts themselves are on Kafka. */
    private static final int IDS_LOGGED = 5;

    @Inject
    Pool pool;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    DeadlineSchedule schedule;

    @Inject
    TaskConfig config;

    /** Raises every fact due now; returns how many it raised. Safe to run in several replicas at once. */
    public Uni<Integer> runPass() {
        return passFrom(clock.instant(), 0);
    }

    private Uni<Integer> passFrom(Instant now, int raisedSoFar) {
        int batchSize = config.deadlines().batchSize();
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM)
                        .execute(Tuple.of(BusinessTime.utc(now), batchSize))
                        .chain(rows -> raiseAll(connection, claimed(rows), now)))
                .chain(batch -> batch.claimed() < batchSize ? Uni.createFrom().item(raisedSoFar + batch.raised())
                        : passFrom(now, raisedSoFar + batch.raised()));
    }

    private record Batch(int claimed, int raised) {
    }

    /** The claimed rows as tasks, with what the facts and the schedule read. */
    private static List<Task> claimed(RowSet<Row> rows) {
        List<Task> tasks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Task task = new Task();
            task.id = row.getString("id");
            task.planId = row.getString("plan_id");
            task.criterionCode = row.getString("criterion_code");
            task.title = row.getString("title");
            task.leadAgency = row.getString("lead_agency");
            task.coordinatingAgencies = row.getArrayOfStrings("coordinating_agencies");
            task.deadline = row.getLocalDate("deadline");
            task.dueAt = BusinessTime.instant(row.getOffsetDateTime("due_at"));
            task.status = row.getString("status");
            task.deadlineArming = row.getInteger("deadline_arming");
            task.lastDueSoonDays = row.getInteger("last_due_soon_days");
            task.overdueRaised = row.getBoolean("overdue_raised");
            tasks.add(task);
        }
        return tasks;
    }

    /**
     * Moves every claimed task on, then writes the facts in the outbox's batched insert. The rows are
     * locked since the claim, so the ids follow the commit order.
     */
    private Uni<Batch> raiseAll(SqlConnection connection, List<Task> tasks, Instant now) {
        if (tasks.isEmpty()) {
            return Uni.createFrom().item(new Batch(0, 0));
        }
        List<Outbox.Identified> facts = new ArrayList<>();
        List<String> overdue = new ArrayList<>();
        List<String> dueSoon = new ArrayList<>();
        String[] ids = new String[tasks.size()];
        Integer[] lastDueSoonDays = new Integer[tasks.size()];
        Boolean[] overdueRaised = new Boolean[tasks.size()];
        OffsetDateTime[] nextChecks = new OffsetDateTime[tasks.size()];
        for (int i = 0; i < tasks.size(); i++) {
            Task task = tasks.get(i);
            DeadlineSchedule.Fact fact = task.isClosed() ? null
                    : schedule.due(task.dueAt, task.lastDueSoonDays, task.overdueRaised, now);
            if (fact != null && fact.overdue()) {
                task.overdueRaised = true;
                facts.add(new Outbox.Identified(TaskEvents.overdue(task, now),
                        DeadlineSchedule.overdueId(task.id, task.deadline, task.deadlineArming)));
                overdue.add(task.id);
            } else if (fact != null) {
                task.lastDueSoonDays = fact.dueSoonDays();
                facts.add(new Outbox.Identified(TaskEvents.dueSoon(task, fact.dueSoonDays(), now),
                        DeadlineSchedule.dueSoonId(task.id, task.deadline, fact.dueSoonDays(), task.deadlineArming)));
                dueSoon.add(task.id);
            }
            ids[i] = task.id;
            lastDueSoonDays[i] = task.lastDueSoonDays;
            overdueRaised[i] = task.overdueRaised;
            nextChecks[i] = task.isClosed() ? null
                    : BusinessTime.utc(schedule.nextCheck(task.dueAt, task.lastDueSoonDays, task.overdueRaised));
        }
        return connection.preparedQuery(MOVE_ON).execute(Tuple.of(ids, lastDueSoonDays, overdueRaised, nextChecks))
                .chain(() -> outbox.addIdentified(connection, facts))
                .invoke(() -> {
                    // One line per batch, not per task: a province-wide deadline is thousands of tasks at once.
                    if (!overdue.isEmpty()) {
                        LOG.infof("%d tasks overdue: %s", overdue.size(), named(overdue));
                    }
                    if (!dueSoon.isEmpty()) {
                        LOG.infof("%d tasks due soon: %s", dueSoon.size(), named(dueSoon));
                    }
                })
                .replaceWith(new Batch(tasks.size(), facts.size()));
    }

    private static String named(List<String> ids) {
        return ids.size() <= IDS_LOGGED ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, IDS_LOGGED)) + " and " + (ids.size() - IDS_LOGGED) + " more";
    }
}

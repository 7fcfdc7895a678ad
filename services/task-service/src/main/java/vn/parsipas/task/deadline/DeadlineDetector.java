package vn.parsipas.task.deadline;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import vn.parsipas.platform.outbox.Outbox;
import vn.parsipas.task.TaskConfig;
import vn.parsipas.task.tasks.DeadlineSchedule;
import vn.parsipas.task.tasks.Task;
import vn.parsipas.task.tasks.TaskEvents;

/**
 * A detection pass: claims the tasks whose next trigger has come (index on next_deadline_check,
 * {@code FOR UPDATE SKIP LOCKED}, so replicas share the work and never claim one task twice), raises
 * their facts through the outbox with deterministic ids and moves each task's next trigger on, all in
 * one transaction per batch. A pass reads only what comes due: with nothing due it is one index probe.
 */
@ApplicationScoped
public class DeadlineDetector {
    private static final Logger LOG = Logger.getLogger(DeadlineDetector.class);
    private static final String CLAIM = "select * from task where next_deadline_check <= :now "
            + "order by next_deadline_check limit :limit for update skip locked";

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
        return Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(CLAIM, Task.class)
                                .setParameter("now", now)
                                .setParameter("limit", batchSize)
                                .getResultList())
                        .chain(tasks -> raiseAll(tasks, now).map(raised -> new int[] {tasks.size(), raised})))
                .chain(batch -> batch[0] < batchSize ? Uni.createFrom().item(raisedSoFar + batch[1])
                        : passFrom(now, raisedSoFar + batch[1]));
    }

    /**
     * Moves every claimed task on first; the outbox flushes those updates at once, then writes the facts
     * in multi-row inserts. The rows are locked since the claim, so the ids follow the commit order.
     */
    private Uni<Integer> raiseAll(List<Task> tasks, Instant now) {
        List<Runnable> logs = new ArrayList<>();
        List<Outbox.Identified> facts = new ArrayList<>();
        for (Task task : tasks) {
            DeadlineSchedule.Fact fact = task.isClosed() ? null
                    : schedule.due(task.dueAt, task.lastDueSoonDays, task.overdueRaised, now);
            if (fact != null && fact.overdue()) {
                task.overdueRaised = true;
                facts.add(new Outbox.Identified(TaskEvents.overdue(task, now),
                        DeadlineSchedule.overdueId(task.id, task.deadline, task.deadlineArming)));
                logs.add(() -> LOG.infof("task %s is overdue (deadline %s)", task.id, task.deadline));
            } else if (fact != null) {
                task.lastDueSoonDays = fact.dueSoonDays();
                facts.add(new Outbox.Identified(TaskEvents.dueSoon(task, fact.dueSoonDays(), now),
                        DeadlineSchedule.dueSoonId(task.id, task.deadline, fact.dueSoonDays(), task.deadlineArming)));
                logs.add(() -> LOG.infof("task %s is due in %d days (deadline %s)", task.id, fact.dueSoonDays(), task.deadline));
            }
            task.nextDeadlineCheck = task.isClosed() ? null
                    : schedule.nextCheck(task.dueAt, task.lastDueSoonDays, task.overdueRaised);
        }
        return outbox.addAll(facts).invoke(() -> logs.forEach(Runnable::run)).replaceWith(facts.size());
    }
}

package vn.parsipas.task.summary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import vn.parsipas.platform.paging.SqlBuilder;
import vn.parsipas.platform.time.BusinessTime;
import vn.parsipas.task.tasks.DeadlineSchedule;
import vn.parsipas.task.tasks.TaskFilter;
import vn.parsipas.task.tasks.TaskQueries;

/**
 * Dashboards: per agency and, for the province, per criterion. Every unfinished task is in exactly one
 * of open (due later), due soon (within the largest due-soon lead time) or overdue; every completed one
 * in done on time or done late. Withdrawn tasks are not counted.
 */
@ApplicationScoped
public class Summaries {
    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    DeadlineSchedule schedule;

    @Schema(name = "TaskCounts")
    public record Counts(long total, long open, long dueSoon, long overdue, long doneOnTime, long doneLate) {
    }

    public record AgencySummary(String agency, String name, Counts tasks) {
    }

    public record CriterionSummary(String criterionCode, String title, String leadAgency, Counts tasks) {
    }

    /** Per agency: as lead ({@code role} lead) or as lead or coordinating agency ({@code role} any). */
    public Uni<List<AgencySummary>> byAgency(String planId, String role, Set<String> visibleAgencies) {
        String agencyColumn = "any".equals(role) ? "unnest(array[lead_agency] || coordinating_agencies)" : "lead_agency";
        SqlBuilder sql = new SqlBuilder("select t.agency, a.name, ");
        Instant now = counts(sql);
        sql.append(" from (select " + agencyColumn + " as agency, status, due_at, completed_on_time from task where true");
        TaskQueries.where(sql, new TaskFilter(null, null, planId, null, null, null, null, null, visibleAgencies), now);
        sql.append(") t left join agency a on a.code = t.agency");
        if (visibleAgencies != null) {
            // A shared task would otherwise also count under its other agencies, which the caller may not see.
            sql.append(" where t.agency = any(?)", (Object) visibleAgencies.toArray(String[]::new));
        }
        sql.append(" group by t.agency, a.name order by t.agency");
        return run(sql, row -> new AgencySummary(row.getString("agency"), row.getString("name"), counts(row)));
    }

    /** Per criterion of a plan, in the plan's order; plan-level tasks last, with a null criterion. */
    public Uni<List<CriterionSummary>> byCriterion(String planId, Set<String> visibleAgencies) {
        SqlBuilder sql = new SqlBuilder("select t.criterion_code, c.title, c.lead_agency, ");
        Instant now = counts(sql);
        sql.append(" from (select plan_id, criterion_code, status, due_at, completed_on_time from task where true");
        TaskQueries.where(sql, new TaskFilter(null, null, planId, null, null, null, null, null, visibleAgencies), now);
        sql.append(") t left join criterion c on c.plan_id = t.plan_id and c.code = t.criterion_code "
                + "group by t.criterion_code, c.title, c.lead_agency, c.position order by c.position nulls last");
        return run(sql, row -> new CriterionSummary(row.getString("criterion_code"), row.getString("title"),
                row.getString("lead_agency"), counts(row)));
    }

    private Instant counts(SqlBuilder sql) {
        Instant now = clock.instant();
        Instant soon = now.plus(Duration.ofDays(schedule.window()));
        String unfinished = "status in " + TaskQueries.OPEN_STATUSES;
        sql.append("count(*) as total, "
                + "count(*) filter (where " + unfinished + " and due_at > ?) as open, "
                + "count(*) filter (where " + unfinished + " and due_at > ? and due_at <= ?) as due_soon, "
                + "count(*) filter (where " + unfinished + " and due_at <= ?) as overdue, "
                + "count(*) filter (where status = 'completed' and completed_on_time) as done_on_time, "
                + "count(*) filter (where status = 'completed' and not completed_on_time) as done_late",
                BusinessTime.utc(soon), BusinessTime.utc(now), BusinessTime.utc(soon), BusinessTime.utc(now));
        return now;
    }

    private static Counts counts(Row row) {
        return new Counts(row.getLong("total"), row.getLong("open"), row.getLong("due_soon"), row.getLong("overdue"),
                row.getLong("done_on_time"), row.getLong("done_late"));
    }

    private <T> Uni<List<T>> run(SqlBuilder sql, Function<Row, T> map) {
        return pool.preparedQuery(sql.sql()).execute(sql.tuple()).map(rows -> {
            List<T> result = new ArrayList<>();
            rows.forEach(row -> result.add(map.apply(row)));
            return result;
        });
    }
}

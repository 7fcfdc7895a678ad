package vn.parsipas.task.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import vn.parsipas.platform.paging.Cursors;
import vn.parsipas.platform.paging.Page;
import vn.parsipas.platform.paging.SqlBuilder;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.problem.NotFoundException;
import vn.parsipas.platform.time.BusinessTime;

/**
 * Reads tasks: by id, and lists filtered by agency (lead or coordinating), plan and criterion, status,
 * deadline and overdue, in deadline order with keyset (cursor) pagination, so a page costs the same
 * on page 1 and page 10,000.
 */
@ApplicationScoped
public class TaskQueries {
    public static final String OPEN_STATUSES = "('open', 'in-progress')";
    private static final String SELECT = "select id, plan_id, criterion_code, title, intro, lead_agency, "
            + "coordinating_agencies, deadline, due_at, recurrence, report_to, status, percent_complete, assigned_at, "
            + "assigned_by, updated_at, completed_at, completed_by, completed_on_time, last_due_soon_days, "
            + "overdue_raised, next_deadline_check";
    private static final String COLUMNS = SELECT + " from task ";
    private static final String VISIBLE = "(lead_agency = any(?) or coordinating_agencies && ?)";

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    public Uni<TaskView> byId(String id) {
        return byId(id, null);
    }

    /**
     * A task, if {@code visibleAgencies} (null: all) include its lead or a coordinating agency; a task of
     * other agencies is refused (403) rather than hidden: task ids come from the public plan anyway.
     */
    public Uni<TaskView> byId(String id, Set<String> visibleAgencies) {
        SqlBuilder sql = new SqlBuilder(SELECT);
        if (visibleAgencies == null) {
            sql.append(", true as visible");
        } else {
            String[] visible = visibleAgencies.toArray(String[]::new);
            sql.append(", " + VISIBLE + " as visible", visible, visible);
        }
        sql.append(" from task where id = ?", id);
        return pool.preparedQuery(sql.sql()).execute(sql.tuple()).map(rows -> {
            if (rows.size() == 0) {
                throw new NotFoundException("Task", id);
            }
            Row row = rows.iterator().next();
            if (!row.getBoolean("visible")) {
                throw new ForbiddenException("task of another agency");
            }
            return view(row, clock.instant());
        });
    }

    public Uni<Page<TaskView>> list(TaskFilter filter, String cursor, int limit) {
        List<String> after = Cursors.decode(cursor, 2);
        Instant now = clock.instant();
        SqlBuilder sql = new SqlBuilder("");
        if (filter.agency() != null && (filter.agencyRole() == null || filter.agencyRole().equals("any"))) {
            // Lead or coordinating: two ordered index scans merged, rather than one scan sorted afterwards.
            sql.append("(");
            page(sql, filter.withRole("lead"), after, now, limit);
            sql.append(") union all (");
            page(sql, filter.withRole("coordinating"), after, now, limit);
            sql.append(") order by deadline, id limit ?", limit + 1);
        } else {
            page(sql, filter, after, now, limit);
        }
        return pool.preparedQuery(sql.sql()).execute(sql.tuple()).map(rows -> {
            List<TaskView> views = new ArrayList<>();
            rows.forEach(row -> views.add(view(row, now)));
            return Page.of(views, limit, task -> Cursors.encode(task.deadline().toString(), task.id()));
        });
    }

    private static void page(SqlBuilder sql, TaskFilter filter, List<String> after, Instant now, int limit) {
        sql.append(COLUMNS + "where true");
        where(sql, filter, now);
        if (after != null) {
            sql.append(" and (deadline, id) > (?, ?)", date(after.get(0)), after.get(1));
        }
        // For coordinating agencies the GIN index finds the few rows, sorted afterwards: an ordered scan of
        // the deadline index would read the whole table looking for matches that may not exist.
        boolean coordinating = "coordinating".equals(filter.agencyRole()) && filter.agency() != null;
        sql.append(coordinating ? " order by deadline + 0, id limit ?" : " order by deadline, id limit ?", limit + 1);
    }

    /** The filter's conditions, shared with the summaries. */
    public static void where(SqlBuilder sql, TaskFilter filter, Instant now) {
        if (filter.status() == null) {
            sql.append(" and status <> 'withdrawn'");
        } else {
            sql.append(" and status = ?", filter.status());
        }
        if (filter.agency() != null) {
            String[] agency = {filter.agency()};
            switch (filter.agencyRole() == null ? "any" : filter.agencyRole()) {
                case "lead" -> sql.append(" and lead_agency = ?", filter.agency());
                case "coordinating" -> sql.append(" and coordinating_agencies @> ?", (Object) agency);
                default -> sql.append(" and (lead_agency = ? or coordinating_agencies @> ?)", filter.agency(), agency);
            }
        }
        if (filter.visibleAgencies() != null) {
            String[] visible = filter.visibleAgencies().toArray(String[]::new);
            sql.append(" and " + VISIBLE, visible, visible);
        }
        if (filter.planId() != null) {
            sql.append(" and plan_id = ?", filter.planId());
        }
        if (filter.criterionCode() != null) {
            sql.append(" and criterion_code = ?", filter.criterionCode());
        }
        if (filter.dueBefore() != null) {
            sql.append(" and deadline < ?", filter.dueBefore());
        }
        if (filter.dueAfter() != null) {
            sql.append(" and deadline > ?", filter.dueAfter());
        }
        if (filter.overdue() != null) {
            sql.append(filter.overdue() ? " and status in " + OPEN_STATUSES + " and due_at <= ?"
                    : " and not (status in " + OPEN_STATUSES + " and due_at <= ?)", BusinessTime.utc(now));
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("cursor", "is not a cursor this list returned");
        }
    }

    private static TaskView view(Row row, Instant now) {
        String status = row.getString("status");
        Instant dueAt = instant(row, "due_at");
        boolean overdue = (status.equals("open") || status.equals("in-progress")) && !now.isBefore(dueAt);
        return new TaskView(row.getString("id"), row.getString("plan_id"), row.getString("criterion_code"),
                row.getString("title"), row.getString("intro"), row.getString("lead_agency"),
                List.of(row.getArrayOfStrings("coordinating_agencies")), row.getLocalDate("deadline"), dueAt,
                row.getString("recurrence"), row.getString("report_to"), status, overdue,
                row.getBigDecimal("percent_complete"), instant(row, "assigned_at"), row.getString("assigned_by"),
                instant(row, "updated_at"), instant(row, "completed_at"), row.getString("completed_by"),
                row.getBoolean("completed_on_time"),
                new TaskView.DeadlineFacts(row.getInteger("last_due_soon_days"), row.getBoolean("overdue_raised"),
                        instant(row, "next_deadline_check")));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}

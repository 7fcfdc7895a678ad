package vn.parsipas.notification.alert;

import static vn.parsipas.platform.time.BusinessTime.utc;

import java.time.Instant;
import java.time.LocalDate;

import vn.parsipas.platform.paging.SqlBuilder;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.time.BusinessTime;

/**
 * What an inbox list or count is restricted to; null fields do not restrict. {@code status} "active"
 * means open or acknowledged; {@code holding} says how the listed agency holds the alert: "own"
 * (responsible or copy) or "escalation" (escalated to it). The period is of raising, in local dates,
 * both days included. {@code updatedSince} lets a live page re-read what changed while it was away.
 */
public record AlertFilter(String status, String kind, String severity, String criterion, LocalDate raisedFrom,
        LocalDate raisedTo, String holding, Instant updatedSince) {
    // Anchored, so that the OpenAPI document's patterns (JSON Schema: a match anywhere) accept what the service does.
    public static final String STATUS = "^(open|acknowledged|resolved|active)$";
    public static final String KIND = "^(task-due-soon|task-overdue|target-at-risk|target-missed|target-no-data|target-no-baseline"
            + "|satisfaction-below-target)$";
    public static final String SEVERITY = "^(critical|warning|info)$";
    public static final String CRITERION = "^[0-9]+(\\.[0-9]+)*$";
    public static final String HOLDING = "^(own|escalation)$";

    public static final AlertFilter NONE = new AlertFilter(null, null, null, null, null, null, null, null);

    public AlertFilter {
        if (raisedFrom != null && raisedTo != null && raisedTo.isBefore(raisedFrom)) {
            throw new InvalidInputException("raisedTo", "is before raisedFrom");
        }
    }

    /** The same filter without status and holding: what the tabs of an inbox count. */
    public AlertFilter forCounts() {
        return new AlertFilter(null, kind, severity, criterion, raisedFrom, raisedTo, null, updatedSince);
    }

    /**
     * Appends the conditions on alert {@code a} (and, for {@code holding}, on the listed agency's
     * recipient row {@code r}) to a statement whose WHERE clause is open.
     */
    void appendTo(SqlBuilder sql) {
        if ("active".equals(status)) {
            sql.append(" and a.status <> 'resolved'");
        } else {
            sql.appendIfPresent(" and a.status = ?", status);
        }
        sql.appendIfPresent(" and a.kind = ?", kind)
                .appendIfPresent(" and a.severity = ?", severity);
        if (criterion != null) {
            sql.append(" and (a.criterion_code = ? or a.criterion_code like ?)", criterion, criterion + ".%");
        }
        if (raisedFrom != null) {
            sql.append(" and a.raised_at >= ?", utc(raisedFrom.atStartOfDay(BusinessTime.ZONE).toInstant()));
        }
        if (raisedTo != null) {
            sql.append(" and a.raised_at < ?", utc(BusinessTime.endOf(raisedTo)));
        }
        if ("own".equals(holding)) {
            sql.append(" and r.role <> 'escalation'");
        } else if ("escalation".equals(holding)) {
            sql.append(" and r.role = 'escalation'");
        }
        sql.appendIfPresent(" and a.updated_at >= ?", utc(updatedSince));
    }
}

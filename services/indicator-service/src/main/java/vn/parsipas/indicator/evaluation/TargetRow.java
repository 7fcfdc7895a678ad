package vn.parsipas.indicator.evaluation;

import java.time.Instant;
import java.time.OffsetDateTime;

import io.vertx.mutiny.sqlclient.Row;

/** A target with its current evaluation (without its next check), as stored. */
public record TargetRow(Target target, Evaluation current, Instant evaluatedAt, Instant statusSince) {

    public static final String COLUMNS = "target_id, plan_id, plan_version, criterion_code, criterion_title, description, "
            + "indicator_code, indicator_name, unit, comparator, target_value, baseline_value, baseline_year, relative_to, "
            + "delta, responsible_agency, deadline, due_at, result_expected_by, active, status, status_value, status_period, expected_value, "
            + "threshold, reason, evaluated_at, status_since";

    public static TargetRow from(Row row) {
        Target target = new Target(row.getString("target_id"), row.getString("plan_id"), row.getInteger("plan_version"),
                row.getString("criterion_code"), row.getString("criterion_title"), row.getString("description"),
                row.getString("indicator_code"), row.getString("indicator_name"), row.getString("unit"),
                row.getString("comparator"), row.getBigDecimal("target_value"), row.getBigDecimal("baseline_value"),
                row.getInteger("baseline_year"), row.getString("relative_to"), row.getBigDecimal("delta"),
                row.getString("responsible_agency"), row.getLocalDate("deadline"), instant(row.getOffsetDateTime("due_at")),
                row.getLocalDate("result_expected_by"), row.getBoolean("active"));
        String status = row.getString("status");
        Evaluation current = new Evaluation(status == null ? null : TargetStatus.valueOf(status),
                row.getBigDecimal("status_value"), row.getString("status_period"), row.getBigDecimal("expected_value"),
                row.getBigDecimal("threshold"), row.getString("reason"), null);
        return new TargetRow(target, current, instant(row.getOffsetDateTime("evaluated_at")),
                instant(row.getOffsetDateTime("status_since")));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}

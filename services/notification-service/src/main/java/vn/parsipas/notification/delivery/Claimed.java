package vn.parsipas.notification.delivery;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.vertx.mutiny.sqlclient.Row;

/**
 * A delivery claimed by a dispatcher, with what it needs to send it: the alert and the recipient agency.
 * {@code reclaimed}: its previous claim's lease expired unsettled (the sender died), that attempt is lost.
 * {@code traceparent}: the trace of the event that planned it (null without one): sending it is a span of that trace.
 */
public record Claimed(String id, String alertId, String transition, String channel, String agencyCode, String role,
        int attempt, boolean reclaimed, String payload, Instant createdAt, AlertData alert, String agencyName,
        List<String> emails, String webhookUrl, String secret, boolean secretEncrypted, String traceparent) {

    /** The alert as it stands when the delivery is sent. */
    public record AlertData(String fingerprint, String kind, String severity, String status, String subjectId,
            String agencyCode, String deliveredTo, List<String> ccAgencies, String title, String body, int occurrences,
            Instant raisedAt, Instant acknowledgedAt, String acknowledgedBy, int escalationLevel, String escalatedTo,
            Instant resolvedAt, String resolution) {
    }

    static Claimed of(Row row) {
        AlertData alert = new AlertData(row.getString("fingerprint"), row.getString("kind"), row.getString("severity"),
                row.getString("alert_status"), row.getString("subject_id"), row.getString("responsible"),
                row.getString("delivered_to"), split(row.getString("cc_agencies"), ","), row.getString("title"),
                row.getString("body"), row.getInteger("occurrences"), instant(row, "raised_at"), instant(row, "acknowledged_at"),
                row.getString("acknowledged_by"), row.getInteger("escalation_level"), row.getString("escalated_to"),
                instant(row, "resolved_at"), row.getString("resolution"));
        String name = row.getString("agency_name");
        return new Claimed(row.getString("id"), row.getString("alert_id"), row.getString("transition"),
                row.getString("channel"), row.getString("agency_code"), row.getString("role"), row.getInteger("attempts"),
                row.getBoolean("reclaimed"), row.getString("payload"), instant(row, "created_at"), alert,
                name == null ? row.getString("agency_code") : name, split(row.getString("emails"), "\n"),
                row.getString("webhook_url"), row.getString("secret"), Boolean.TRUE.equals(row.getBoolean("secret_encrypted")),
                row.getString("traceparent"));
    }

    private static List<String> split(String value, String separator) {
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.split(separator));
    }

    private static Instant instant(Row row, String column) {
        return row.getOffsetDateTime(column) == null ? null : row.getOffsetDateTime(column).toInstant();
    }
}

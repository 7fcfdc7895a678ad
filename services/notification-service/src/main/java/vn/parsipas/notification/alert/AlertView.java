package vn.parsipas.notification.alert;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/** An alert as the inbox API shows it; {@link Detail} adds who holds it, its timeline and its deliveries. */
@Schema(name = "Alert", description = "An alert: one condition about one subject, from raised to resolved (docs/alerts.md)",
        requiredProperties = { "alertId", "fingerprint", "kind", "severity", "status", "subjectId", "agencyCode", "deliveredTo",
                "ccAgencies", "title", "body", "rule", "occurrences", "raisedAt", "lastSeenAt", "repeats", "escalationLevel",
                "updatedAt" },
        properties = {
                @SchemaProperty(name = "kind", enumeration = { "task-due-soon", "task-overdue", "target-at-risk", "target-missed",
                        "target-no-data", "target-no-baseline", "satisfaction-below-target" }),
                @SchemaProperty(name = "severity", enumeration = { "critical", "warning", "info" }),
                @SchemaProperty(name = "status", enumeration = { "open", "acknowledged", "resolved" }),
                @SchemaProperty(name = "agencyCode", description = "the responsible agency as the fact names it (possibly a collective)"),
                @SchemaProperty(name = "deliveredTo", description = "the agency that acts for it: the responsible one, or a "
                        + "collective's coordinating office") })
public record AlertView(String alertId, String fingerprint, String kind, String severity, String status, String subjectId,
        String agencyCode, String deliveredTo, List<String> ccAgencies, String title, String body, String rule,
        int occurrences, Instant raisedAt, Instant lastSeenAt, int repeats, Instant nextRepeatAt, Instant acknowledgedAt,
        String acknowledgedBy, String acknowledgementComment, int escalationLevel, String escalatedTo,
        Instant nextEscalationAt, Instant resolvedAt, String resolution, Instant updatedAt, String criterionCode) {

    public static AlertView of(Alert a) {
        return new AlertView(a.id, a.fingerprint, a.kind, a.severity, a.status, a.subjectId, a.agencyCode, a.deliveredTo,
                a.ccList(), a.title, a.body, a.ruleName, a.occurrences, a.raisedAt, a.lastSeenAt, a.repeats, a.nextRepeatAt,
                a.acknowledgedAt, a.acknowledgedBy, a.ackComment, a.escalationLevel, a.escalatedTo, a.nextEscalationAt,
                a.resolvedAt, a.resolution, a.updatedAt, a.criterionCode);
    }

    @Schema(name = "AlertDetail")
    public record Detail(AlertView alert, List<Holder> recipients, List<Line> timeline, List<Notification> deliveries) {
    }

    @Schema(name = "AlertHolder", properties = @SchemaProperty(name = "role", enumeration = { "responsible", "copy", "escalation" }))
    public record Holder(String agencyCode, String role) {
    }

    @Schema(name = "AlertTimelineEntry")
    public record Line(Instant at, String type, String agencyCode, String actor, String detail) {
    }

    @Schema(name = "AlertNotification")
    public record Notification(String channel, String agencyCode, String transition, String status, int attempts,
            String lastError, Instant sentAt) {
    }
}

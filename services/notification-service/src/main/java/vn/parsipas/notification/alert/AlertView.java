package vn.parsipas.notification.alert;

import java.time.Instant;
import java.util.List;

/** An alert as the inbox API shows it; {@link Detail} adds who holds it, its timeline and its deliveries. */
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

    public record Detail(AlertView alert, List<Holder> recipients, List<Line> timeline, List<Notification> deliveries) {
    }

    public record Holder(String agencyCode, String role) {
    }

    public record Line(Instant at, String type, String agencyCode, String actor, String detail) {
    }

    public record Notification(String channel, String agencyCode, String transition, String status, int attempts,
            String lastError, Instant sentAt) {
    }
}

package vn.parsipas.notification.alert;

import vn.parsipas.contracts.alert.AlertAcknowledged;
import vn.parsipas.contracts.alert.AlertEscalated;
import vn.parsipas.contracts.alert.AlertRaised;
import vn.parsipas.contracts.alert.AlertResolved;

/**
 * The alert lifecycle events of alerts.v1, with ids derived from the alert and the transition so
 * that a transition can never be published twice (the outbox's unique (source, id)).
 */
final class AlertEvents {
    private AlertEvents() {
    }

    static AlertRaised raised(Alert alert) {
        return new AlertRaised(alert.id, alert.fingerprint, alert.kind, alert.severity, alert.agencyCode, alert.ccList(),
                alert.subjectId, alert.title, alert.body, alert.causeEventId, alert.raisedAt);
    }

    static AlertAcknowledged acknowledged(Alert alert) {
        return new AlertAcknowledged(alert.id, alert.fingerprint, alert.kind, alert.agencyCode, alert.acknowledgedBy,
                alert.ackComment, alert.acknowledgedAt);
    }

    static AlertEscalated escalated(Alert alert) {
        return new AlertEscalated(alert.id, alert.fingerprint, alert.kind, alert.agencyCode, alert.escalatedTo,
                alert.escalationLevel, alert.updatedAt);
    }

    static AlertResolved resolved(Alert alert, String causeEventId) {
        String cause = causeEventId == null || causeEventId.length() <= 200 ? causeEventId : causeEventId.substring(0, 200);
        return new AlertResolved(alert.id, alert.fingerprint, alert.kind, alert.agencyCode, alert.resolution, cause,
                alert.resolvedAt);
    }

    static String raisedId(Alert alert) {
        return "raised/" + alert.id;
    }

    static String acknowledgedId(Alert alert) {
        return "acknowledged/" + alert.id;
    }

    static String escalatedId(Alert alert) {
        return "escalated/" + alert.id + "/" + alert.escalationLevel;
    }

    static String resolvedId(Alert alert) {
        return "resolved/" + alert.id;
    }
}

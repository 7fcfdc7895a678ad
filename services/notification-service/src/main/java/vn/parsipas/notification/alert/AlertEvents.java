package vn.parsipas.notification.alert;

import java.util.List;

import vn.parsipas.contracts.alert.AlertAcknowledged;
import vn.parsipas.contracts.alert.AlertEscalated;
import vn.parsipas.contracts.alert.AlertRaised;
import vn.parsipas.contracts.alert.AlertResolved;
import vn.parsipas.notification.stream.AlertChange;

/**
 * The alert lifecycle events of alerts.v1, with ids derived from the alert and the transition so
 * that a transition can never be published twice (the outbox's unique (source, id)); and the live
 * stream's notice of a change.
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

    /** What the live inboxes of {@code agencies} are told of the alert's {@code change} (raised, updated, ...). */
    static AlertChange change(Alert alert, String change, List<String> agencies) {
        return new AlertChange(alert.id, change, alert.fingerprint, alert.kind, alert.severity, alert.status, alert.agencyCode,
                alert.deliveredTo, alert.title, alert.occurrences, alert.escalationLevel, alert.updatedAt, List.copyOf(agencies));
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

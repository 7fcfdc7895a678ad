package vn.parsipas.notification.webhook;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import vn.parsipas.contracts.EventJson;
import vn.parsipas.notification.alert.AlertLink;
import vn.parsipas.notification.delivery.Claimed;

/**
 * The JSON body of a webhook call (contracts/schemas/alert-webhook.v1.schema.json): the transition,
 * the recipient and the alert as it stood at the first attempt. Retries send the same bytes.
 */
public record WebhookBody(String deliveryId, String event, String transition, Instant notifiedAt, Recipient recipient,
        Alert alert) {

    public record Recipient(String agencyCode, String agencyName, String role) {
    }

    public record Alert(String alertId, String fingerprint, String kind, String severity, String status, String subjectId,
            String agencyCode, String deliveredTo, List<String> ccAgencies, String title, String body, int occurrences,
            Instant raisedAt, Instant acknowledgedAt, int escalationLevel, String escalatedTo, Instant resolvedAt,
            String resolution, String url) {
    }

    static String json(Claimed delivery, Instant now, String publicUrl) {
        Claimed.AlertData a = delivery.alert();
        WebhookBody body = new WebhookBody(delivery.id(), event(delivery.transition()), delivery.transition(), now,
                new Recipient(delivery.agencyCode(), delivery.agencyName(), delivery.role()),
                new Alert(delivery.alertId(), a.fingerprint(), a.kind(), a.severity(), a.status(), a.subjectId(),
                        a.agencyCode(), a.deliveredTo(), a.ccAgencies(), a.title(), a.body(), a.occurrences(), a.raisedAt(),
                        a.acknowledgedAt(), a.escalationLevel(), a.escalatedTo(), a.resolvedAt(), a.resolution(),
                        AlertLink.of(publicUrl, delivery.alertId())));
        try {
            return EventJson.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** alert.raised, alert.repeated, alert.escalated, alert.reassigned, alert.resolved. */
    static String event(String transition) {
        int dash = transition.indexOf('-');
        return "alert." + (dash < 0 ? transition : transition.substring(0, dash));
    }
}

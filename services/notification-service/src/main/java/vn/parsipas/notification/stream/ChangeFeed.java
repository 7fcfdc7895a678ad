package vn.parsipas.notification.stream;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.smallrye.mutiny.Uni;
import vn.parsipas.contracts.EventJson;
import vn.parsipas.notification.alert.Alert;

/**
 * Announces alert changes to the live streams of every replica: a NOTIFY on {@value #CHANNEL} sent in
 * the transaction of the change (by inserting a notice row), so it is heard if and only if the change commits.
 */
@ApplicationScoped
public class ChangeFeed {
    public static final String CHANNEL = "parsipas_alerts";
    private static final int MAX_TITLE = 300;

    public Uni<Void> publish(Alert alert, String change, Collection<String> agencies) {
        if (agencies.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String title = alert.title.length() > MAX_TITLE ? alert.title.substring(0, MAX_TITLE) + "…" : alert.title;
        AlertChange payload = new AlertChange(alert.id, change, alert.fingerprint, alert.kind, alert.severity, alert.status,
                alert.agencyCode, alert.deliveredTo, title, alert.occurrences, alert.escalationLevel, alert.updatedAt,
                List.copyOf(agencies));
        String json;
        try {
            json = EventJson.mapper().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        AlertChangeNotice notice = new AlertChangeNotice();
        notice.id = UUID.randomUUID().toString();
        notice.payload = json;
        return notice.persist().replaceWithVoid();
    }
}

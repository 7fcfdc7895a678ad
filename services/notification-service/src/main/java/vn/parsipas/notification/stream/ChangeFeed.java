package vn.parsipas.notification.stream;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.smallrye.mutiny.Uni;
import vn.parsipas.contracts.EventJson;

/**
 * Announces alert changes to the live streams of every replica: a NOTIFY on {@value #CHANNEL} sent in
 * the transaction of the change (by inserting a notice row), so it is heard if and only if the change commits.
 */
@ApplicationScoped
public class ChangeFeed {
    public static final String CHANNEL = "parsipas_alerts";

    /** Pushes the change to the live streams of its agencies when the caller's transaction commits. */
    public Uni<Void> publish(AlertChange change) {
        if (change.agencies().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String json;
        try {
            json = EventJson.mapper().writeValueAsString(change);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        AlertChangeNotice notice = new AlertChangeNotice();
        notice.id = UUID.randomUUID().toString();
        notice.payload = json;
        return notice.persist().replaceWithVoid();
    }
}

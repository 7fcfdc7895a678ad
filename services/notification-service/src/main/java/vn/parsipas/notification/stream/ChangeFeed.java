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
        return notice(change).persist().replaceWithVoid();
    }

    /** The notice row of a change: its insert NOTIFYs the streams. */
    public static AlertChangeNotice notice(AlertChange change) {
        AlertChangeNotice notice = new AlertChangeNotice();
        notice.id = UUID.randomUUID().toString();
        try {
            notice.payload = EventJson.mapper().writeValueAsString(change);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return notice;
    }
}

package vn.parsipas.notification.stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import vn.parsipas.contracts.EventJson;

/** The alert changes heard by this replica, fanned out to the live streams of the agencies concerned. */
@ApplicationScoped
public class AlertStream {
    private static final Logger LOG = Logger.getLogger(AlertStream.class);

    private final BroadcastProcessor<AlertChange> changes = BroadcastProcessor.create();

    /** Called with each NOTIFY payload of {@link ChangeFeed#CHANNEL}, in order. */
    public void heard(String payload) {
        try {
            changes.onNext(EventJson.mapper().readValue(payload, AlertChange.class));
        } catch (JsonProcessingException e) {
            LOG.warnf("ignoring an unreadable alert change: %s", e.getOriginalMessage());
        }
    }

    public Multi<AlertChange> of(String agencyCode) {
        return changes.filter(change -> change.agencies().contains(agencyCode));
    }
}

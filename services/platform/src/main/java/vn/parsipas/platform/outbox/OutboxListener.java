package vn.parsipas.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import vn.parsipas.platform.listen.DatabaseListener;

/**
 * Wakes the relay on the channel that the outbox trigger NOTIFYs when a transaction that wrote events
 * commits (and on every (re)connection, for what was committed while away): events reach Kafka within
 * milliseconds, in every replica.
 */
@ApplicationScoped
public class OutboxListener {
    static final String CHANNEL = "parsipas_outbox";

    @Inject
    DatabaseListener listener;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxConfig config;

    void start(@Observes StartupEvent startup) {
        if (config.relayEnabled()) {
            listener.listen(CHANNEL, relay::wake);
        }
    }
}

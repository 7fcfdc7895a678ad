package vn.parsipas.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;

/**
 * LISTENs on the channel that the outbox trigger NOTIFYs when a transaction that wrote events
 * commits, and wakes the relay: events reach Kafka within milliseconds, in every replica.
 */
@ApplicationScoped
public class OutboxListener {
    static final String CHANNEL = "parsipas_outbox";
    private static final Logger LOG = Logger.getLogger(OutboxListener.class);

    @Inject
    Vertx vertx;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxConfig config;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private PgSubscriber subscriber;

    void start(@Observes StartupEvent startup) {
        if (!config.relayEnabled()) {
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(username)
                .setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        subscriber.channel(CHANNEL)
                .subscribeHandler(relay::wake)
                .handler(payload -> relay.wake());
        subscriber.connect().subscribe().with(
                connected -> LOG.debugf("outbox: listening on %s", CHANNEL),
                failure -> LOG.warnf("outbox: LISTEN failed, relying on polling until it reconnects: %s", failure.toString()));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }
}

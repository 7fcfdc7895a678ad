package vn.parsipas.platform.listen;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;

/**
 * The service's one LISTEN connection to PostgreSQL: features register the channels that committed
 * transactions NOTIFY (in any replica), each with what a notification does and what to do once the
 * channel is listened to, at the first connection and after every reconnection. PostgreSQL keeps no
 * notification for a listener that is away, so that hook is where a feature catches up (wakes its pump,
 * reloads its cache). A lost connection is reconnected every second, and so is a first one that fails;
 * meanwhile the features' polling is the safety net.
 */
@ApplicationScoped
public class DatabaseListener {
    private static final Logger LOG = Logger.getLogger(DatabaseListener.class);
    private static final long RECONNECT_MILLIS = 1000;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private PgSubscriber subscriber;
    private volatile boolean stopped;

    /**
     * LISTENs on {@code channel}: {@code onListening} runs each time the channel is listened to (first
     * connection, every reconnection), {@code onNotify} with the payload of each notification. The
     * connection opens with the first channel; later ones are added to it.
     */
    public synchronized void listen(String channel, Runnable onListening, Consumer<String> onNotify) {
        if (stopped) {
            return;
        }
        boolean first = subscriber == null;
        if (first) {
            PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                    .setUser(username)
                    .setPassword(password);
            subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> RECONNECT_MILLIS);
        }
        // The subscribe handler first: setting the handler is what sends LISTEN on an open connection.
        subscriber.channel(channel).subscribeHandler(onListening).handler(onNotify);
        if (first) {
            connect();
        }
    }

    /** LISTENs on {@code channel} and does the same on each notification and each (re)connection. */
    public void listen(String channel, Runnable onSignal) {
        listen(channel, onSignal, payload -> onSignal.run());
    }

    /** The reconnect policy covers a lost connection only: a first connection that fails is tried again here. */
    private void connect() {
        subscriber.connect().subscribe().with(
                connected -> LOG.debug("listening for the database's notifications"),
                failure -> {
                    LOG.warnf("LISTEN failed, relying on polling until it connects: %s", failure.toString());
                    if (!stopped) {
                        vertx.setTimer(RECONNECT_MILLIS, retry -> connect());
                    }
                });
    }

    synchronized void stop(@Observes ShutdownEvent shutdown) {
        stopped = true;
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }
}

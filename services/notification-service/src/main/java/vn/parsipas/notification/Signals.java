package vn.parsipas.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import vn.parsipas.notification.rule.RuleBook;
import vn.parsipas.notification.silence.ActiveSilences;
import vn.parsipas.notification.stream.AlertStream;
import vn.parsipas.notification.stream.ChangeFeed;
import vn.parsipas.notification.webhook.WebhookDispatcher;

/**
 * LISTENs to what any replica's committed transactions announce: alert changes (to the live
 * streams), planned deliveries (wake the webhook dispatcher), new routing rules and silences (reload,
 * also after every reconnection and every {@code parsipas.notification.reload-every}).
 */
@ApplicationScoped
public class Signals {
    static final String DELIVERIES = "parsipas_deliveries";
    private static final Logger LOG = Logger.getLogger(Signals.class);

    @Inject
    Vertx vertx;

    @Inject
    AlertStream stream;

    @Inject
    WebhookDispatcher webhooks;

    @Inject
    RuleBook rules;

    @Inject
    ActiveSilences silences;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    private PgSubscriber subscriber;
    private volatile boolean stopped;

    void start(@Observes StartupEvent startup) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(username)
                .setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        subscriber.channel(ChangeFeed.CHANNEL).handler(stream::heard);
        subscriber.channel(DELIVERIES).subscribeHandler(webhooks::wake).handler(payload -> webhooks.wake());
        // PostgreSQL keeps no notification for a listener that is away: after every (re)connection the
        // caches reload, as they do on each NOTIFY and periodically.
        subscriber.channel(RuleBook.CHANNEL).subscribeHandler(this::reloadRules).handler(payload -> reloadRules());
        subscriber.channel(ActiveSilences.CHANNEL).subscribeHandler(this::reloadSilences).handler(payload -> reloadSilences());
        connect();
    }

    /** The reconnect policy covers a lost connection only: a first connection that fails is tried again here. */
    private void connect() {
        subscriber.connect().subscribe().with(
                connected -> LOG.debug("listening for alert changes, deliveries, rules and silences"),
                failure -> {
                    LOG.warnf("LISTEN failed, relying on polling until it connects: %s", failure.toString());
                    if (!stopped) {
                        vertx.setTimer(1000, retry -> connect());
                    }
                });
    }

    @Scheduled(every = "${parsipas.notification.reload-every:1m}", delayed = "${parsipas.notification.reload-every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void reloadCaches() {
        reloadRules();
        reloadSilences();
    }

    private void reloadRules() {
        rules.reload().subscribe().with(done -> LOG.debugf("routing rules reloaded: version %d", rules.current().version()),
                failure -> LOG.warnf("routing rules reload failed: %s", failure.toString()));
    }

    private void reloadSilences() {
        silences.reload().subscribe().with(done -> LOG.debug("silences reloaded"),
                failure -> LOG.warnf("silences reload failed: %s", failure.toString()));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopped = true;
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }
}

package vn.parsipas.notification;

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
import vn.parsipas.notification.rule.RuleBook;
import vn.parsipas.notification.silence.ActiveSilences;
import vn.parsipas.notification.stream.AlertStream;
import vn.parsipas.notification.stream.ChangeFeed;
import vn.parsipas.notification.webhook.WebhookDispatcher;

/**
 * LISTENs to what any replica's committed transactions announce: alert changes (to the live
 * streams), planned deliveries (wake the webhook dispatcher), new routing rules and silences (reload).
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

    void start(@Observes StartupEvent startup) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(username)
                .setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        subscriber.channel(ChangeFeed.CHANNEL).handler(stream::heard);
        subscriber.channel(DELIVERIES).subscribeHandler(webhooks::wake).handler(payload -> webhooks.wake());
        subscriber.channel(RuleBook.CHANNEL).handler(payload -> rules.reload().subscribe().with(
                done -> LOG.infof("routing rules reloaded: version %d", rules.current().version()),
                failure -> LOG.warnf("routing rules reload failed: %s", failure.toString())));
        subscriber.channel(ActiveSilences.CHANNEL).handler(payload -> silences.reload().subscribe().with(
                done -> LOG.debug("silences reloaded"), failure -> LOG.warnf("silences reload failed: %s", failure.toString())));
        subscriber.connect().subscribe().with(
                connected -> LOG.debug("listening for alert changes, deliveries and rules"),
                failure -> LOG.warnf("LISTEN failed, relying on polling until it reconnects: %s", failure.toString()));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }
}

package vn.parsipas.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import vn.parsipas.notification.rule.RuleBook;
import vn.parsipas.notification.silence.ActiveSilences;
import vn.parsipas.notification.stream.AlertStream;
import vn.parsipas.notification.stream.ChangeFeed;
import vn.parsipas.notification.webhook.WebhookDispatcher;
import vn.parsipas.platform.listen.DatabaseListener;

/**
 * Listens (on the platform's {@link DatabaseListener}) to what any replica's committed transactions
 * announce: alert changes (to the live streams), planned deliveries (wake the webhook dispatcher), new
 * routing rules and silences (reload, also after every reconnection and every
 * {@code parsipas.notification.reload-every}).
 */
@ApplicationScoped
public class Signals {
    static final String DELIVERIES = "parsipas_deliveries";
    private static final Logger LOG = Logger.getLogger(Signals.class);

    @Inject
    AlertStream stream;

    @Inject
    WebhookDispatcher webhooks;

    @Inject
    RuleBook rules;

    @Inject
    ActiveSilences silences;

    @Inject
    DatabaseListener listener;

    void start(@Observes StartupEvent startup) {
        listener.listen(ChangeFeed.CHANNEL, () -> { }, stream::heard);
        listener.listen(DELIVERIES, webhooks::wake);
        // PostgreSQL keeps no notification for a listener that is away: after every (re)connection the
        // caches reload, as they do on each NOTIFY and periodically.
        listener.listen(RuleBook.CHANNEL, this::reloadRules);
        listener.listen(ActiveSilences.CHANNEL, this::reloadSilences);
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
}

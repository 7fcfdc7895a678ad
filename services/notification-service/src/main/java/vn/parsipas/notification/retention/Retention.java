package vn.parsipas.notification.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.notification.NotificationConfig;
import vn.parsipas.platform.retention.BatchedDelete;
import vn.parsipas.platform.time.BusinessTime;

/**
 * Keeps the tables from growing for ever, hourly and in batches: webhook attempts older than
 * {@code retention.webhook-attempts}; the timeline, deliveries and attempts of alerts resolved longer ago
 * than {@code retention.resolved-alerts} (the alert and who held it stay); change notices after 10
 * minutes (the live streams read them within milliseconds). The platform purges the inbox.
 */
@ApplicationScoped
public class Retention {
    private static final Logger LOG = Logger.getLogger(Retention.class);
    private static final Duration NOTICES = Duration.ofMinutes(10);
    private static final int BATCH = 5_000;

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    NotificationConfig config;

    @Scheduled(every = "1h", delayed = "7m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return purge().replaceWithVoid();
    }

    /** Deletes what is past its retention; returns how many rows. */
    public Uni<Long> purge() {
        Instant now = clock.instant();
        Tuple attempts = Tuple.of(BusinessTime.utc(now.minus(config.retention().webhookAttempts())), BATCH);
        Tuple alerts = Tuple.of(BusinessTime.utc(now.minus(config.retention().resolvedAlerts())), BATCH);
        String resolved = "select id from alert where status = 'resolved' and resolved_at < $1";
        return batches("delete from webhook_attempt where id = any(array(select id from webhook_attempt where at < $1 limit $2))",
                        attempts, 0)
                .chain(done -> batches("delete from webhook_attempt where id = any(array(select w.id from webhook_attempt w "
                        + "join delivery d on d.id = w.delivery_id where d.alert_id in (" + resolved + ") limit $2))", alerts, done))
                .chain(done -> batches("delete from delivery where id = any(array(select id from delivery where alert_id in ("
                        + resolved + ") limit $2))", alerts, done))
                .chain(done -> batches("delete from alert_timeline where id = any(array(select id from alert_timeline "
                        + "where alert_id in (" + resolved + ") limit $2))", alerts, done))
                // the database's time, as the notices' creation: the service's clock moves in demos
                .chain(done -> batches("delete from alert_change where id = any(array(select id from alert_change "
                        + "where created_at < now() - $1::text::interval limit $2))", Tuple.of(NOTICES.toSeconds() + " seconds", BATCH), done))
                .invoke(total -> {
                    if (total > 0) {
                        LOG.infof("retention: deleted %d rows", total);
                    }
                });
    }

    private Uni<Long> batches(String delete, Tuple parameters, long done) {
        return BatchedDelete.repeat(pool, delete, parameters, BATCH).map(deleted -> done + deleted);
    }
}

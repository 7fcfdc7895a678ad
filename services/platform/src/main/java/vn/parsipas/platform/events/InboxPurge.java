package vn.parsipas.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import vn.parsipas.platform.retention.BatchedDelete;
import vn.parsipas.platform.time.BusinessTime;

/**
 * Forgets the inbox rows of events applied longer ago than the retention, in batches, every hour.
 * A record redelivered after that would be applied again, so the retention must outlast the topics'
 * retention (Kafka's default is 7 days; compacted topics carry snapshots, applied idempotently).
 */
@ApplicationScoped
public class InboxPurge {
    private static final int BATCH = 10_000;

    @ConfigMapping(prefix = "parsipas.inbox")
    public interface InboxConfig {
        /** How long the (source, id) of an applied event is remembered. */
        @WithDefault("P90D")
        Duration retention();
    }

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    InboxConfig config;

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return purge().replaceWithVoid();
    }

    /** Deletes the rows older than the retention; returns how many. */
    public Uni<Long> purge() {
        OffsetDateTime before = BusinessTime.utc(clock.instant().minus(config.retention()));
        return BatchedDelete.olderThan(pool, "inbox", "received_at", before, BATCH);
    }
}

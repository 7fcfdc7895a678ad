package vn.parsipas.platform.outbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/** Exposes the relay's lag: rows not yet on Kafka and the age of the oldest one. */
@ApplicationScoped
public class OutboxBacklog {
    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();

    void start(@Observes StartupEvent startup) {
        Gauge.builder("parsipas.outbox.pending", pending, AtomicLong::get)
                .description("Outbox rows not yet published").register(registry);
        Gauge.builder("parsipas.outbox.oldest.age.seconds", oldestSeconds, AtomicLong::get)
                .description("Age of the oldest unpublished outbox row").register(registry);
    }

    @Scheduled(every = "10s", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> measure() {
        return pool.query("select count(*) as pending, min(created_at) as oldest from outbox where sent_at is null")
                .execute()
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    pending.set(row.getLong("pending"));
                    OffsetDateTime oldest = row.getOffsetDateTime("oldest");
                    oldestSeconds.set(oldest == null ? 0 : Duration.between(oldest, OffsetDateTime.now()).toSeconds());
                })
                .replaceWithVoid();
    }
}

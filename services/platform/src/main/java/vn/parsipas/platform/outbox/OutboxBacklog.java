package vn.parsipas.platform.outbox;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import vn.parsipas.platform.metrics.QueryGauges;
import vn.parsipas.platform.metrics.QueryGauges.Reading;

/** Exposes the relay's lag: rows not yet on Kafka and the age of the oldest one. */
@ApplicationScoped
public class OutboxBacklog {
    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    private QueryGauges gauges;

    void start(@Observes StartupEvent startup) {
        gauges = new QueryGauges(pool, registry, "select count(*) as pending, "
                + "extract(epoch from now() - min(created_at))::bigint as oldest from outbox where sent_at is null",
                List.of(new Reading("parsipas.outbox.pending", "pending", "Outbox rows not yet published"),
                        new Reading("parsipas.outbox.oldest.age.seconds", "oldest", "Age of the oldest unpublished outbox row")));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (gauges != null) {
            gauges.remove();
        }
    }

    @Scheduled(every = "10s", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> measure() {
        return gauges.refresh();
    }
}

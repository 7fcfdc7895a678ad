package vn.parsipas.notification.alert;

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

/**
 * What operators are paged on when agencies stop reacting (helm/parsipas/files/alerting-rules.yaml):
 * open alerts, and those among them escalated and still not acknowledged. Counted from the database,
 * so every replica reports the same figure (the rules take the max).
 */
@ApplicationScoped
public class AlertBacklog {
    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    private final AtomicLong open = new AtomicLong();
    private final AtomicLong escalated = new AtomicLong();

    void start(@Observes StartupEvent startup) {
        Gauge.builder("parsipas.alerts.open", open, AtomicLong::get)
                .description("Alerts raised and not yet acknowledged").register(registry);
        Gauge.builder("parsipas.alerts.escalated.unacknowledged", escalated, AtomicLong::get)
                .description("Open alerts escalated to a supervising agency and still not acknowledged").register(registry);
    }

    @Scheduled(every = "30s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> measure() {
        return pool.query("select count(*) as open, count(*) filter (where escalation_level > 0) as escalated "
                        + "from alert where status = 'open'")
                .execute()
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    open.set(row.getLong("open"));
                    escalated.set(row.getLong("escalated"));
                })
                .replaceWithVoid();
    }
}

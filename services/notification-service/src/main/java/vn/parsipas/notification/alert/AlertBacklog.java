package vn.parsipas.notification.alert;

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

/**
 * What operators are paged on when agencies stop reacting (helm/parsipas/files/alerting-rules.yaml):
 * open alerts, and those among them escalated and still not acknowledged.
 */
@ApplicationScoped
public class AlertBacklog {
    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    private QueryGauges gauges;

    void start(@Observes StartupEvent startup) {
        gauges = new QueryGauges(pool, registry, "select count(*) as open, count(*) filter (where escalation_level > 0) as escalated "
                + "from alert where status = 'open'",
                List.of(new Reading("parsipas.alerts.open", "open", "Alerts raised and not yet acknowledged"),
                        new Reading("parsipas.alerts.escalated.unacknowledged", "escalated",
                                "Open alerts escalated to a supervising agency and still not acknowledged")));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (gauges != null) {
            gauges.remove();
        }
    }

    @Scheduled(every = "30s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> measure() {
        return gauges.refresh();
    }
}

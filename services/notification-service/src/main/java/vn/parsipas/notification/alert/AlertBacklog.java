package vn.parsipas.notification.alert;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import vn.parsipas.platform.metrics.QueryGaugeBean;
import vn.parsipas.platform.metrics.QueryGauges.Reading;

/**
 * What operators are paged on when agencies stop reacting (helm/parsipas/files/alerting-rules.yaml):
 * open alerts, and those among them escalated and still not acknowledged.
 */
@ApplicationScoped
public class AlertBacklog extends QueryGaugeBean {
    @Override
    protected String sql() {
        return "select count(*) as open, count(*) filter (where escalation_level > 0) as escalated from alert where status = 'open'";
    }

    @Override
    protected List<Reading> readings() {
        return List.of(new Reading("parsipas.alerts.open", "open", "Alerts raised and not yet acknowledged"),
                new Reading("parsipas.alerts.escalated.unacknowledged", "escalated",
                        "Open alerts escalated to a supervising agency and still not acknowledged"));
    }

    @Scheduled(every = "30s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> measure() {
        return refresh();
    }
}

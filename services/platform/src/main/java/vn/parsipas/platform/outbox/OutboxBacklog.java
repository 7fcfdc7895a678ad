package vn.parsipas.platform.outbox;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import vn.parsipas.platform.metrics.QueryGaugeBean;
import vn.parsipas.platform.metrics.QueryGauges.Reading;

/** Exposes the relay's lag: rows not yet on Kafka and the age of the oldest one. */
@ApplicationScoped
public class OutboxBacklog extends QueryGaugeBean {
    @Override
    protected String sql() {
        return "select count(*) as pending, extract(epoch from now() - min(created_at))::bigint as oldest "
                + "from outbox where sent_at is null";
    }

    @Override
    protected List<Reading> readings() {
        return List.of(new Reading("parsipas.outbox.pending", "pending", "Outbox rows not yet published"),
                new Reading("parsipas.outbox.oldest.age.seconds", "oldest", "Age of the oldest unpublished outbox row"));
    }

    @Scheduled(every = "10s", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> measure() {
        return refresh();
    }
}

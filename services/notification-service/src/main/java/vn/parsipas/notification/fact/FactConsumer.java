package vn.parsipas.notification.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import vn.parsipas.contracts.EventType;
import vn.parsipas.notification.alert.AlertService;
import vn.parsipas.platform.events.EventConsumer;
import vn.parsipas.platform.events.ReceivedEvent;

/**
 * Consumes the producers' facts a poll at a time: each poll in one transaction with its alerts,
 * deliveries and events, each event applied once and in record order ({@link AlertService#applyAll});
 * a poisoned record is dead-lettered alone ({@link EventConsumer#consumeBatch}).
 */
@ApplicationScoped
public class FactConsumer {
    @Inject
    EventConsumer events;

    @Inject
    AlertService alerts;

    @Incoming("deadlines")
    public Uni<Void> deadlines(KafkaRecordBatch<String, byte[]> batch) {
        return events.consumeBatch(batch, "notification-deadlines",
                Set.of(EventType.TASK_DUE_SOON, EventType.TASK_OVERDUE, EventType.TASK_DEADLINE_CLEARED), this::apply);
    }

    @Incoming("lifecycle")
    public Uni<Void> lifecycle(KafkaRecordBatch<String, byte[]> batch) {
        return events.consumeBatch(batch, "notification-lifecycle", Set.of(EventType.TASK_ASSIGNED, EventType.TASK_UPDATED,
                EventType.TASK_PROGRESS_REPORTED, EventType.TASK_COMPLETED), this::apply);
    }

    @Incoming("evaluations")
    public Uni<Void> evaluations(KafkaRecordBatch<String, byte[]> batch) {
        return events.consumeBatch(batch, "notification-evaluations", Set.of(EventType.TARGET_STATUS_CHANGED), this::apply);
    }

    @Incoming("indices")
    public Uni<Void> indices(KafkaRecordBatch<String, byte[]> batch) {
        return events.consumeBatch(batch, "notification-indices", Set.of(EventType.SATISFACTION_INDEX_UPDATED,
                EventType.SATISFACTION_BELOW_TARGET, EventType.SATISFACTION_RECOVERED), this::apply);
    }

    private Uni<Void> apply(List<ReceivedEvent> events) {
        List<AlertService.Stated> facts = new ArrayList<>();
        for (ReceivedEvent event : events) {
            Facts.of(event.data()).forEach(fact -> facts.add(new AlertService.Stated(fact, event.id())));
        }
        return alerts.applyAll(facts);
    }
}

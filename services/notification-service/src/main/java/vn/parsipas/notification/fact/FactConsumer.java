package vn.parsipas.notification.fact;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import vn.parsipas.contracts.EventType;
import vn.parsipas.notification.alert.AlertService;
import vn.parsipas.platform.events.BatchEventConsumer;
import vn.parsipas.platform.events.InvalidEventException;
import vn.parsipas.platform.events.ReceivedEvent;

/**
 * Consumes the producers' facts a poll at a time: each poll in one transaction with its alerts,
 * deliveries and events, each event applied once and in record order ({@link AlertService#applyAll});
 * a poisoned record is dead-lettered alone ({@link BatchEventConsumer#consumeInSession}).
 */
@ApplicationScoped
public class FactConsumer implements BatchEventConsumer.SessionHandler<List<AlertService.Stated>> {
    @Inject
    BatchEventConsumer events;

    @Inject
    AlertService alerts;

    @Incoming("deadlines")
    public Uni<Void> deadlines(KafkaRecordBatch<String, byte[]> batch) {
        return events.consumeInSession(batch, "notification-deadlines",
                Set.of(EventType.TASK_DUE_SOON, EventType.TASK_OVERDUE, EventType.TASK_DEADLINE_CLEARED), this);
    }

    @Incoming("lifecycle")
    public Uni<Void> lifecycle(KafkaRecordBatch<String, byte[]> batch) {
        return events.consumeInSession(batch, "notification-lifecycle", Set.of(EventType.TASK_ASSIGNED, EventType.TASK_UPDATED,
                EventType.TASK_PROGRESS_REPORTED, EventType.TASK_COMPLETED), this);
    }

    @Incoming("evaluations")
    public Uni<Void> evaluations(KafkaRecordBatch<String, byte[]> batch) {
        return events.consumeInSession(batch, "notification-evaluations", Set.of(EventType.TARGET_STATUS_CHANGED), this);
    }

    @Incoming("indices")
    public Uni<Void> indices(KafkaRecordBatch<String, byte[]> batch) {
        return events.consumeInSession(batch, "notification-indices", Set.of(EventType.SATISFACTION_INDEX_UPDATED,
                EventType.SATISFACTION_BELOW_TARGET, EventType.SATISFACTION_RECOVERED), this);
    }

    /** The facts an event states (none for an event that changes nothing here), with the event's id as their cause. */
    @Override
    public List<AlertService.Stated> check(ReceivedEvent event) {
        return Facts.of(event.data()).stream().map(fact -> new AlertService.Stated(fact, event.id())).toList();
    }

    /** Facts refuse nothing the contract allows: a failure is the batch's, and the platform applies it one by one. */
    @Override
    public Uni<Map<Integer, InvalidEventException>> apply(List<List<AlertService.Stated>> facts) {
        return alerts.applyAll(facts.stream().flatMap(List::stream).toList()).replaceWith(Map.of());
    }
}

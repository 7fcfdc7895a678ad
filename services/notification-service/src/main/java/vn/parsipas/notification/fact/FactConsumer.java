package vn.parsipas.notification.fact;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import vn.parsipas.contracts.EventType;
import vn.parsipas.notification.alert.AlertService;
import vn.parsipas.notification.alert.Fact;
import vn.parsipas.platform.events.EventConsumer;
import vn.parsipas.platform.events.ReceivedEvent;

/** Consumes the producers' facts; each event is applied once, in one transaction with its alerts, deliveries and events. */
@ApplicationScoped
public class FactConsumer {
    @Inject
    EventConsumer events;

    @Inject
    AlertService alerts;

    @Incoming("deadlines")
    public Uni<Void> deadlines(Message<byte[]> message) {
        return events.consume(message, "notification-deadlines",
                Set.of(EventType.TASK_DUE_SOON, EventType.TASK_OVERDUE, EventType.TASK_DEADLINE_CLEARED), this::apply);
    }

    @Incoming("lifecycle")
    public Uni<Void> lifecycle(Message<byte[]> message) {
        return events.consume(message, "notification-lifecycle", Set.of(EventType.TASK_ASSIGNED, EventType.TASK_UPDATED,
                EventType.TASK_PROGRESS_REPORTED, EventType.TASK_COMPLETED), this::apply);
    }

    @Incoming("evaluations")
    public Uni<Void> evaluations(Message<byte[]> message) {
        return events.consume(message, "notification-evaluations", Set.of(EventType.TARGET_STATUS_CHANGED), this::apply);
    }

    @Incoming("indices")
    public Uni<Void> indices(Message<byte[]> message) {
        return events.consume(message, "notification-indices", Set.of(EventType.SATISFACTION_INDEX_UPDATED,
                EventType.SATISFACTION_BELOW_TARGET, EventType.SATISFACTION_RECOVERED), this::apply);
    }

    private Uni<Void> apply(ReceivedEvent event) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Fact fact : Facts.of(event.data())) {
            chain = chain.chain(() -> alerts.apply(fact, event.id()));
        }
        return chain;
    }
}

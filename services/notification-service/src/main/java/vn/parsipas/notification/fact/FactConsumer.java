package vn.parsipas.notification.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.SqlConnection;
import vn.parsipas.contracts.EventType;
import vn.parsipas.notification.alert.FactBatch;
import vn.parsipas.platform.events.BatchEventConsumer;
import vn.parsipas.platform.events.ReceivedEvent;
import vn.parsipas.platform.tracing.EventSpans;
import vn.parsipas.platform.tracing.Traceparent;

/**
 * Consumes the producers' facts; each event is applied once, with its alerts, deliveries and events.
 * Facts come in bulk (a province-wide deadline is thousands at once): a poll is one transaction,
 * set-based ({@link FactBatch}); a poll that fails is applied again one event per transaction, so a
 * poisoned record is dead-lettered alone.
 */
@ApplicationScoped
public class FactConsumer {
    @Inject
    BatchEventConsumer batches;

    @Inject
    FactBatch factBatch;

    @Inject
    EventSpans spans;

    @Incoming("deadlines")
    public Uni<Void> deadlines(KafkaRecordBatch<String, byte[]> batch) {
        return batches.consume(batch, "notification-deadlines",
                Set.of(EventType.TASK_DUE_SOON, EventType.TASK_OVERDUE, EventType.TASK_DEADLINE_CLEARED), inBatches("notification-deadlines"));
    }

    @Incoming("evaluations")
    public Uni<Void> evaluations(KafkaRecordBatch<String, byte[]> batch) {
        return batches.consume(batch, "notification-evaluations", Set.of(EventType.TARGET_STATUS_CHANGED),
                inBatches("notification-evaluations"));
    }

    @Incoming("indices")
    public Uni<Void> indices(KafkaRecordBatch<String, byte[]> batch) {
        return batches.consume(batch, "notification-indices", Set.of(EventType.SATISFACTION_INDEX_UPDATED,
                EventType.SATISFACTION_BELOW_TARGET, EventType.SATISFACTION_RECOVERED), inBatches("notification-indices"));
    }

    @Incoming("lifecycle")
    public Uni<Void> lifecycle(KafkaRecordBatch<String, byte[]> batch) {
        return batches.consume(batch, "notification-lifecycle", Set.of(EventType.TASK_ASSIGNED, EventType.TASK_UPDATED,
                EventType.TASK_PROGRESS_REPORTED, EventType.TASK_COMPLETED), inBatches("notification-lifecycle"));
    }

    /** A poll's facts through {@link FactBatch}, each event under its own consumer span (what it writes continues its trace). */
    private BatchEventConsumer.Handler<ReceivedEvent> inBatches(String consumer) {
        return new BatchEventConsumer.Handler<>() {
            @Override
            public ReceivedEvent check(ReceivedEvent event) {
                return event;
            }

            @Override
            public Uni<Void> apply(SqlConnection connection, List<ReceivedEvent> received) {
                List<Span> started = new ArrayList<>();
                try {
                    List<FactBatch.Caused> facts = new ArrayList<>();
                    for (ReceivedEvent event : received) {
                        Span span = spans.startConsumer(BatchEventConsumer.consumed(consumer, event));
                        started.add(span);
                        String traceparent = Traceparent.of(span.getSpanContext());
                        Facts.of(event.data()).forEach(fact -> facts.add(new FactBatch.Caused(fact, event.id(), event.type().type(), traceparent)));
                    }
                    return factBatch.apply(connection, facts)
                            .onTermination().invoke((done, failure, cancelled) -> end(started, failure));
                } catch (RuntimeException e) {
                    end(started, e);
                    return Uni.createFrom().failure(e);
                }
            }

            @Override
            public boolean tracesEachEvent() {
                return true;
            }
        };
    }

    private static void end(List<Span> spans, Throwable failure) {
        for (Span span : spans) {
            if (failure != null) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
            }
            span.end();
        }
    }
}

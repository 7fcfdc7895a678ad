package vn.parsipas.platform.tracing;

import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;

/**
 * The spans the platform starts itself, so that one trace follows an event across Kafka and the
 * outbox whatever the connector does: a CONSUMER span per record (child of the record's
 * traceparent), a PRODUCER span per published outbox row (child of the traceparent the row keeps),
 * and spans of work done later for an event (a delivery pass reading the traceparent of its row).
 *
 * <p>The span is current while the work runs (Quarkus keeps it on the record's Vert.x context, where
 * the reactive chain runs) so that the outbox rows and delivery rows the work writes keep it, and log
 * lines carry its trace and span ids; a consumer's span also puts the event into the MDC
 * ({@link EventLogContext}).
 */
@ApplicationScoped
public class EventSpans {
    @Inject
    Tracer tracer;

    /** A record's handling: consumer group, topic, CloudEvent id and type, the record's traceparent (may be null). */
    public record Consumed(String consumer, String topic, String eventId, String eventType, String traceparent) {
    }

    /** Runs the handling of one record under a CONSUMER span, with the event in the MDC; both end with the work. */
    public <T> Uni<T> consume(Consumed record, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Span span = consumerSpan(record, List.of()).startSpan();
            EventLogContext.set(record.eventId(), record.eventType());
            return around(span, work, EventLogContext::clear);
        });
    }

    /**
     * A record's CONSUMER span, started and not current: for a batch handler that applies each event of a
     * poll in memory and keeps {@link Traceparent#of} it on what the event writes. The caller ends it.
     */
    public Span startConsumer(Consumed record) {
        return consumerSpan(record, List.of()).startSpan();
    }

    /**
     * Runs the handling of a batch of records under one CONSUMER span: its parent is the first
     * record's traceparent, and it links every record's, so each trace reaches the batch.
     */
    public <T> Uni<T> consumeBatch(String consumer, String topic, List<String> traceparents, int count, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            String first = traceparents.stream().filter(t -> Traceparent.valid(t) != null).findFirst().orElse(null);
            SpanBuilder builder = consumerSpan(new Consumed(consumer, topic, null, null, first), traceparents)
                    .setAttribute("messaging.batch.message_count", (long) count);
            return around(builder.startSpan(), work, () -> {
            });
        });
    }

    /** Runs work done later for an event (a delivery, a publication) under a span that continues the event's trace. */
    public <T> Uni<T> continueTrace(String name, SpanKind kind, String traceparent, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> around(tracer.spanBuilder(name).setSpanKind(kind)
                .setParent(Traceparent.parent(traceparent)).startSpan(), work, () -> {
                }));
    }

    /** A span, not current, that continues the event's trace: for work whose end is not a Uni's (call {@link Span#end()}). */
    public Span start(String name, SpanKind kind, String traceparent) {
        return tracer.spanBuilder(name).setSpanKind(kind).setParent(Traceparent.parent(traceparent)).startSpan();
    }

    private SpanBuilder consumerSpan(Consumed record, List<String> links) {
        SpanBuilder builder = tracer.spanBuilder(record.topic() + " process")
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(Traceparent.parent(record.traceparent()))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.consumer.group.name", record.consumer());
        if (record.eventId() != null) {
            builder.setAttribute("messaging.message.id", record.eventId())
                    .setAttribute("cloudevents.event_id", record.eventId());
        }
        if (record.eventType() != null) {
            builder.setAttribute("cloudevents.event_type", record.eventType());
        }
        for (String link : links) {
            if (Traceparent.valid(link) != null && !link.equals(record.traceparent())) {
                builder.addLink(Span.fromContext(Traceparent.parent(link)).getSpanContext());
            }
        }
        return builder;
    }

    private static <T> Uni<T> around(Span span, Supplier<Uni<T>> work, Runnable cleanUp) {
        Scope scope = span.storeInContext(Context.current()).makeCurrent();
        Uni<T> running;
        try {
            running = work.get();
        } catch (RuntimeException e) {
            running = Uni.createFrom().failure(e);
        }
        return running.onTermination().invoke((item, failure, cancelled) -> {
            if (failure != null) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
            }
            span.end();
            cleanUp.run();
            scope.close();
        });
    }
}

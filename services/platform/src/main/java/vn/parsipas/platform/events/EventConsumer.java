package vn.parsipas.platform.events;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import vn.parsipas.contracts.EventType;
import vn.parsipas.platform.tracing.EventLogContext;
import vn.parsipas.platform.tracing.EventSpans;

/**
 * The one way a service applies an event from Kafka: read and validate the CloudEvent, then in one
 * transaction record it in the inbox and apply its effect (which may write outbox rows), then ack.
 *
 * <ul>
 *   <li>Invalid record, {@link InvalidEventException} from the effect or a data exception of the
 *       database: nack, so the channel's dead-letter strategy sends it to {@code <topic>.dlq} with
 *       the reason; the consumer goes on.</li>
 *   <li>Redelivery: the inbox says so, nothing is applied again.</li>
 *   <li>An engine away (database down, restarting): waited out, in order, for as long as it lasts;
 *       any other failure: retried for {@code parsipas.events.max-retry}, then dead-lettered
 *       ({@link Retry}).</li>
 * </ul>
 */
@ApplicationScoped
public class EventConsumer {
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    @Inject
    Inbox inbox;

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    @Inject
    EventSpans spans;

    @ConfigProperty(name = "parsipas.events.max-retry", defaultValue = "PT15M")
    Duration maxRetry;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    public Uni<Void> consume(Message<byte[]> message, String consumer, Set<EventType> accepted,
            Function<ReceivedEvent, Uni<Void>> effect) {
        ReceivedEvent event;
        try {
            event = read(message, accepted);
        } catch (InvalidEventException e) {
            return rejectUnread(message, consumer, e);
        }
        return traced(consumer, event, () -> applyOnce(message, consumer, event, Panache.withTransaction(() -> inbox
                .firstDelivery(consumer, event)
                .chain(first -> first ? effect.apply(event).replaceWith(true) : Uni.createFrom().item(false)))));
    }

    /**
     * As {@link #consume(Message, String, Set, Function)}, for a service whose stores use the Vert.x
     * client: the inbox row and the effect in one transaction of the {@code Pool}, on its connection.
     */
    public Uni<Void> consumeOnPool(Message<byte[]> message, String consumer, Set<EventType> accepted,
            BiFunction<SqlConnection, ReceivedEvent, Uni<Void>> effect) {
        ReceivedEvent event;
        try {
            event = read(message, accepted);
        } catch (InvalidEventException e) {
            return rejectUnread(message, consumer, e);
        }
        return traced(consumer, event, () -> applyOnce(message, consumer, event, pool.withTransaction(connection -> inbox
                .firstDeliveries(connection, consumer, List.of(event))
                .chain(first -> first.isEmpty() ? Uni.createFrom().item(false) : effect.apply(connection, event).replaceWith(true)))));
    }

    /** The record's handling as a span of the trace it carried, with the event's id and type on every log line. */
    private Uni<Void> traced(String consumer, ReceivedEvent event, Supplier<Uni<Void>> handling) {
        return spans.consume(BatchEventConsumer.consumed(consumer, event), handling);
    }

    /** Runs the transaction (true: applied, false: a redelivery) with the retry rules, then acks or dead-letters. */
    private Uni<Void> applyOnce(Message<byte[]> message, String consumer, ReceivedEvent event, Uni<Boolean> transaction) {
        return Retry.applying(consumer + ": applying " + event.type().type() + " " + event.id(), maxRetry, transaction)
                .onItemOrFailure().transformToUni((applied, failure) -> {
                    if (failure != null) {
                        return reject(message, consumer, (InvalidEventException) failure);
                    }
                    count(consumer, applied ? "applied" : "duplicate");
                    return Uni.createFrom().completionStage(message.ack());
                });
    }

    private ReceivedEvent read(Message<byte[]> message, Set<EventType> accepted) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("not a Kafka message"));
        return CloudEventReader.read(message.getPayload(), kafka.getHeaders(), kafka.getTopic(), kafka.getPartition(),
                kafka.getOffset(), accepted);
    }

    /** A record that is no valid CloudEvent: its log line names the id and type its headers claim, if any. */
    private Uni<Void> rejectUnread(Message<byte[]> message, String consumer, InvalidEventException reason) {
        var headers = message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getHeaders).orElse(null);
        EventLogContext.set(CloudEventReader.header(headers, "ce_id"), CloudEventReader.header(headers, "ce_type"));
        try {
            return reject(message, consumer, reason);
        } finally {
            EventLogContext.clear();
        }
    }

    private Uni<Void> reject(Message<byte[]> message, String consumer, InvalidEventException reason) {
        LOG.warnf("%s: dead-lettering a record: %s", consumer, reason.describe());
        count(consumer, "rejected");
        return Uni.createFrom().completionStage(message.nack(reason, DeadLetterHeaders.of(service)));
    }

    private void count(String consumer, String outcome) {
        registry.counter("parsipas.events.consumed", "consumer", consumer, "outcome", outcome).increment();
    }
}

package vn.parsipas.platform.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import vn.parsipas.contracts.EventType;
import vn.parsipas.platform.inbox.Inbox;

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
    MeterRegistry registry;

    @ConfigProperty(name = "parsipas.events.max-retry", defaultValue = "PT15M")
    Duration maxRetry;

    public Uni<Void> consume(Message<byte[]> message, String consumer, Set<EventType> accepted,
            Function<ReceivedEvent, Uni<Void>> effect) {
        ReceivedEvent event;
        try {
            event = read(message, accepted);
        } catch (InvalidEventException e) {
            return reject(message, consumer, e);
        }
        return applyAlone(message, consumer, event, effect)
                .chain(applied -> applied ? Uni.createFrom().completionStage(message.ack()) : Uni.createFrom().voidItem());
    }

    /**
     * A whole poll in one transaction: one inbox statement, then {@code effect} applies the first
     * deliveries, in record order, at once (so it can load what they touch in one query, and a later
     * fact of the batch sees what an earlier one did: raise then clear, a repeated fact). An invalid record is dead-lettered alone; when the batch transaction fails, its records
     * are applied again one by one with the rules above, so only the poisoned one is dead-lettered.
     * The channel needs {@code batch=true}.
     */
    public Uni<Void> consumeBatch(KafkaRecordBatch<?, byte[]> batch, String consumer, Set<EventType> accepted,
            Function<List<ReceivedEvent>, Uni<Void>> effect) {
        Executor onChannel = ChannelContext.current();
        Map<KafkaRecord<?, byte[]>, ReceivedEvent> events = new LinkedHashMap<>();
        List<Uni<Void>> rejections = new ArrayList<>();
        for (KafkaRecord<?, byte[]> record : batch.getRecords()) {
            try {
                events.put(record, read(record, accepted));
            } catch (InvalidEventException e) {
                rejections.add(reject(record, consumer, e));
            }
        }
        Uni<Void> applied = events.isEmpty() ? Uni.createFrom().voidItem()
                : Panache.withTransaction(() -> applyInOrder(consumer, List.copyOf(events.values()), effect))
                        .invoke(first -> {
                            count(consumer, "applied", first);
                            count(consumer, "duplicate", events.size() - first);
                        })
                        .replaceWithVoid()
                        .onFailure().recoverWithUni(failure -> {
                            LOG.warnf("%s: a batch of %d failed (%s); applying its records one by one", consumer,
                                    events.size(), failure.toString());
                            return Multi.createFrom().iterable(events.entrySet())
                                    .onItem().transformToUniAndConcatenate(one -> Uni.createFrom().voidItem().emitOn(onChannel)
                                            .chain(() -> applyAlone(one.getKey(), consumer, one.getValue(),
                                                    event -> effect.apply(List.of(event)))))
                                    .collect().last().replaceWithVoid();
                        });
        return applied
                .chain(() -> rejections.isEmpty() ? Uni.createFrom().voidItem()
                        : Uni.join().all(rejections).andCollectFailures().replaceWithVoid())
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    private Uni<Integer> applyInOrder(String consumer, List<ReceivedEvent> events, Function<List<ReceivedEvent>, Uni<Void>> effect) {
        return inbox.firstDeliveries(consumer, events)
                .chain(first -> (first.isEmpty() ? Uni.createFrom().voidItem() : effect.apply(first)).replaceWith(first.size()));
    }

    /** One event in its own transaction, retried as {@link Retry} says; false when it was dead-lettered. */
    private Uni<Boolean> applyAlone(Message<byte[]> message, String consumer, ReceivedEvent event,
            Function<ReceivedEvent, Uni<Void>> effect) {
        Retry retry = new Retry(consumer + ": applying " + event.type().type() + " " + event.id(), maxRetry);
        return Panache.withTransaction(() -> inbox.firstDelivery(consumer, event)
                        .chain(first -> first ? effect.apply(event).replaceWith(true) : Uni.createFrom().item(false)))
                .onFailure().transform(Retry::recordFault)
                .onFailure(failure -> !(failure instanceof InvalidEventException))
                .retry().when(failures -> failures.onItem().transformToUniAndConcatenate(retry::next))
                .onItemOrFailure().transformToUni((applied, failure) -> {
                    if (failure instanceof InvalidEventException invalid) {
                        return reject(message, consumer, invalid).replaceWith(false);
                    }
                    if (failure != null) {
                        return reject(message, consumer,
                                new InvalidEventException("processing failed after retries", failure)).replaceWith(false);
                    }
                    count(consumer, applied ? "applied" : "duplicate", 1);
                    return Uni.createFrom().item(true);
                });
    }

    private ReceivedEvent read(Message<byte[]> message, Set<EventType> accepted) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("not a Kafka message"));
        return CloudEventReader.read(message.getPayload(), kafka.getHeaders(), kafka.getTopic(), kafka.getPartition(),
                kafka.getOffset(), accepted);
    }

    private Uni<Void> reject(Message<byte[]> message, String consumer, InvalidEventException reason) {
        LOG.warnf("%s: dead-lettering a record: %s", consumer, reason.describe());
        count(consumer, "rejected", 1);
        return Uni.createFrom().completionStage(message.nack(reason));
    }

    private void count(String consumer, String outcome, int amount) {
        if (amount > 0) {
            registry.counter("parsipas.events.consumed", "consumer", consumer, "outcome", outcome).increment(amount);
        }
    }
}

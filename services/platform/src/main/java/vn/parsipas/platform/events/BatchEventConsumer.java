package vn.parsipas.platform.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import vn.parsipas.contracts.EventType;
import vn.parsipas.platform.inbox.Inbox;

/**
 * The batch variant of {@link EventConsumer}, for high-volume topics: a whole poll of records is
 * applied in one SQL transaction (one inbox statement, the handler's bulk statements), with the
 * same guarantees per record.
 *
 * <ul>
 *   <li>A record that is not a valid CloudEvent of an accepted type, or that the handler's
 *       {@link Handler#check} refuses, is dead-lettered alone, with its reason.</li>
 *   <li>Redelivered events (and an id repeated within the batch) are applied once.</li>
 *   <li>When the batch transaction fails — a rule only the database can tell, or an engine
 *       failure — the records are applied again one by one, each in its own transaction with
 *       {@link EventConsumer}'s retry and dead-letter rules ({@link Retry}): nothing valid is lost
 *       because an invalid record sat next to it.</li>
 * </ul>
 * The channel needs {@code batch=true}; the method takes {@code KafkaRecordBatch<String, byte[]>}.
 */
@ApplicationScoped
public class BatchEventConsumer {
    private static final Logger LOG = Logger.getLogger(BatchEventConsumer.class);

    /** What a service does with a batch. */
    public interface Handler<T> {
        /** Outside any transaction: turns a valid event into what {@link #apply} needs, or throws {@link InvalidEventException}. */
        T check(ReceivedEvent event);

        /** Inside the transaction, after the inbox: applies the items of first deliveries, in record order. */
        Uni<Void> apply(SqlConnection connection, List<T> items);
    }

    @Inject
    Pool pool;

    @Inject
    Inbox inbox;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "parsipas.events.max-retry", defaultValue = "PT15M")
    Duration maxRetry;

    private record Accepted<T>(KafkaRecord<?, byte[]> record, ReceivedEvent event, T item) {
    }

    public <T> Uni<Void> consume(KafkaRecordBatch<?, byte[]> batch, String consumer, Set<EventType> types,
            Handler<T> handler) {
        List<Accepted<T>> accepted = new ArrayList<>();
        List<Uni<Void>> rejections = new ArrayList<>();
        for (KafkaRecord<?, byte[]> record : batch.getRecords()) {
            try {
                ReceivedEvent event = CloudEventReader.read(record.getPayload(), record.getHeaders(), record.getTopic(),
                        record.getPartition(), offset(record), types);
                accepted.add(new Accepted<>(record, event, handler.check(event)));
            } catch (InvalidEventException e) {
                rejections.add(reject(record, consumer, e));
            }
        }
        Uni<Void> applied = accepted.isEmpty() ? Uni.createFrom().voidItem()
                : pool.withTransaction(connection -> apply(connection, consumer, accepted, handler))
                        .invoke(first -> {
                            count(consumer, "applied", first);
                            count(consumer, "duplicate", accepted.size() - first);
                        })
                        .replaceWithVoid()
                        .onFailure().recoverWithUni(failure -> {
                            LOG.warnf("%s: a batch of %d failed (%s); applying its records one by one", consumer,
                                    accepted.size(), failure.toString());
                            return oneByOne(consumer, accepted, handler);
                        });
        return applied
                .chain(() -> rejections.isEmpty() ? Uni.createFrom().voidItem()
                        : Uni.join().all(rejections).andCollectFailures().replaceWithVoid())
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    private <T> Uni<Integer> apply(SqlConnection connection, String consumer, List<Accepted<T>> accepted,
            Handler<T> handler) {
        return inbox.firstDeliveries(connection, consumer, accepted.stream().map(Accepted::event).toList())
                .chain(first -> {
                    Set<ReceivedEvent> firstSet = Collections.newSetFromMap(new IdentityHashMap<>());
                    firstSet.addAll(first);
                    List<T> items = accepted.stream().filter(a -> firstSet.contains(a.event())).map(Accepted::item).toList();
                    return (items.isEmpty() ? Uni.createFrom().voidItem() : handler.apply(connection, items))
                            .replaceWith(items.size());
                });
    }

    private <T> Uni<Void> oneByOne(String consumer, List<Accepted<T>> accepted, Handler<T> handler) {
        return Multi.createFrom().iterable(accepted)
                .onItem().transformToUniAndConcatenate(one -> {
                    Retry retry = new Retry(consumer + ": applying " + one.event().type().type() + " " + one.event().id(), maxRetry);
                    return pool.withTransaction(connection -> apply(connection, consumer, List.of(one), handler))
                            .onFailure().transform(Retry::recordFault)
                            .onFailure(failure -> !(failure instanceof InvalidEventException))
                            .retry().when(failures -> failures.onItem().transformToUniAndConcatenate(retry::next))
                            .onItemOrFailure().transformToUni((first, failure) -> {
                                if (failure instanceof InvalidEventException invalid) {
                                    return reject(one.record(), consumer, invalid);
                                }
                                if (failure != null) {
                                    return reject(one.record(), consumer,
                                            new InvalidEventException("processing failed after retries", failure));
                                }
                                count(consumer, first == 1 ? "applied" : "duplicate", 1);
                                return Uni.createFrom().voidItem();
                            });
                })
                .collect().last()
                .replaceWithVoid();
    }

    private Uni<Void> reject(KafkaRecord<?, byte[]> record, String consumer, InvalidEventException reason) {
        LOG.warnf("%s: dead-lettering record %s-%d@%d: %s", consumer, record.getTopic(), record.getPartition(),
                offset(record), reason.describe());
        count(consumer, "rejected", 1);
        return Uni.createFrom().completionStage(record.nack(reason));
    }

    private static long offset(KafkaRecord<?, byte[]> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getOffset).orElse(-1L);
    }

    private void count(String consumer, String outcome, int amount) {
        if (amount > 0) {
            registry.counter("parsipas.events.consumed", "consumer", consumer, "outcome", outcome).increment(amount);
        }
    }
}

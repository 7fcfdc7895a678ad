package vn.parsipas.platform.events;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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
import vn.parsipas.platform.tracing.EventLogContext;
import vn.parsipas.platform.tracing.EventSpans;

/**
 * The batch variant of {@link EventConsumer}, for high-volume topics: a whole poll of records is
 * applied in one SQL transaction (one inbox statement, the handler's bulk statements), with the
 * same guarantees per record.
 *
 * <ul>
 *   <li>A record that is not a valid CloudEvent of an accepted type, or that the handler's
 *       {@code check} refuses, is dead-lettered alone, with its reason; so is one a
 *       {@link RefusingHandler} refuses inside the transaction (the others stay applied).</li>
 *   <li>Redelivered events (and an id repeated within the batch) are applied once.</li>
 *   <li>When the batch transaction fails — a rule only the database can tell, or an engine
 *       failure — the records are applied again one by one, each in its own transaction with
 *       {@link EventConsumer}'s retry and dead-letter rules ({@link Retry}): nothing valid is lost
 *       because an invalid record sat next to it.</li>
 *   <li>Records are taken in the order they were written: each partition's in offset order, the
 *       partitions interleaved by record timestamp (a poll returns them partition by partition);
 *       dead letters leave in that order too.</li>
 * </ul>
 * The channel needs {@code batch=true}; the method takes {@code KafkaRecordBatch<String, byte[]>}.
 */
@ApplicationScoped
public class BatchEventConsumer {
    private static final Logger LOG = Logger.getLogger(BatchEventConsumer.class);

    /** What a service does with a batch, on the transaction's connection. */
    public interface Handler<T> {
        /** Outside any transaction: turns a valid event into what {@link #apply} needs, or throws {@link InvalidEventException}. */
        T check(ReceivedEvent event);

        /** Inside the transaction, after the inbox: applies the items of first deliveries, in record order. */
        Uni<Void> apply(SqlConnection connection, List<T> items);

        /**
         * True when {@link #apply} starts each event's CONSUMER span itself ({@link EventSpans#startConsumer}), so
         * that what it writes for an event continues that event's trace; the batch then gets no span of its own.
         */
        default boolean tracesEachEvent() {
            return false;
        }
    }

    /**
     * What a service does with a batch when some records can only be judged inside the transaction: as
     * {@link Handler}, and answers the refused ones, which are dead-lettered while the others stay applied.
     */
    public interface RefusingHandler<T> {
        /** Outside any transaction: turns a valid event into what {@link #apply} needs, or throws {@link InvalidEventException}. */
        T check(ReceivedEvent event);

        /** Inside the transaction, after the inbox: applies the items and answers the refused ones by position, each with its reason. */
        Uni<Map<Integer, InvalidEventException>> apply(SqlConnection connection, List<T> items);
    }

    @Inject
    Pool pool;

    @Inject
    Inbox inbox;

    @Inject
    MeterRegistry registry;

    @Inject
    EventSpans spans;

    @ConfigProperty(name = "parsipas.events.max-retry", defaultValue = "PT15M")
    Duration maxRetry;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** One record of the poll: accepted with its item, or invalid with its reason. */
    private record Entry<T>(KafkaRecord<?, byte[]> record, ReceivedEvent event, T item, InvalidEventException invalid) {
    }

    /** What a batch transaction did: how many events were first deliveries, and the refused ones. */
    private record Applied(int first, Map<ReceivedEvent, InvalidEventException> refused) {
    }

    /** Applies the accepted entries in one transaction. */
    private interface Transaction<T> {
        Uni<Applied> run(List<Entry<T>> accepted);
    }

    public <T> Uni<Void> consume(KafkaRecordBatch<?, byte[]> batch, String consumer, Set<EventType> types, Handler<T> handler) {
        return consume(batch, consumer, types, handler::check, !handler.tracesEachEvent(), accepted -> pool.withTransaction(connection -> inbox
                .firstDeliveries(connection, consumer, events(accepted))
                .chain(first -> {
                    List<T> items = firstOf(accepted, first).stream().map(Entry::item).toList();
                    return (items.isEmpty() ? Uni.createFrom().voidItem() : handler.apply(connection, items))
                            .replaceWith(new Applied(first.size(), Map.of()));
                })));
    }

    /** As {@link #consume(KafkaRecordBatch, String, Set, Handler)}, with records refused inside the transaction dead-lettered alone. */
    public <T> Uni<Void> consume(KafkaRecordBatch<?, byte[]> batch, String consumer, Set<EventType> types, RefusingHandler<T> handler) {
        return consume(batch, consumer, types, handler::check, true, accepted -> pool.withTransaction(connection -> inbox
                .firstDeliveries(connection, consumer, events(accepted))
                .chain(first -> {
                    List<Entry<T>> firstEntries = firstOf(accepted, first);
                    List<T> items = firstEntries.stream().map(Entry::item).toList();
                    return (items.isEmpty() ? Uni.createFrom().item(Map.<Integer, InvalidEventException>of())
                            : handler.apply(connection, items))
                            .chain(refusedByPosition -> {
                                Map<ReceivedEvent, InvalidEventException> refused = refused(firstEntries, refusedByPosition);
                                return inbox.forget(connection, consumer, List.copyOf(refused.keySet()))
                                        .replaceWith(new Applied(first.size(), refused));
                            });
                })));
    }

    private static <T> Map<ReceivedEvent, InvalidEventException> refused(List<Entry<T>> firstEntries,
            Map<Integer, InvalidEventException> refusedByPosition) {
        Map<ReceivedEvent, InvalidEventException> refused = new IdentityHashMap<>();
        refusedByPosition.forEach((position, reason) -> refused.put(firstEntries.get(position).event(), reason));
        return refused;
    }

    /** {@code spans}: false where the handler starts each event's span itself. */
    private <T> Uni<Void> consume(KafkaRecordBatch<?, byte[]> batch, String consumer, Set<EventType> types,
            Function<ReceivedEvent, T> check, boolean spans, Transaction<T> transaction) {
        long begin = System.nanoTime();
        List<Entry<T>> entries = new ArrayList<>();
        for (KafkaRecord<?, byte[]> record : inWriteOrder(batch.getRecords())) {
            try {
                ReceivedEvent event = CloudEventReader.read(record.getPayload(), record.getHeaders(), record.getTopic(),
                        record.getPartition(), offset(record), types);
                entries.add(new Entry<>(record, event, check.apply(event), null));
            } catch (InvalidEventException e) {
                entries.add(new Entry<>(record, null, null, e));
            }
        }
        List<Entry<T>> accepted = entries.stream().filter(entry -> entry.invalid() == null).toList();
        long checked = System.nanoTime();
        Uni<Void> applied = accepted.isEmpty() ? rejectInOrder(consumer, entries, Map.of())
                : (spans ? this.spans.consumeBatch(consumer, accepted.get(0).event().topic(),
                        accepted.stream().map(entry -> entry.event().traceparent()).toList(), accepted.size(), () -> transaction.run(accepted))
                        : transaction.run(accepted))
                        .onItemOrFailure().transformToUni((result, failure) -> {
                            if (failure != null) {
                                LOG.warnf("%s: a batch of %d failed (%s); applying its records one by one", consumer,
                                        accepted.size(), failure.toString());
                                return oneByOne(consumer, entries, spans, transaction);
                            }
                            count(consumer, "applied", result.first() - result.refused().size());
                            count(consumer, "duplicate", accepted.size() - result.first());
                            return rejectInOrder(consumer, entries, result.refused());
                        });
        // where a batch's time goes (docs/benchmarks): reading and checking its records, then applying them
        return applied.invoke(() -> LOG.debugf("%s: %d records read and checked in %d µs, applied in %d µs", consumer,
                entries.size(), (checked - begin) / 1000, (System.nanoTime() - checked) / 1000))
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    /** Each partition's records in offset order, merged across partitions by timestamp. */
    static <R extends KafkaRecord<?, ?>> List<R> inWriteOrder(List<R> records) {
        Map<String, Deque<R>> byPartition = new LinkedHashMap<>();
        records.forEach(record -> byPartition.computeIfAbsent(record.getTopic() + "-" + record.getPartition(), key -> new ArrayDeque<>())
                .add(record));
        List<R> ordered = new ArrayList<>(records.size());
        while (ordered.size() < records.size()) {
            Deque<R> earliest = null;
            for (Deque<R> partition : byPartition.values()) {
                if (!partition.isEmpty() && (earliest == null || partition.peek().getTimestamp().isBefore(earliest.peek().getTimestamp()))) {
                    earliest = partition;
                }
            }
            ordered.add(earliest.poll());
        }
        return ordered;
    }

    private static <T> List<ReceivedEvent> events(List<Entry<T>> accepted) {
        return accepted.stream().map(Entry::event).toList();
    }

    /** The entries of the first deliveries, in record order. */
    private static <T> List<Entry<T>> firstOf(List<Entry<T>> accepted, List<ReceivedEvent> first) {
        Set<ReceivedEvent> firstSet = Collections.newSetFromMap(new IdentityHashMap<>());
        firstSet.addAll(first);
        return accepted.stream().filter(entry -> firstSet.contains(entry.event())).toList();
    }

    private <T> Uni<Void> rejectInOrder(String consumer, List<Entry<T>> entries, Map<ReceivedEvent, InvalidEventException> refused) {
        return Multi.createFrom().iterable(entries)
                .onItem().transformToUniAndConcatenate(entry -> {
                    InvalidEventException reason = entry.invalid() != null ? entry.invalid() : refused.get(entry.event());
                    return reason == null ? Uni.createFrom().voidItem() : reject(entry, consumer, reason);
                })
                .collect().last()
                .replaceWithVoid();
    }

    private <T> Uni<Void> oneByOne(String consumer, List<Entry<T>> entries, boolean spans, Transaction<T> transaction) {
        return Multi.createFrom().iterable(entries)
                .onItem().transformToUniAndConcatenate(entry -> entry.invalid() != null ? reject(entry, consumer, entry.invalid())
                        : spans ? this.spans.consume(consumed(consumer, entry.event()), () -> applyAlone(consumer, entry, transaction))
                        : applyAlone(consumer, entry, transaction))
                .collect().last()
                .replaceWithVoid();
    }

    /** What the span of one record's handling names. */
    public static EventSpans.Consumed consumed(String consumer, ReceivedEvent event) {
        return new EventSpans.Consumed(consumer, event.topic(), event.id(), event.type().type(), event.traceparent());
    }

    private <T> Uni<Void> applyAlone(String consumer, Entry<T> entry, Transaction<T> transaction) {
        return Retry.applying(consumer + ": applying " + entry.event().type().type() + " " + entry.event().id(), maxRetry,
                        transaction.run(List.of(entry)))
                .onItemOrFailure().transformToUni((result, failure) -> {
                    if (failure != null) {
                        return reject(entry, consumer, (InvalidEventException) failure);
                    }
                    if (!result.refused().isEmpty()) {
                        return reject(entry, consumer, result.refused().get(entry.event()));
                    }
                    count(consumer, result.first() == 1 ? "applied" : "duplicate", 1);
                    return Uni.createFrom().voidItem();
                });
    }

    /** Dead-letters one record; its log line names the event (or the id and type its headers claim). */
    private <T> Uni<Void> reject(Entry<T> entry, String consumer, InvalidEventException reason) {
        KafkaRecord<?, byte[]> record = entry.record();
        if (entry.event() != null) {
            EventLogContext.set(entry.event().id(), entry.event().type().type());
        } else {
            EventLogContext.set(CloudEventReader.header(record.getHeaders(), "ce_id"), CloudEventReader.header(record.getHeaders(), "ce_type"));
        }
        try {
            LOG.warnf("%s: dead-lettering record %s-%d@%d: %s", consumer, record.getTopic(), record.getPartition(),
                    offset(record), reason.describe());
        } finally {
            EventLogContext.clear();
        }
        count(consumer, "rejected", 1);
        return Uni.createFrom().completionStage(record.nack(reason, DeadLetterHeaders.of(service)));
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

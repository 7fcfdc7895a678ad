package vn.parsipas.platform.deadletter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import vn.parsipas.platform.deadletter.DeadLetterKafka.Position;
import vn.parsipas.platform.problem.ConflictException;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.paging.Cursors;
import vn.parsipas.platform.paging.Page;

/**
 * Dead letters of this service's consumers, for operators: the waiting ones (not yet replayed or
 * discarded, refused by this service), a replay back to the topic they came from, unchanged (same
 * CloudEvent id, so a consumer that applied the event skips it through its inbox), a discard, and
 * the record of both ({@link DeadLetterLog}).
 */
@ApplicationScoped
public class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final int ALL = Integer.MAX_VALUE;

    @Inject
    DeadLetterTopics topics;

    @Inject
    DeadLetterKafka kafka;

    @Inject
    DeadLetterLog log;

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @Schema(description = "A dead-letter topic of this service with what waits in it")
    public record TopicSummary(
            @Schema(description = "the dead-letter topic") String topic,
            @Schema(description = "the consumer (channel) that writes it") String channel,
            @Schema(description = "records waiting (neither replayed nor discarded)") int waiting,
            @Schema(description = "the waiting records by reason, most frequent first") List<ReasonCount> reasons) {
    }

    public record ReasonCount(String reason, int count) {
    }

    @Schema(description = "What a replay or discard did")
    public record Outcome(@Schema(enumeration = { "replayed", "discarded" }) String action, int count, List<Handled> records) {
    }

    public record Handled(int partition, long offset, @Schema(nullable = true) String eventId) {
    }

    public Uni<List<TopicSummary>> summaries() {
        List<Uni<TopicSummary>> each = new ArrayList<>();
        topics.all().forEach((topic, channel) -> each.add(waiting(topic, record -> true, Position.START, ALL)
                .map(letters -> summary(topic, channel, letters))));
        return each.isEmpty() ? Uni.createFrom().item(List.of()) : Uni.join().all(each).andFailFast();
    }

    public Uni<Page<DeadLetter>> list(String topic, String reason, String cursor, int limit) {
        topics.require(topic);
        Position from = parse(cursor);
        return waiting(topic, letter -> reason == null || reason.equals(letter.reason()), from, limit + 1)
                .map(letters -> letters.size() <= limit ? new Page<>(letters, null)
                        : new Page<>(letters.subList(0, limit), encode(letters.get(limit))));
    }

    public Uni<Outcome> replay(String topic, Selection selection, String actor) {
        selection.check(false);
        return act(topic, selection, "replayed", actor);
    }

    public Uni<Outcome> discard(String topic, Selection selection, String actor) {
        selection.check(true);
        return act(topic, selection, "discarded", actor);
    }

    public Uni<Page<DeadLetterLog.Action>> actions(String topic, String cursor, int limit) {
        if (topic != null) {
            topics.require(topic);
        }
        return log.list(topic, cursor, limit);
    }

    private Uni<Outcome> act(String topic, Selection selection, String action, String actor) {
        topics.require(topic);
        boolean replay = "replayed".equals(action);
        return log.handled(topic).chain(handled -> blocking(() -> kafka.read(topic, Position.START, selected(selection), ALL))
                .map(records -> chosen(topic, selection, records, handled, replay)))
                .chain(chosen -> pool.withTransaction(connection -> log.record(connection, topic,
                                chosen.values().stream().toList(), action, selection.comment(), actor)
                        .chain(recorded -> {
                            List<ConsumerRecord<byte[], byte[]>> raw = new ArrayList<>();
                            chosen.forEach((record, letter) -> {
                                if (recorded.contains(letter)) {
                                    raw.add(record);
                                }
                            });
                            return replay ? blocking(() -> {
                                kafka.replay(raw);
                                return recorded;
                            }) : Uni.createFrom().item(recorded);
                        })))
                .map(recorded -> {
                    LOG.infof("%s %s %d dead letters of %s: %s", actor, action, recorded.size(), topic,
                            recorded.stream().map(letter -> letter.partition() + ":" + letter.offset()).toList());
                    registry.counter("parsipas.dead.letters.handled", "topic", topic, "action", action).increment(recorded.size());
                    return new Outcome(action, recorded.size(), recorded.stream()
                            .map(letter -> new Handled(letter.partition(), letter.offset(), letter.eventId())).toList());
                });
    }

    /**
     * The waiting records among those the selection names; each record named by place or id must be
     * there (else 400 naming it) and waiting (else 409 naming it).
     */
    private Map<ConsumerRecord<byte[], byte[]>, DeadLetter> chosen(String topic, Selection selection,
            List<ConsumerRecord<byte[], byte[]>> records, Set<String> handled, boolean replay) {
        Map<ConsumerRecord<byte[], byte[]>, DeadLetter> waiting = new LinkedHashMap<>();
        Set<String> present = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String place = record.partition() + ":" + record.offset();
            present.add(place);
            if (!handled.contains(place)) {
                waiting.put(record, DeadLetter.of(record));
            }
        }
        List<Selection.Place> places = selection.offsets() == null ? List.of() : selection.offsets();
        for (int i = 0; i < places.size(); i++) {
            Selection.Place place = places.get(i);
            String key = place.partition() + ":" + place.offset();
            if (!present.contains(key)) {
                throw new InvalidInputException("offsets[" + i + "]", "no dead letter of " + service + " at partition "
                        + place.partition() + ", offset " + place.offset() + " of " + topic);
            }
            if (handled.contains(key)) {
                throw new ConflictException("offsets[" + i + "]: the dead letter at partition " + place.partition() + ", offset "
                        + place.offset() + " was already replayed or discarded (see the dead-letter actions)");
            }
        }
        Set<String> waitingIds = new HashSet<>();
        waiting.values().forEach(letter -> waitingIds.add(letter.eventId()));
        List<String> ids = selection.eventIds() == null ? List.of() : selection.eventIds();
        for (int i = 0; i < ids.size(); i++) {
            if (!waitingIds.contains(ids.get(i))) {
                throw new InvalidInputException("eventIds[" + i + "]", "no waiting dead letter of " + service + " in " + topic
                        + " carries this CloudEvent id (unknown, or already replayed or discarded)");
            }
        }
        if (replay) {
            waiting.values().stream().filter(letter -> !DeadLetterTopics.feeds(topic, letter.originalTopic())).findFirst()
                    .ifPresent(letter -> {
                        throw new ConflictException("the dead letter at partition " + letter.partition() + ", offset " + letter.offset()
                                + " names no topic that " + topic + " is the dead-letter topic of, so it cannot be replayed; discard it");
                    });
        }
        return waiting;
    }

    /** Which records of the topic a selection may name: this service's, and the named ones only. */
    private Predicate<ConsumerRecord<byte[], byte[]>> selected(Selection selection) {
        Set<String> places = selection.offsets() == null ? null : Set.copyOf(selection.offsets().stream()
                .map(place -> place.partition() + ":" + place.offset()).toList());
        Set<String> ids = selection.eventIds() == null ? null : Set.copyOf(selection.eventIds());
        return record -> {
            if (!ours(record)) {
                return false;
            }
            if (places != null) {
                return places.contains(record.partition() + ":" + record.offset());
            }
            DeadLetter letter = DeadLetter.of(record);
            return ids != null ? ids.contains(letter.eventId()) : selection.reason().equals(letter.reason());
        };
    }

    private Uni<List<DeadLetter>> waiting(String topic, Predicate<DeadLetter> filter, Position from, int max) {
        return log.handled(topic).chain(handled -> blocking(() -> kafka.read(topic, from,
                        record -> ours(record) && !handled.contains(record.partition() + ":" + record.offset())
                                && filter.test(DeadLetter.of(record)), max)))
                .map(records -> records.stream().map(DeadLetter::of).toList());
    }

    private boolean ours(ConsumerRecord<byte[], byte[]> record) {
        String refusedBy = DeadLetter.service(record);
        return refusedBy == null || refusedBy.equals(service);
    }

    private static TopicSummary summary(String topic, String channel, List<DeadLetter> letters) {
        Map<String, Integer> counts = new HashMap<>();
        letters.forEach(letter -> counts.merge(letter.reason(), 1, Integer::sum));
        List<ReasonCount> reasons = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> new ReasonCount(entry.getKey(), entry.getValue())).toList();
        return new TopicSummary(topic, channel, letters.size(), reasons);
    }

    private static <T> Uni<T> blocking(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** The cursor is the position of the first letter of the next page: the list reads from it. */
    private static String encode(DeadLetter next) {
        return Cursors.encode(String.valueOf(next.partition()), String.valueOf(next.offset()));
    }

    private static Position parse(String cursor) {
        Position from = Cursors.decode(cursor, 2,
                parts -> new Position(Integer.parseInt(parts.get(0)), Long.parseLong(parts.get(1))));
        return from == null ? Position.START : from;
    }
}

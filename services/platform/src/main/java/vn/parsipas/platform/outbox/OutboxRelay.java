package vn.parsipas.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.platform.pump.Pump;
import vn.parsipas.platform.tracing.EventSpans;
import vn.parsipas.platform.tracing.Traceparent;

/**
 * Publishes outbox rows to Kafka as structured CloudEvents, oldest first, and marks them sent.
 *
 * <p>A pass locks up to {@code lanes-per-pass} lanes that have work and that no other relay holds
 * ({@code FOR UPDATE SKIP LOCKED}) and drains their unsent rows in id order within one transaction: replicas share the work without ever publishing one key from
 * two places, and nothing is marked sent that Kafka did not acknowledge. The relay wakes on the
 * NOTIFY that the commit of an outbox insert sends ({@link OutboxListener}); polling is the safety net.
 * Passes run on the platform's {@link Pump}; after a failure it backs off exponentially.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    OutboxConfig config;

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    MutinyEmitter<JsonObject> emitter;

    @Inject
    MeterRegistry registry;

    @Inject
    EventSpans spans;

    private volatile Pump pump;
    private Counter failures;
    private Timer delay;

    void start(@Observes StartupEvent startup) {
        failures = registry.counter("parsipas.outbox.failures");
        delay = Timer.builder("parsipas.outbox.delay")
                .description("From the outbox insert to Kafka's acknowledgement")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        pump = Pump.builder("outbox relay", this::relayOnce).backoff(vertx, config.maxBackoff()).build();
        wake();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (pump != null) {
            pump.stop();
        }
    }

    @Scheduled(every = "${parsipas.outbox.poll-interval:2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        wake();
    }

    /** Asks for a pass; cheap to call often, passes never overlap within one process. */
    public void wake() {
        if (pump != null && config.relayEnabled()) {
            pump.wake();
        }
    }

    /**
     * One pass: publishes up to a batch of unsent rows of the lanes no other relay holds and
     * returns how many were published. Fails (after committing what was acknowledged) when Kafka
     * refused a row.
     */
    public Uni<Integer> relayOnce() {
        return pool.withTransaction(connection -> lockFreeLanes(connection)
                        .chain(lanes -> lanes.isEmpty()
                                ? Uni.createFrom().item(Outcome.NOTHING)
                                : unsentRows(connection, lanes).chain(rows -> publish(rows)
                                        .call(outcome -> markSent(connection, outcome)))))
                .map(outcome -> {
                    if (outcome.failure != null) {
                        throw new IllegalStateException("Kafka refused outbox row " + outcome.failedId, outcome.failure);
                    }
                    return outcome.sentIds.size();
                });
    }

    private Uni<List<Short>> lockFreeLanes(SqlConnection connection) {
        return connection.preparedQuery("select lane from outbox_lane l where exists "
                        + "(select 1 from outbox o where o.lane = l.lane and o.sent_at is null) "
                        + "order by lane limit $1 for update skip locked")
                .execute(Tuple.of(config.lanesPerPass()))
                .map(rows -> {
                    List<Short> lanes = new ArrayList<>();
                    rows.forEach(row -> lanes.add(row.getShort("lane")));
                    return lanes;
                });
    }

    private Uni<RowSet<Row>> unsentRows(SqlConnection connection, List<Short> lanes) {
        return connection.preparedQuery("select id, topic, message_key, event_id, event_type, source, subject, "
                        + "data_schema, payload, occurred_at, created_at, traceparent from outbox "
                        + "where sent_at is null and lane = any($1) order by id limit $2")
                .execute(Tuple.of(lanes.toArray(new Short[0]), config.batchSize()));
    }

    /**
     * Hands every row to the producer in id order without waiting between them (the idempotent
     * producer keeps each partition's order), then collects the acknowledgements.
     */
    private Uni<Outcome> publish(RowSet<Row> rows) {
        List<Row> ordered = new ArrayList<>();
        rows.forEach(ordered::add);
        if (ordered.isEmpty()) {
            return Uni.createFrom().item(Outcome.NOTHING);
        }
        List<Uni<Throwable>> acknowledgements = ordered.stream()
                .map(row -> {
                    // The publication is a span of the event's trace, from the hand-over to Kafka's acknowledgement.
                    String traceparent = row.getString("traceparent");
                    Span publishing = spans.start(row.getString("topic") + " publish", SpanKind.PRODUCER, traceparent);
                    return emitter.sendMessage(toMessage(row, traceparent, Traceparent.of(publishing.getSpanContext())))
                            .replaceWith((Throwable) null)
                            .onFailure().recoverWithItem(failure -> failure)
                            .invoke(failure -> {
                                if (failure != null) {
                                    publishing.recordException(failure);
                                    publishing.setStatus(StatusCode.ERROR);
                                }
                                publishing.end();
                            });
                })
                .toList();
        return Uni.join().all(acknowledgements).andFailFast().map(results -> outcome(ordered, results));
    }

    private Outcome outcome(List<Row> rows, List<Throwable> results) {
        List<Long> sent = new ArrayList<>();
        Map<Published, Integer> published = new HashMap<>();
        Set<String> blockedKeys = new HashSet<>();
        Long failedId = null;
        Throwable failure = null;
        Instant now = Instant.now();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            String key = row.getString("message_key");
            if (results.get(i) != null || blockedKeys.contains(key)) {
                // A key whose row failed keeps its later rows too, so they are re-sent after it.
                blockedKeys.add(key);
                if (failure == null) {
                    failure = results.get(i);
                    failedId = row.getLong("id");
                }
                continue;
            }
            sent.add(row.getLong("id"));
            published.merge(new Published(row.getString("topic"), row.getString("event_type")), 1, Integer::sum);
            delay.record(Duration.between(row.getOffsetDateTime("created_at").toInstant(), now));
        }
        return new Outcome(sent, published, failedId, failure);
    }

    private Uni<Void> markSent(SqlConnection connection, Outcome outcome) {
        Uni<Void> marked = outcome.sentIds.isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery("update outbox set sent_at = now() where id = any($1)")
                        .execute(Tuple.of(outcome.sentIds.toArray(new Long[0])))
                        .invoke(() -> outcome.published.forEach((what, count) -> registry.counter("parsipas.outbox.published",
                                "topic", what.topic, "type", what.type).increment(count)))
                        .replaceWithVoid();
        if (outcome.failedId == null) {
            return marked;
        }
        failures.increment();
        return marked.chain(() -> connection.preparedQuery(
                        "update outbox set attempts = attempts + 1, last_error = $2 where id = $1")
                .execute(Tuple.of(outcome.failedId, String.valueOf(outcome.failure)))
                .replaceWithVoid());
    }

    private static Message<JsonObject> toMessage(Row row, String traceparent, String publishing) {
        return OutgoingEvents.message(new JsonObject(row.getString("payload")),
                row.getString("topic"), row.getString("message_key"), row.getString("event_id"),
                row.getString("event_type"), row.getString("source"), row.getString("subject"),
                row.getString("data_schema"), row.getOffsetDateTime("occurred_at"), traceparent, publishing);
    }

    private record Outcome(List<Long> sentIds, Map<Published, Integer> published, Long failedId, Throwable failure) {
        static final Outcome NOTHING = new Outcome(List.of(), Map.of(), null, null);
    }

    /** What the events-out counter is tagged with: dashboards show events out per topic and type (alerts raised, ...). */
    private record Published(String topic, String type) {
    }

    /** Deletes sent rows older than the retention. */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> purge() {
        return pool.preparedQuery("delete from outbox where sent_at < $1")
                .execute(Tuple.of(OffsetDateTime.now().minus(config.retention())))
                .invoke(rows -> {
                    if (rows.rowCount() > 0) {
                        LOG.infof("outbox: purged %d sent rows", rows.rowCount());
                    }
                })
                .replaceWithVoid();
    }
}

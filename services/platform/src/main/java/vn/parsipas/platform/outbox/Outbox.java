package vn.parsipas.platform.outbox;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.Event;
import vn.parsipas.contracts.EventJson;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.JsonSchemas;
import vn.parsipas.contracts.SchemaViolation;
import vn.parsipas.platform.time.BusinessTime;
import vn.parsipas.platform.tracing.Traceparent;

/**
 * Writes events into the outbox inside the caller's transaction ({@code Panache.withTransaction}, or the
 * caller's SQL connection),
 * so they are published if and only if the change that caused them commits.
 *
 * <p>Pending changes are flushed before the row is inserted: the aggregate's row locks are then
 * held before the outbox id is taken, so two transactions on one aggregate get ids in commit
 * order and the relay publishes that aggregate's events in order.
 */
@ApplicationScoped
public class Outbox {
    public static final int LANES = 16;

    @Inject
    Clock clock;

    @ConfigProperty(name = "parsipas.events.source")
    String source;

    /** Adds an event with a fresh UUID as its CloudEvent id. */
    public Uni<Void> add(Event event) {
        return add(event, UUID.randomUUID().toString());
    }

    /**
     * Adds an event with a chosen id. A deterministic id (e.g. {@code overdue/<task>/<deadline>})
     * makes a second write of the same fact fail the transaction instead of publishing it twice.
     */
    public Uni<Void> add(Event event, String eventId) {
        OutboxMessage message = toMessage(new Identified(event, eventId));
        return Panache.getSession()
                .chain(session -> session.flush().chain(() -> session.persist(message)));
    }

    /**
     * An event with the id it is published under (deterministic where a second write must fail, see
     * {@link #add(Event, String)}) and the trace it continues (null: the current span's).
     */
    public record Identified(Event event, String eventId, String traceparent) {
        public Identified(Event event, String eventId) {
            this(event, eventId, null);
        }
    }

    /**
     * Adds events with fresh UUIDs inside the caller's transaction on a reactive SQL connection
     * (batch consumers that write with SQL rather than Hibernate), in one statement.
     */
    public Uni<Void> addAll(SqlConnection connection, List<? extends Event> events) {
        return addIdentified(connection, events.stream().map(event -> new Identified(event, UUID.randomUUID().toString())).toList());
    }

    /** As {@link #addAll(SqlConnection, List)}, with the ids and traces given. */
    public Uni<Void> addIdentified(SqlConnection connection, List<Identified> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = events.stream().map(event -> {
            OutboxMessage m = toMessage(event);
            return Tuple.from(Arrays.asList(m.lane, m.topic, m.messageKey, m.eventId, m.eventType, m.source, m.subject,
                    m.dataSchema, m.payload, BusinessTime.utc(m.occurredAt), m.traceparent));
        }).toList();
        return connection.preparedQuery("insert into outbox (lane, topic, message_key, event_id, event_type, source, "
                        + "subject, data_schema, payload, occurred_at, traceparent) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")
                .executeBatch(rows)
                .replaceWithVoid();
    }

    private OutboxMessage toMessage(Identified identified) {
        Event event = identified.event();
        EventType type = EventType.of(event);
        JsonNode data = EventJson.mapper().valueToTree(event);
        List<SchemaViolation> violations = JsonSchemas.validate(type, data);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("refusing to publish an event that breaks its contract "
                    + type.type() + ": " + violations);
        }
        OutboxMessage message = new OutboxMessage();
        message.topic = type.topic();
        message.messageKey = event.partitionKey();
        message.lane = (short) Math.floorMod(event.partitionKey().hashCode(), LANES);
        message.eventId = identified.eventId();
        message.eventType = type.type();
        message.source = source;
        message.subject = event.subject();
        message.dataSchema = type.dataSchema().toString();
        message.occurredAt = clock.instant();
        // The trace of the request or record that caused the event: kept with the row, so whichever replica
        // relays it continues that trace.
        message.traceparent = identified.traceparent() != null ? identified.traceparent() : Traceparent.current();
        try {
            message.payload = EventJson.mapper().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return message;
    }
}

package vn.parsipas.platform.events;

import java.time.Instant;

import vn.parsipas.contracts.Event;
import vn.parsipas.contracts.EventType;

/**
 * A CloudEvent read from Kafka, validated against its schema, with its data as the contract record;
 * {@code traceparent}: the W3C trace context the record carried (null when none), see docs/DECISIONS.md.
 */
public record ReceivedEvent(
        String id,
        String source,
        EventType type,
        String subject,
        Instant time,
        Event data,
        String topic,
        int partition,
        long offset,
        String traceparent) {

    @SuppressWarnings("unchecked")
    public <T extends Event> T data(Class<T> recordClass) {
        return (T) data;
    }
}

package vn.parsipas.platform.outbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of the outbox table. The identity id is taken at insert time, after the aggregate's own
 * changes are flushed (see {@link Outbox}), so ids follow the commit order of each aggregate.
 */
@Entity
@Table(name = "outbox")
public class OutboxMessage {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public short lane;

    public String topic;

    @Column(name = "message_key")
    public String messageKey;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type")
    public String eventType;

    public String source;

    public String subject;

    @Column(name = "data_schema")
    public String dataSchema;

    public String payload;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    /** The W3C trace context of the span that wrote the event (null without one): the relay continues that trace. */
    public String traceparent;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "sent_at", insertable = false, updatable = false)
    public Instant sentAt;

    @Column(insertable = false, updatable = false)
    public int attempts;

    @Column(name = "last_error", insertable = false, updatable = false)
    public String lastError;
}

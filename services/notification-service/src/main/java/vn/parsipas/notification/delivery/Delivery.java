package vn.parsipas.notification.delivery;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * One notification of one agency about one transition of an alert on one channel. The unique key
 * (alert, transition, channel, agency) makes it exactly one, whoever plans it.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {
    public static final String INBOX = "inbox";
    public static final String EMAIL = "email";
    public static final String WEBHOOK = "webhook";

    /** Statuses set here; dispatchers also set sending, skipped and dead (DeliveryStore). */
    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String MUTED = "muted";

    @Id
    public String id;

    public String alertId;

    public String transition;

    public String channel;

    public String agencyCode;

    public String role;

    public String status;

    public String silenceId;

    public Instant createdAt;

    public Instant nextAttemptAt;

    public int attempts;

    public String lastError;

    public String payload;

    public Instant sentAt;

    /** The trace of the event that planned the delivery: the dispatcher's pass continues it (docs/DECISIONS.md). */
    public String traceparent;
}

package vn.parsipas.notification.alert;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** An alert: one condition about one subject, from raised to resolved. At most one is open per fingerprint. */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {
    public static final String OPEN = "open";
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String RESOLVED = "resolved";

    @Id
    public String id;

    public String fingerprint;

    public String kind;

    public String severity;

    public String status;

    public String subjectId;

    /** The responsible agency as the fact names it (possibly a collective). */
    public String agencyCode;

    /** The agency that acts for it: the responsible one, or a collective's coordinating office. */
    public String deliveredTo;

    /** Agencies in copy as listed (collectives included), comma-separated. */
    public String ccAgencies;

    public String title;

    /** The plan criterion or SIPAS item the alert is about (null for a plan-level goal or a task without one). */
    public String criterionCode;

    public String body;

    public String causeEventId;

    public String ruleName;

    public int occurrences;

    public Instant raisedAt;

    public Instant lastSeenAt;

    public int repeats;

    public Instant nextRepeatAt;

    public Instant acknowledgedAt;

    public String acknowledgedBy;

    public String ackComment;

    public int escalationLevel;

    public String escalatedTo;

    public Instant nextEscalationAt;

    public Instant resolvedAt;

    public String resolution;

    public Instant updatedAt;

    /** Closes the alert: nothing repeats or escalates any more. */
    void resolve(String why, Instant now) {
        status = RESOLVED;
        resolution = why;
        resolvedAt = now;
        updatedAt = now;
        nextRepeatAt = null;
        nextEscalationAt = null;
    }

    /** The fact of an open alert came again: counted, nobody notified. */
    void seen(Instant now) {
        occurrences++;
        lastSeenAt = now;
        updatedAt = now;
    }

    public boolean isOpen() {
        return !RESOLVED.equals(status);
    }

    public AlertKind alertKind() {
        return AlertKind.of(kind).orElseThrow();
    }

    public List<String> ccList() {
        return ccAgencies == null || ccAgencies.isBlank() ? List.of() : Arrays.asList(ccAgencies.split(","));
    }
}

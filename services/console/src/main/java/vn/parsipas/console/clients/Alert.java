package vn.parsipas.console.clients;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An alert as notification-service lists it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Alert(String alertId, String fingerprint, String kind, String severity, String status, String subjectId,
        String agencyCode, String deliveredTo, List<String> ccAgencies, String title, String body, String rule,
        int occurrences, Instant raisedAt, Instant lastSeenAt, int repeats, Instant acknowledgedAt, String acknowledgedBy,
        String acknowledgementComment, int escalationLevel, String escalatedTo, Instant resolvedAt, String resolution,
        Instant updatedAt, String criterionCode) {

    public boolean isOpen() {
        return "open".equals(status);
    }

    /** How an agency holds this alert: responsible (it acts), copy (it coordinates) or escalation (it supervises). */
    public String roleOf(String agency) {
        if (agency.equals(deliveredTo)) {
            return "responsible";
        }
        if (ccAgencies != null && ccAgencies.contains(agency)) {
            return "copy";
        }
        return "escalation";
    }

    /** The first line of the body: what happened, for a list. */
    public String summary() {
        return body == null ? "" : body.lines().findFirst().orElse("");
    }

    public boolean isTask() {
        return kind.startsWith("task-");
    }
}

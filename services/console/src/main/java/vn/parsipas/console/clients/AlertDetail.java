package vn.parsipas.console.clients;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One alert with who holds it, its timeline and its deliveries (e-mail, webhook, inbox). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertDetail(Alert alert, List<Holder> recipients, List<Line> timeline, List<Notification> deliveries) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Holder(String agencyCode, String role) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(Instant at, String type, String agencyCode, String actor, String detail) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Notification(String channel, String agencyCode, String transition, String status, int attempts,
            String lastError, Instant sentAt) {
    }

    /** The role the agency holds the alert in, or null when it does not hold it. */
    public String roleOf(String agency) {
        return recipients.stream().filter(h -> h.agencyCode().equals(agency)).map(Holder::role).findFirst().orElse(null);
    }
}

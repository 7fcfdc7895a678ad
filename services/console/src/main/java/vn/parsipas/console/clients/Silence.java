package vn.parsipas.console.clients;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A silence: notifications about matching alerts, or to an agency, are muted until it ends. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Silence(String id, String fingerprintPattern, String agencyCode, Instant startsAt, Instant endsAt, String reason,
        String createdBy, Instant createdAt, int mutedCount) {

    public boolean isActive(Instant now) {
        return !startsAt.isAfter(now) && endsAt.isAfter(now);
    }

    public record New(String fingerprintPattern, String agencyCode, Instant startsAt, Instant endsAt, String reason) {
    }
}

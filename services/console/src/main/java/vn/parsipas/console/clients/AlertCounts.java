package vn.parsipas.console.clients;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The counts of an agency's inbox tabs, and when the latest of its alerts changed. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertCounts(long open, long acknowledged, long escalated, long resolved, Instant lastUpdatedAt) {
}

package vn.parsipas.console.clients;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An agency's webhook as notification-service reports it. */
public final class Webhook {
    private Webhook() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Status(String agencyCode, String agencyName, String url, boolean secretSet, long delivered, long pending,
            long failedAttempts, long deadLetters, Instant lastAttemptAt, String lastError) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Delivery(String deliveryId, String alertId, String transition, String status, int attempts,
            String lastError, Instant createdAt, Instant sentAt, List<Attempt> log) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attempt(int attempt, Instant at, Integer statusCode, String error, int durationMs) {
    }

    public record Secret(String secret) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ping(String url, Instant at, Integer statusCode, String error, int durationMs, boolean delivered) {
    }
}

package vn.parsipas.notification.delivery;

import java.time.Duration;
import java.time.Instant;

/** Exponential backoff: base after the first failure, doubling after each further one, capped. */
public record Backoff(Duration base, Duration max, int maxAttempts) {

    /** When to try again after failed attempt number {@code attempt} (1-based); null once the attempts are used up. */
    public Instant retryAt(Instant now, int attempt) {
        if (attempt >= maxAttempts) {
            return null;
        }
        long factor = 1L << Math.min(attempt - 1, 30);
        Duration wait = base.multipliedBy(factor);
        return now.plus(wait.compareTo(max) > 0 ? max : wait);
    }
}

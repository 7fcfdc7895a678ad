package vn.parsipas.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void waitsDoubleAfterEachFailureUpToTheCapAndStopAfterTheLastAttempt() {
        Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(60), 5);

        assertThat(backoff.retryAt(NOW, 1)).isEqualTo(NOW.plusSeconds(10));
        assertThat(backoff.retryAt(NOW, 2)).isEqualTo(NOW.plusSeconds(20));
        assertThat(backoff.retryAt(NOW, 3)).isEqualTo(NOW.plusSeconds(40));
        assertThat(backoff.retryAt(NOW, 4)).isEqualTo(NOW.plusSeconds(60));
        assertThat(backoff.retryAt(NOW, 5)).isNull();
    }
}

package vn.parsipas.survey.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.parsipas.platform.time.ShiftableClock;
import vn.parsipas.survey.SurveyConfig;

class FormRateLimiterTest {
    private final ShiftableClock clock = ShiftableClock.systemUtc();

    @Test
    void aBucketRefillsAtItsSteadyRateAndSaysHowLongToWait() {
        clock.shiftTo(Instant.parse("2030-01-01T00:00:00Z"));
        FormRateLimiter limiter = new FormRateLimiter(limits(3, Duration.ofMinutes(3), 100, 1000), clock);

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.attempt("198.51.100.1", null, "CODE-" + i + "-0001")).isEmpty();
        }
        Optional<Duration> wait = limiter.attempt("198.51.100.1", null, "CODE-9-0001");
        assertThat(wait).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(60)));
        clock.shiftBy(Duration.ofMinutes(1));
        assertThat(limiter.attempt("198.51.100.1", null, "CODE-9-0001")).isEmpty();
        assertThat(limiter.attempt("198.51.100.1", null, "CODE-9-0002")).isPresent();
    }

    @Test
    void codesThatDifferOnlyInTheirLastCharactersShareABucket() {
        FormRateLimiter limiter = new FormRateLimiter(limits(100, Duration.ofHours(1), 2, 1000), clock);

        assertThat(limiter.attempt("198.51.100.1", null, "000.00.15.H17-250612-0001")).isEmpty();
        assertThat(limiter.attempt("198.51.100.2", null, "000.00.15.h17-250612-0002")).isEmpty();
        assertThat(limiter.attempt("198.51.100.3", null, "000.00.15.H17-250612-0003")).isPresent();
        assertThat(limiter.attempt("198.51.100.3", null, "000.00.15.H17-250613-0003")).isEmpty();
    }

    @Test
    void aClockSetBackNeverLeavesABucketWaitingForTheFuture() {
        clock.shiftTo(Instant.parse("2030-01-01T00:00:00Z"));
        FormRateLimiter limiter = new FormRateLimiter(limits(1, Duration.ofHours(1), 100, 1000), clock);
        assertThat(limiter.attempt("198.51.100.1", null, "A-0001")).isEmpty();
        clock.reset();

        assertThat(limiter.attempt("198.51.100.1", null, "A-0002")).hasValueSatisfying(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofHours(1)));
        clock.shiftBy(Duration.ofHours(1));
        assertThat(limiter.attempt("198.51.100.1", null, "A-0003")).isEmpty();
    }

    private static SurveyConfig.FormLimits limits(int perAddress, Duration addressPeriod, int perPrefix, int maxBuckets) {
        return new SurveyConfig.FormLimits() {
            @Override
            public SurveyConfig.Bucket perAddress() {
                return bucket(perAddress, addressPeriod);
            }

            @Override
            public SurveyConfig.Bucket perCodePrefix() {
                return bucket(perPrefix, Duration.ofHours(1));
            }

            @Override
            public int codeSuffixLength() {
                return 4;
            }

            @Override
            public Optional<List<String>> trustedProxies() {
                return Optional.empty();
            }

            @Override
            public int maxBuckets() {
                return maxBuckets;
            }
        };
    }

    private static SurveyConfig.Bucket bucket(int capacity, Duration period) {
        return new SurveyConfig.Bucket() {
            @Override
            public int capacity() {
                return capacity;
            }

            @Override
            public Duration refillPeriod() {
                return period;
            }
        };
    }
}

package vn.parsipas.survey.form;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import vn.parsipas.survey.SurveyConfig;

/**
 * Attempts at the anonymous form, limited by two token buckets: one per client address and one per
 * receipt-code prefix (the code without its daily sequence number), so that neither one client nor
 * many clients together can walk through a day's codes of an agency. Per replica, in memory.
 */
@Singleton
public class FormRateLimiter {
    private static final int MAX_CODE = 64;
    private final SurveyConfig.FormLimits limits;
    private final Clock clock;
    private final ClientAddress clientAddress;
    private final Buckets perAddress;
    private final Buckets perCodePrefix;

    @Inject
    public FormRateLimiter(SurveyConfig config, Clock clock) {
        this(config.formLimits(), clock);
    }

    FormRateLimiter(SurveyConfig.FormLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.clientAddress = new ClientAddress(limits.trustedProxies().orElse(List.of()));
        this.perAddress = new Buckets(limits.perAddress(), limits.maxBuckets());
        this.perCodePrefix = new Buckets(limits.perCodePrefix(), limits.maxBuckets());
    }

    /** Takes an attempt for this client and code; empty when allowed, else how long to wait. */
    public synchronized Optional<Duration> attempt(String peer, String forwardedFor, String receiptCode) {
        Instant now = clock.instant();
        String address = clientAddress.of(peer, forwardedFor);
        String prefix = prefix(receiptCode);
        Duration wait = max(perAddress.waitFor(address, now), perCodePrefix.waitFor(prefix, now));
        if (!wait.isZero()) {
            return Optional.of(wait);
        }
        perAddress.take(address);
        perCodePrefix.take(prefix);
        return Optional.empty();
    }

    /** A code is at most 64 characters; a longer text still makes a bounded key. */
    private String prefix(String code) {
        String normal = code.strip().toUpperCase(Locale.ROOT);
        normal = normal.length() > MAX_CODE ? normal.substring(0, MAX_CODE) : normal;
        return normal.length() > limits.codeSuffixLength() ? normal.substring(0, normal.length() - limits.codeSuffixLength()) : normal;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Buckets by key, the least recently used dropped past {@code max}. */
    private static final class Buckets {
        private final double capacity;
        private final double nanosPerToken;
        private final Map<String, Bucket> buckets;

        private static final class Bucket {
            double tokens;
            Instant at;
        }

        Buckets(SurveyConfig.Bucket config, int max) {
            this.capacity = config.capacity();
            this.nanosPerToken = (double) config.refillPeriod().toNanos() / config.capacity();
            this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                    return size() > max;
                }
            };
        }

        /** Zero when the key has an attempt left; else how long until it has one. */
        Duration waitFor(String key, Instant now) {
            Bucket bucket = buckets.computeIfAbsent(key, k -> {
                Bucket fresh = new Bucket();
                fresh.tokens = capacity;
                fresh.at = now;
                return fresh;
            });
            // A clock set back (tests, demos) refills nothing; it never leaves a bucket waiting for the future.
            long elapsed = Math.max(0, Duration.between(bucket.at, now).toNanos());
            bucket.tokens = Math.min(capacity, bucket.tokens + elapsed / nanosPerToken);
            bucket.at = now;
            return bucket.tokens >= 1 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) * nanosPerToken));
        }

        void take(String key) {
            buckets.get(key).tokens -= 1;
        }
    }
}

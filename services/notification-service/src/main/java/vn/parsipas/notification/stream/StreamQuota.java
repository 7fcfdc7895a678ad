package vn.parsipas.notification.stream;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import vn.parsipas.notification.NotificationConfig;
import vn.parsipas.platform.problem.TooManyRequestsException;

/**
 * Counts the live streams open on this replica, per user and per agency, and refuses one more over
 * either cap (429 with Retry-After): each stream holds a connection, a timer and a subscriber for up
 * to a token's lifetime. Behind a load balancer the caps apply per replica. The streams open are a
 * gauge ({@code parsipas_alert_streams_open}) on the dashboards.
 */
@ApplicationScoped
public class StreamQuota {
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final Map<String, Integer> perUser = new ConcurrentHashMap<>();
    private final Map<String, Integer> perAgency = new ConcurrentHashMap<>();

    @Inject
    NotificationConfig config;

    @Inject
    MeterRegistry registry;

    void start(@Observes StartupEvent startup) {
        Gauge.builder("parsipas.alert.streams.open", this, StreamQuota::open).strongReference(true)
                .description("Live alert streams (server-sent events) open on this replica").register(registry);
    }

    synchronized int open() {
        return perUser.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Takes a place for one more stream, or throws; every successful call must be followed by one {@link #release}. */
    public synchronized void acquire(String user, String agency) {
        if (perUser.getOrDefault(user, 0) >= config.stream().maxPerUser()) {
            throw new TooManyRequestsException("at most " + config.stream().maxPerUser()
                    + " live streams per user; close one first", RETRY_AFTER);
        }
        if (perAgency.getOrDefault(agency, 0) >= config.stream().maxPerAgency()) {
            throw new TooManyRequestsException("at most " + config.stream().maxPerAgency()
                    + " live streams of one agency's inbox are open; try again later", RETRY_AFTER);
        }
        perUser.merge(user, 1, Integer::sum);
        perAgency.merge(agency, 1, Integer::sum);
    }

    public synchronized void release(String user, String agency) {
        perUser.computeIfPresent(user, (key, count) -> count > 1 ? count - 1 : null);
        perAgency.computeIfPresent(agency, (key, count) -> count > 1 ? count - 1 : null);
    }
}

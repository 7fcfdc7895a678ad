package vn.parsipas.platform.time;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One clock per service: every business rule injects {@link java.time.Clock}; tests and the demo
 * inject {@link ShiftableClock} (the same bean) to move time. With the test-and-demo switch
 * {@code parsipas.clock.adjustable} on, {@code parsipas.clock.start} makes the clock start at that
 * instant, so that a suite started for a 2025 scenario does not find every 2025 deadline passed.
 */
@Singleton
public class ClockProducer {
    @ConfigProperty(name = "parsipas.clock.adjustable", defaultValue = "false")
    boolean adjustable;

    @ConfigProperty(name = "parsipas.clock.start")
    Optional<Instant> start;

    @Produces
    @Singleton
    ShiftableClock clock() {
        ShiftableClock clock = ShiftableClock.systemUtc();
        if (adjustable) {
            start.ifPresent(clock::shiftTo);
        }
        return clock;
    }
}

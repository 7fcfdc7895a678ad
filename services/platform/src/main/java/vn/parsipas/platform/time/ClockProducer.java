package vn.parsipas.platform.time;

import java.time.Instant;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * One clock per service: every business rule injects {@link java.time.Clock}; tests and the demo
 * inject {@link ShiftableClock} (the same bean) to move time. With the test-and-demo switch
 * {@code parsipas.clock.adjustable} on, {@code parsipas.clock.start} makes the clock start at that
 * instant, so that a suite started for a 2025 scenario does not find every 2025 deadline passed.
 *
 * <p>In the prod profile an adjustable clock also needs {@code parsipas.demo=true}, which says
 * "this deployment is a demo or a test": without it the service refuses to start, so the switch
 * cannot reach a production release by a stray value or environment variable.
 */
@Singleton
public class ClockProducer {
    @ConfigProperty(name = "parsipas.clock.adjustable", defaultValue = "false")
    boolean adjustable;

    @ConfigProperty(name = "parsipas.demo", defaultValue = "false")
    boolean demo;

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

    /** First of the start-up work: nothing runs on a production clock that could be moved. */
    void refuseAnAdjustableClockInProduction(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        if (adjustable && !demo && ConfigUtils.getProfiles().contains("prod")) {
            throw new IllegalStateException("parsipas.clock.adjustable=true in the prod profile: an adjustable clock is for "
                    + "tests and demos only; set parsipas.demo=true as well (PARSIPAS_DEMO=true) if this deployment is one");
        }
    }
}

package vn.parsipas.platform.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * One clock per service: every business rule injects {@link java.time.Clock}; tests and the demo
 * inject {@link ShiftableClock} (the same bean) to move time.
 */
@Singleton
public class ClockProducer {
    @Produces
    @Singleton
    ShiftableClock clock() {
        return ShiftableClock.systemUtc();
    }
}

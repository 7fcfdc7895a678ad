package vn.parsipas.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock, plus an offset that tests and demos move so that deadlines of 2025 pass in
 * seconds. Production never moves it: the endpoint that does is off outside the demo profile.
 */
public final class ShiftableClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public ShiftableClock(Clock base) {
        this.base = base;
    }

    public static ShiftableClock systemUtc() {
        return new ShiftableClock(Clock.systemUTC());
    }

    /** From now on, the clock reads {@code instant} and runs on from there. */
    public void shiftTo(Instant instant) {
        offset.set(Duration.between(base.instant(), instant));
    }

    public void shiftBy(Duration duration) {
        offset.updateAndGet(current -> current.plus(duration));
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("business time uses BusinessTime.ZONE explicitly");
    }
}

package vn.parsipas.platform.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Business dates are local dates in Asia/Ho_Chi_Minh; instants are UTC. */
public final class BusinessTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private BusinessTime() {
    }

    /**
     * The instant a deadline passes: the end of that local day, i.e. the start of the next one.
     * "Trong năm 2025" (due 2025-12-31) passes at 2025-12-31T17:00:00Z.
     */
    public static Instant endOf(LocalDate deadline) {
        return deadline.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    public static LocalDate today(java.time.Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }
}

package vn.parsipas.platform.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

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

    /** An instant as the Vert.x PostgreSQL client binds a timestamptz; null stays null. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A timestamptz column as an instant; null stays null. */
    public static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}

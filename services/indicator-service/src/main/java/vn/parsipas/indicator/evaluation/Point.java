package vn.parsipas.indicator.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;

import vn.parsipas.indicator.catalogue.Period;

/** A current value of the province's series of an indicator, as evaluation needs it. */
public record Point(Period period, LocalDate asOf, BigDecimal value, Instant observedAt) {
    /** Latest = the one standing for the latest day; for the same day, the one measured last. */
    public static final Comparator<Point> CHRONOLOGICAL = Comparator.comparing(Point::asOf).thenComparing(Point::observedAt);
}

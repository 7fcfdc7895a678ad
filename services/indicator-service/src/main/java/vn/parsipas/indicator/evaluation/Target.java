package vn.parsipas.indicator.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An indicator target of a plan, as the last TargetDefined said. All are about the whole province. */
public record Target(
        String targetId,
        String planId,
        int planVersion,
        String criterionCode,
        String criterionTitle,
        String description,
        String indicatorCode,
        String indicatorName,
        String unit,
        String comparator,
        BigDecimal targetValue,
        BigDecimal baselineValue,
        Integer baselineYear,
        String relativeTo,
        BigDecimal delta,
        String responsibleAgency,
        LocalDate deadline,
        Instant dueAt,
        boolean active) {

    public boolean relativeToBaseline() {
        return "baseline".equals(relativeTo);
    }

    /** The first day whose values count: the year after the baseline, else the deadline's year. */
    public LocalDate windowStart() {
        return LocalDate.of(baselineYear != null ? baselineYear + 1 : deadline.getYear(), 1, 1);
    }
}

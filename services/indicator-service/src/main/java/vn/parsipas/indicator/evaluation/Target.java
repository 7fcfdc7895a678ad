package vn.parsipas.indicator.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import vn.parsipas.platform.time.BusinessTime;

/**
 * An indicator target of a plan, as the last TargetDefined said. All are about the whole province.
 * {@code resultExpectedBy} is set when the result is published after the deadline (the period the
 * target is about ends): the target is judged then.
 */
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
        LocalDate resultExpectedBy,
        boolean active) {

    public boolean relativeToBaseline() {
        return "baseline".equals(relativeTo);
    }

    /** When the target is judged: the end of the day its result is expected, else its deadline. */
    public Instant judgedAt() {
        return resultExpectedBy == null ? dueAt : BusinessTime.endOf(resultExpectedBy);
    }

    /** The first day whose values count: the year after the baseline, else the deadline's year. */
    public LocalDate windowStart() {
        return LocalDate.of(baselineYear != null ? baselineYear + 1 : deadline.getYear(), 1, 1);
    }
}

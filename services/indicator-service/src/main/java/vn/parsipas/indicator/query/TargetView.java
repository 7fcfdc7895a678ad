package vn.parsipas.indicator.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import vn.parsipas.indicator.evaluation.Evaluation;
import vn.parsipas.indicator.evaluation.Target;
import vn.parsipas.indicator.evaluation.TargetRow;

/** A target and its current evaluation, as the API shows it. status is null while nothing can be said yet. */
public record TargetView(
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
        BigDecimal threshold,
        BigDecimal baselineValue,
        Integer baselineYear,
        String responsibleAgency,
        String dataProvider,
        LocalDate deadline,
        LocalDate resultExpectedBy,
        boolean active,
        String status,
        BigDecimal value,
        String period,
        BigDecimal expectedValue,
        String reason,
        Instant evaluatedAt,
        Instant statusSince) {

    static TargetView of(TargetRow row, String dataProvider) {
        Target t = row.target();
        Evaluation e = row.current();
        return new TargetView(t.targetId(), t.planId(), t.planVersion(), t.criterionCode(), t.criterionTitle(),
                t.description(), t.indicatorCode(), t.indicatorName(), t.unit(), t.comparator(),
                e.threshold() != null ? e.threshold() : t.targetValue(), t.baselineValue(), t.baselineYear(),
                t.responsibleAgency(), dataProvider, t.deadline(), t.resultExpectedBy(), t.active(), e.status() == null ? null : e.status().name(),
                e.value(), e.period(), e.expectedValue(), e.reason(), row.evaluatedAt(), row.statusSince());
    }
}

package vn.parsipas.indicator.evaluation;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The evaluation of a target at one instant: its status (null while nothing can be said yet), the
 * value and period that decided it, where the trajectory stood, the threshold, why (in Vietnamese)
 * and when time alone may change it (null: only a new value or definition can).
 */
public record Evaluation(
        TargetStatus status,
        BigDecimal value,
        String period,
        BigDecimal expectedValue,
        BigDecimal threshold,
        String reason,
        Instant nextCheckAt) {
}

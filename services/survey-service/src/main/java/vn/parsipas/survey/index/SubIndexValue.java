package vn.parsipas.survey.index;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A sub-index for one scope and period, as queries and the CSV export show it. {@code enoughResponses}:
 * the sample reaches the minimum below which the sub-index is shown but never judged below target.
 */
public record SubIndexValue(
        String subIndex,
        String subIndexName,
        String scope,
        String period,
        long responses,
        boolean enoughResponses,
        long validAnswers,
        long satisfiedAnswers,
        BigDecimal satisfiedPercent,
        BigDecimal intervalLowPercent,
        BigDecimal intervalHighPercent,
        String targetId,
        BigDecimal targetPercent,
        boolean belowTarget,
        Instant updatedAt) {
}

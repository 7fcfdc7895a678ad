package vn.parsipas.survey.index;

import java.math.BigDecimal;
import java.time.Instant;

/** A sub-index for one scope and period, as queries and the CSV export show it. */
public record SubIndexValue(
        String subIndex,
        String subIndexName,
        String scope,
        String period,
        long responses,
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

package vn.parsipas.contracts.indicator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import vn.parsipas.contracts.Event;

public record TargetStatusChanged(
        String targetId,
        String criterionCode,
        String indicatorCode,
        String indicatorName,
        String scope,
        String responsibleAgency,
        String dataProvider,
        String previousStatus,
        String status,
        BigDecimal value,
        String period,
        String unit,
        String comparator,
        BigDecimal targetValue,
        BigDecimal expectedValue,
        LocalDate deadline,
        Instant evaluatedAt,
        String reason) implements Event {

    @Override
    public String subject() {
        return targetId;
    }
}

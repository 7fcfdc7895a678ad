package vn.parsipas.contracts.indicator;

import java.math.BigDecimal;
import java.time.Instant;

import vn.parsipas.contracts.Event;

public record IndicatorObserved(
        String indicatorCode,
        String scope,
        String period,
        BigDecimal value,
        String unit,
        Instant observedAt,
        String sourceSystem,
        String note) implements Event {

    /** indicatorCode|scope: one series, one partition. */
    @Override
    public String subject() {
        return indicatorCode + "|" + scope;
    }
}

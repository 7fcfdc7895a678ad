package vn.parsipas.contracts.sipas;

import java.math.BigDecimal;
import java.time.Instant;

import vn.parsipas.contracts.Event;

public record SatisfactionBelowTarget(
        String subIndex,
        String subIndexName,
        String scope,
        String period,
        long responses,
        BigDecimal satisfiedPercent,
        BigDecimal intervalLowPercent,
        BigDecimal intervalHighPercent,
        String targetId,
        BigDecimal targetPercent,
        String responsibleAgency,
        Instant detectedAt) implements Event {

    @Override
    public String subject() {
        return subIndex + "|" + scope;
    }
}

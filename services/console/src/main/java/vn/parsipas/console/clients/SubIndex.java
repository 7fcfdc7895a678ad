package vn.parsipas.console.clients;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A SIPAS sub-index for one scope (PROVINCE or an agency) and period, with its 95 % interval (survey-service). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubIndex(String subIndex, String subIndexName, String scope, String period, long responses, boolean enoughResponses,
        long validAnswers,
        long satisfiedAnswers, BigDecimal satisfiedPercent, BigDecimal intervalLowPercent, BigDecimal intervalHighPercent,
        BigDecimal targetPercent, boolean belowTarget) {
}

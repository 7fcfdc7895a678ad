package vn.parsipas.console.clients;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A target of the plan with its current evaluation (indicator-service); status is null until it is evaluated. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Target(String targetId, String planId, String criterionCode, String criterionTitle, String description,
        String indicatorCode, String indicatorName, String unit, String comparator, BigDecimal threshold,
        BigDecimal baselineValue, Integer baselineYear, String responsibleAgency, String dataProvider, LocalDate deadline,
        String status, BigDecimal value, String period, BigDecimal expectedValue, String reason, Instant evaluatedAt,
        Instant statusSince) {

    /** indicator-service's province overview: every visible target, grouped by criterion. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Overview(Instant at, Map<String, Integer> counts, List<Group> criteria) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Group(String criterionCode, String criterionTitle, List<Target> targets) {
    }

    /** A change of a target's status (indicator-service's history, newest first). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StatusChange(Instant changedAt, String fromStatus, String toStatus, BigDecimal value, String period,
            String reason) {
    }
}

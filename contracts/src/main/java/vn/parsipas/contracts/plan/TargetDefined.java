package vn.parsipas.contracts.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import vn.parsipas.contracts.Event;

public record TargetDefined(
        String targetId,
        String planId,
        int planVersion,
        String criterionCode,
        String criterionTitle,
        String kind,
        String description,
        Indicator indicator,
        String subIndex,
        String comparator,
        BigDecimal value,
        String unit,
        Baseline baseline,
        String relativeTo,
        BigDecimal delta,
        String responsibleAgency,
        LocalDate deadline,
        Instant dueAt,
        LocalDate resultExpectedBy,
        boolean active) implements Event {

    public static final String KIND_INDICATOR = "indicator";
    public static final String KIND_SIPAS = "sipas";

    public record Indicator(String code, String name, String unit) {
    }

    public record Baseline(BigDecimal value, int year) {
    }

    @Override
    public String subject() {
        return targetId;
    }
}

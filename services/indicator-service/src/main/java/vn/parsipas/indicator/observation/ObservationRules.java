package vn.parsipas.indicator.observation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import vn.parsipas.contracts.EventJson;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.JsonLimits;
import vn.parsipas.contracts.JsonSchemas;
import vn.parsipas.contracts.SchemaViolation;
import vn.parsipas.contracts.indicator.IndicatorObserved;
import vn.parsipas.indicator.catalogue.Indicator;
import vn.parsipas.indicator.catalogue.IndicatorCatalogue;
import vn.parsipas.indicator.catalogue.Period;
import vn.parsipas.platform.time.BusinessTime;

/**
 * The one validation of an observation, whichever door it came through. The shape is the
 * contract's schema, numbers and texts within the contracts' {@code JsonLimits} (Kafka: checked by
 * the platform's CloudEvent reader; REST and CSV: by {@link #fromJson}, with the same messages); then the catalogue's rules: known indicator, (REST:
 * what the submitter may push,) allowed source, unit, valid range, a period that has started.
 */
@ApplicationScoped
public class ObservationRules {
    private static final int MAX_VIOLATIONS = 5;

    @Inject
    IndicatorCatalogue catalogue;

    @Inject
    Clock clock;

    /** A REST or CSV item: the contract's schema, what its submitter may push, then {@link #check}. */
    public Observation fromJson(JsonNode item, Submitter submitter, String channel, String reference) {
        List<SchemaViolation> violations = JsonSchemas.validate(EventType.INDICATOR_OBSERVED, item);
        if (!violations.isEmpty()) {
            throw new ObservationRejected(violations.get(0).field(), "breaks " + EventType.INDICATOR_OBSERVED.dataSchema()
                    + ": " + violations.stream().limit(MAX_VIOLATIONS).map(SchemaViolation::toString)
                            .collect(Collectors.joining("; ")));
        }
        try {
            IndicatorObserved data = EventJson.mapper().treeToValue(item, IndicatorObserved.class);
            indicator(data.indicatorCode());
            submitter.authorize(data);
            return check(data, submitter.source(), channel, reference);
        } catch (JsonProcessingException e) {
            throw new ObservationRejected("", "does not map to an observation: " + e.getOriginalMessage());
        }
    }

    /** The catalogue's rules on data whose shape is valid. */
    public Observation check(IndicatorObserved data, String source, String channel, String reference) {
        Indicator indicator = indicator(data.indicatorCode());
        if (!indicator.sources().contains(source)) {
            throw new ObservationRejected("source", "source '" + source + "' may not report " + indicator.code()
                    + " (allowed: " + String.join(", ", indicator.sources()) + ")");
        }
        if (!indicator.unit().equals(data.unit())) {
            throw new ObservationRejected("unit", "unit '" + data.unit() + "' does not match the unit of "
                    + indicator.code() + ", '" + indicator.unit() + "'");
        }
        if (!indicator.inRange(data.value())) {
            throw new ObservationRejected("value", "value " + JsonLimits.clip(data.value().toPlainString()) + " is outside the valid range ["
                    + indicator.min().toPlainString() + ", " + indicator.max().toPlainString() + "] of " + indicator.code());
        }
        Period period;
        try {
            period = Period.parse(data.period());
        } catch (IllegalArgumentException e) {
            throw new ObservationRejected("period", e.getMessage());
        }
        LocalDate today = BusinessTime.today(clock);
        if (period.start().isAfter(today)) {
            throw new ObservationRejected("period", "period " + data.period() + " is in the future (today is " + today
                    + " in " + BusinessTime.ZONE + ")");
        }
        return new Observation(data, indicator, period, source, channel, reference);
    }

    private Indicator indicator(String code) {
        return catalogue.find(code).orElseThrow(() -> new ObservationRejected("indicatorCode", "unknown indicator '" + code
                + "': it is not in the indicator catalogue"));
    }
}

package vn.parsipas.indicator.catalogue;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a value stands for. LEVEL: the state at the end of its period (a rate, a rank).
 * YEAR_TO_DATE: cumulated since 1 January (revenue, a count of events), so its trajectory starts at 0.
 */
public enum Aggregation {
    LEVEL, YEAR_TO_DATE;

    @JsonValue
    public String json() {
        return name().toLowerCase().replace('_', '-');
    }

    static Aggregation of(String json) {
        return valueOf(json.toUpperCase().replace('-', '_'));
    }
}

package vn.parsipas.indicator.catalogue;

import com.fasterxml.jackson.annotation.JsonValue;

/** How often a value of an indicator is expected. */
public enum Cadence {
    MONTHLY, QUARTERLY, YEARLY;

    @JsonValue
    public String json() {
        return name().toLowerCase();
    }
}

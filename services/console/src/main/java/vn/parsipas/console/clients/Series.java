package vn.parsipas.console.clients;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An indicator's values for one scope with each target's trajectory on it (indicator-service). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Series(Indicator indicator, String scope, List<Value> values, List<Line> targets) {

    /** The value of the latest day, or null when none has arrived. */
    public Value latest() {
        return values.stream().max(Comparator.comparing(Value::asOf)).orElse(null);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Indicator(String code, String name, String unit, String cadence, String dataProvider, List<String> sources,
            String note) {
    }

    /** A value as it stands; {@code revision} above 1 when corrections replaced earlier ones. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Value(String period, LocalDate asOf, BigDecimal value, String unit, String source, String sourceSystem,
            String note, String channel, int revision, Instant receivedAt, Instant supersededAt) {
        public boolean corrected() {
            return revision > 1;
        }
    }

    /** A target's line from its start to its threshold at the deadline; no start while it has no value. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(String targetId, String comparator, String status, LocalDate startDay, BigDecimal startValue,
            LocalDate deadline, BigDecimal threshold) {
    }

    /** A value and the earlier values its corrections replaced, newest first. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record History(String period, Value current, List<Value> superseded) {
    }
}

package vn.parsipas.indicator.catalogue;

import java.math.BigDecimal;
import java.util.List;

/** One indicator of the catalogue: what a value must look like, how often it is due and who sends it. */
public record Indicator(
        String code,
        String name,
        String unit,
        BigDecimal min,
        BigDecimal max,
        Cadence cadence,
        Aggregation aggregation,
        int graceDays,
        String dataProvider,
        List<String> sources,
        String note) {

    public boolean inRange(BigDecimal value) {
        return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }
}

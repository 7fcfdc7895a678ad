package vn.parsipas.indicator.observation;

import java.time.LocalDate;

import vn.parsipas.contracts.indicator.IndicatorObserved;
import vn.parsipas.indicator.catalogue.Indicator;
import vn.parsipas.indicator.catalogue.Period;

/**
 * A valid observation, ready to store: the contract's data, its indicator, its parsed period, the
 * effective source (CloudEvent source on Kafka, the caller's source on REST) and where it came from.
 */
public record Observation(
        IndicatorObserved data,
        Indicator indicator,
        Period period,
        String source,
        String channel,
        String reference) {

    public static final String KAFKA = "kafka";
    public static final String REST = "rest";
    public static final String CSV = "csv";

    /** The day the value stands for: the end of its period, or the day it was measured if that is earlier. */
    public LocalDate asOf() {
        LocalDate measured = LocalDate.ofInstant(data.observedAt(), vn.parsipas.platform.time.BusinessTime.ZONE);
        return measured.isBefore(period.end()) ? measured : period.end();
    }

    /** indicatorCode|scope|period: at most one current value each. */
    public String key() {
        return data.indicatorCode() + "|" + data.scope() + "|" + data.period();
    }
}

package vn.parsipas.indicator;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "parsipas.indicator")
public interface IndicatorConfig {
    /** A catalogue file to load instead of the one packaged from deploy/indicators/catalogue.yaml. */
    Optional<String> catalogueFile();

    /** Most observations one REST request (JSON or CSV) may carry. */
    @WithDefault("1000")
    int maxBatch();

    /** How often targets whose status time alone may change (deadline, overdue data) are re-evaluated. */
    @WithDefault("60s")
    Duration evaluationInterval();

    /** Targets evaluated per pass of the clock-driven evaluation. */
    @WithDefault("200")
    int evaluationBatch();
}

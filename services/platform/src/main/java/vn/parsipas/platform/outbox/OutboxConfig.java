package vn.parsipas.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "parsipas.outbox")
public interface OutboxConfig {
    /** Off only in tests that drive the relay themselves. */
    @WithDefault("true")
    boolean relayEnabled();

    /** Rows published per transaction. */
    @WithDefault("500")
    int batchSize();

    /** Lanes one pass locks: with fewer than all, replicas drain different lanes in parallel. */
    @WithDefault("8")
    int lanesPerPass();

    /** Safety-net polling; LISTEN/NOTIFY normally wakes the relay within milliseconds of a commit. */
    @WithDefault("2s")
    Duration pollInterval();

    /** Sent rows are kept this long for inspection, then deleted. */
    @WithDefault("P1D")
    Duration retention();

    /** Upper bound of the exponential backoff after a failed publication. */
    @WithDefault("30s")
    Duration maxBackoff();
}

package vn.parsipas.console;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "parsipas.console")
public interface ConsoleConfig {
    /** Alerts or tasks per page (the services' cursor pages). */
    @WithDefault("50")
    int pageSize();

    /** How often the live inbox sends a comment so that proxies keep the stream open. */
    @WithDefault("PT20S")
    Duration heartbeat();
}

package vn.parsipas.platform.events;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.StartupEvent;

/**
 * Keeps the connector from second-guessing {@link Retry}: SmallRye's
 * {@code throttled.unprocessed-record-max-age.ms} closes a consumer whose record waits longer than
 * that, while the platform waits out an engine outage for as long as it lasts. The platform turns
 * it off (0); a service that sets it again, on the connector or on a channel, does not start.
 */
@ApplicationScoped
public class RecordAgeLimit {
    private static final String SUFFIX = ".throttled.unprocessed-record-max-age.ms";

    void refuseALimit(@Observes StartupEvent start, Config config) {
        Map<String, String> settings = StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith("mp.messaging.") && name.endsWith(SUFFIX))
                .collect(Collectors.toMap(name -> name, name -> config.getOptionalValue(name, String.class).orElse("0")));
        requireNone(settings);
    }

    public static void requireNone(Map<String, String> settings) {
        settings.forEach((name, value) -> {
            if (Long.parseLong(value.strip()) > 0) {
                throw new IllegalStateException(name + "=" + value + " would close the consumer while the platform waits out "
                        + "an engine outage; leave it at 0 and tune parsipas.events.max-retry instead (docs/DECISIONS.md)");
            }
        });
    }
}

package vn.parsipas.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Timestamps another system states in its records, as this service may trust them: read models that
 * keep "the latest record wins" compare them, so a record dated in the future would outrank every
 * genuine update after it. A timestamp later than this service's clock plus the allowed skew
 * between machines ({@code parsipas.events.max-clock-skew}) counts as that bound.
 */
@Singleton
public class ProducerClock {
    private static final Logger LOG = Logger.getLogger(ProducerClock.class);

    @Inject
    Clock clock;

    @ConfigProperty(name = "parsipas.events.max-clock-skew", defaultValue = "PT5M")
    Duration maxSkew;

    /** The producer's timestamp, at most now plus the allowed skew. */
    public Instant capped(Instant stated, String what) {
        Instant bound = clock.instant().plus(maxSkew);
        if (stated.isAfter(bound)) {
            LOG.warnf("%s is dated %s, later than this service's clock allows; taken as %s", what, stated, bound);
            return bound;
        }
        return stated;
    }
}

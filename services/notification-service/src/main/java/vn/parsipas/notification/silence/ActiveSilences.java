package vn.parsipas.notification.silence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.platform.time.BusinessTime;

/**
 * The silences that are or will be in force, cached in every replica so that planning a
 * notification costs no query; reloaded when any replica changes them (the silence table NOTIFYs
 * {@value #CHANNEL} at commit).
 */
@ApplicationScoped
public class ActiveSilences {
    public static final String CHANNEL = "parsipas_silences";

    /** A silence as the planner needs it. */
    public record Window(String id, String fingerprintPattern, String agencyCode, Instant startsAt, Instant endsAt,
            String reason) {
        boolean mutes(Instant at, String fingerprint, String recipient) {
            return !startsAt.isAfter(at) && endsAt.isAfter(at) && (agencyCode == null || agencyCode.equals(recipient))
                    && (fingerprintPattern == null || Silence.matches(fingerprintPattern, fingerprint));
        }
    }

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    private volatile List<Window> windows = List.of();

    void start(@Observes StartupEvent startup) {
        reload().await().atMost(Duration.ofSeconds(30));
    }

    public Optional<Window> muting(Instant at, String fingerprint, String recipient) {
        return windows.stream().filter(window -> window.mutes(at, fingerprint, recipient)).findFirst();
    }

    public Uni<Void> reload() {
        return pool.preparedQuery("select id, fingerprint_pattern, agency_code, starts_at, ends_at, reason from silence "
                        + "where ends_at > $1").execute(Tuple.of(BusinessTime.utc(clock.instant().minus(Duration.ofDays(1)))))
                .invoke(rows -> {
                    List<Window> loaded = new java.util.ArrayList<>();
                    for (Row row : rows) {
                        loaded.add(new Window(row.getString("id"), row.getString("fingerprint_pattern"),
                                row.getString("agency_code"), row.getOffsetDateTime("starts_at").toInstant(),
                                row.getOffsetDateTime("ends_at").toInstant(), row.getString("reason")));
                    }
                    windows = List.copyOf(loaded);
                })
                .replaceWithVoid();
    }
}

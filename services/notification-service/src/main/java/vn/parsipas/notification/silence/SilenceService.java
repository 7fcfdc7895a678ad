package vn.parsipas.notification.silence;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.problem.NotFoundException;

/** Coordinators mute notifications for a while; the alerts still open and are listed, the muted notifications counted. */
@ApplicationScoped
public class SilenceService {
    private static final Logger LOG = Logger.getLogger(SilenceService.class);

    @Inject
    Clock clock;

    @Inject
    ActiveSilences active;

    public Uni<Silence> create(String fingerprintPattern, String agencyCode, Instant startsAt, Instant endsAt, String reason,
            String createdBy) {
        if (fingerprintPattern == null && agencyCode == null) {
            throw new InvalidInputException("fingerprintPattern", "give a fingerprint pattern, an agency code or both");
        }
        Instant now = clock.instant();
        Instant start = startsAt == null ? now : startsAt;
        if (!endsAt.isAfter(start)) {
            throw new InvalidInputException("endsAt", "must be after startsAt");
        }
        Silence silence = new Silence();
        silence.id = UUID.randomUUID().toString();
        silence.fingerprintPattern = fingerprintPattern;
        silence.agencyCode = agencyCode;
        silence.startsAt = start;
        silence.endsAt = endsAt;
        silence.reason = reason;
        silence.createdBy = createdBy;
        silence.createdAt = now;
        LOG.infof("silence %s: %s / %s until %s (%s)", silence.id, fingerprintPattern, agencyCode, endsAt, createdBy);
        return Panache.withTransaction(() -> silence.persist().replaceWith(silence)).call(active::reload);
    }

    /** Silences that are active now or will be, and those ended within the last 30 days, newest first. */
    public Uni<List<Silence>> list() {
        return Panache.withSession(() -> Silence.<Silence>list("endsAt > ?1 order by createdAt desc",
                clock.instant().minus(java.time.Duration.ofDays(30))));
    }

    /** Ends a silence now; what it muted stays counted. */
    public Uni<Silence> expire(String id) {
        return Panache.withTransaction(() -> Silence.<Silence>findById(id).map(silence -> {
            if (silence == null) {
                throw new NotFoundException("Silence", id);
            }
            Instant now = clock.instant();
            if (silence.endsAt.isAfter(now)) {
                silence.endsAt = now.isBefore(silence.startsAt) ? silence.startsAt : now;
            }
            return silence;
        })).call(active::reload);
    }
}

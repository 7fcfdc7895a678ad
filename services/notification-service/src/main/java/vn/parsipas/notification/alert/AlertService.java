package vn.parsipas.notification.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import vn.parsipas.notification.alert.Planner.Recipient;
import vn.parsipas.notification.stream.ChangeFeed;
import vn.parsipas.platform.outbox.Outbox;
import vn.parsipas.platform.problem.ConflictException;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.problem.NotFoundException;

/** Applies facts to alerts (dedup, supersede, resolve, notes) and takes acknowledgements. */
@ApplicationScoped
public class AlertService {
    @Inject
    Clock clock;

    @Inject
    Transitions transitions;

    @Inject
    Outbox outbox;

    @Inject
    ChangeFeed feed;

    /** Applies one fact inside the caller's transaction. */
    public Uni<Void> apply(Fact fact, String causeEventId) {
        if (fact instanceof Fact.Raise raise) {
            return Alert.openAbout(raise.subjectId()).chain(open -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                Alert current = null;
                for (Alert alert : open) {
                    if (alert.fingerprint.equals(raise.fingerprint())) {
                        current = alert;
                    } else if (raise.supersedes().contains(alert.alertKind())) {
                        // A new status of the subject closes the alerts of its other statuses quietly: the new alert notifies.
                        chain = chain.chain(() -> transitions.resolve(alert, "superseded", causeEventId, false));
                    }
                }
                Alert seen = current;
                return chain.chain(() -> seen != null ? seen(seen) : transitions.raise(raise, causeEventId).replaceWithVoid());
            });
        }
        if (fact instanceof Fact.Clear clear) {
            return each(Alert.openAbout(clear.subjectId()), alert -> clear.kinds().contains(alert.alertKind())
                    ? transitions.resolve(alert, clear.resolution(), causeEventId, true) : Uni.createFrom().voidItem());
        }
        if (fact instanceof Fact.Reassign reassign) {
            return each(Alert.openAbout(reassign.subjectId()), alert -> transitions.reassign(alert, reassign));
        }
        Fact.Note note = (Fact.Note) fact;
        return each(Alert.openAbout(note.subjectId()), alert -> {
            alert.updatedAt = clock.instant();
            return TimelineEntry.of(alert.id, alert.updatedAt, note.type(), null, null, note.detail()).persist()
                    .chain(() -> publishToAll(alert, "updated"));
        });
    }

    /**
     * Someone of the agency responsible for the alert, or of an agency it escalated to, says they are on
     * it: escalation stops. A copy only reads it (403), as does any agency for a coordinator, who may
     * acknowledge for any holder. {@code visible} are the agencies the caller may see (null for all): an
     * alert none of them holds is refused.
     */
    public Uni<Alert> acknowledge(String alertId, String agencyCode, String acknowledgedBy, String comment,
            Set<String> visible, boolean coordinator) {
        return Alert.<Alert>findById(alertId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).chain(alert -> {
            if (alert == null) {
                throw new NotFoundException("Alert", alertId);
            }
            return transitions.recipients(alertId).chain(recipients -> {
                Holders.requireVisible(recipients.stream().map(Recipient::agencyCode).toList(), visible);
                if (!Alert.OPEN.equals(alert.status)) {
                    throw new ConflictException("alert " + alertId + " is " + alert.status + ", it can no longer be acknowledged");
                }
                Recipient holder = recipients.stream().filter(r -> r.agencyCode().equals(agencyCode)).findFirst()
                        .orElseThrow(() -> new InvalidInputException("agencyCode", agencyCode + " has not received this alert"));
                if (AlertRecipient.COPY.equals(holder.role()) && !coordinator) {
                    throw new ForbiddenException(agencyCode + " holds a copy of this alert: only its responsible agency, "
                            + "an agency it escalated to or a coordinator may acknowledge it");
                }
                Instant now = clock.instant();
                alert.status = Alert.ACKNOWLEDGED;
                alert.acknowledgedAt = now;
                alert.acknowledgedBy = acknowledgedBy;
                alert.ackComment = comment;
                alert.nextEscalationAt = null;
                alert.updatedAt = now;
                return TimelineEntry.of(alert.id, now, "acknowledged", agencyCode, acknowledgedBy,
                                comment == null ? "Đã tiếp nhận" : "Đã tiếp nhận: " + comment).persist()
                        .chain(() -> outbox.add(AlertEvents.acknowledged(alert), AlertEvents.acknowledgedId(alert)))
                        .chain(() -> feed.publish(AlertEvents.change(alert, "acknowledged",
                                recipients.stream().map(Recipient::agencyCode).toList())))
                        .replaceWith(alert);
            });
        });
    }

    /** A fact for an open fingerprint: counted, nobody notified until the repeat interval. */
    private Uni<Void> seen(Alert alert) {
        Instant now = clock.instant();
        alert.occurrences++;
        alert.lastSeenAt = now;
        alert.updatedAt = now;
        return publishToAll(alert, "updated");
    }

    private Uni<Void> publishToAll(Alert alert, String change) {
        return transitions.recipients(alert.id)
                .chain(recipients -> feed.publish(AlertEvents.change(alert, change,
                        recipients.stream().map(Recipient::agencyCode).toList())));
    }

    private static Uni<Void> each(Uni<List<Alert>> alerts, Function<Alert, Uni<Void>> action) {
        return alerts.chain(list -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Alert alert : list) {
                chain = chain.chain(() -> action.apply(alert));
            }
            return chain;
        });
    }
}

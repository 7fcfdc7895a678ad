package vn.parsipas.notification.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import vn.parsipas.notification.NotificationConfig;
import vn.parsipas.notification.alert.Planner.Recipient;
import vn.parsipas.notification.directory.Directory;
import vn.parsipas.notification.directory.Routing;
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
    NotificationConfig config;

    @Inject
    Transitions transitions;

    @Inject
    Outbox outbox;

    @Inject
    ChangeFeed feed;

    @Inject
    Directory directory;

    /** A fact and the id of the event that stated it. */
    public record Stated(Fact fact, String eventId) {
    }

    /**
     * Applies a batch of facts in order inside the caller's transaction: the open alerts of their
     * subjects are read once ({@link OpenAlerts}), routings are looked up once per agency, and every
     * row and event is written at the end, at one flush ({@link Outbox#deferWithin}).
     */
    public Uni<Void> applyAll(List<Stated> facts) {
        if (facts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<List<Object>, Routing> routings = new HashMap<>();
        return outbox.deferWithin(() -> OpenAlerts.about(facts.stream().map(stated -> stated.fact().subjectId()).toList())
                .chain(open -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Stated stated : facts) {
                        chain = chain.chain(() -> apply(stated.fact(), stated.eventId(), open, routings));
                    }
                    return chain;
                }));
    }

    private Uni<Void> apply(Fact fact, String causeEventId, OpenAlerts open, Map<List<Object>, Routing> routings) {
        if (fact instanceof Fact.Raise raise) {
            Uni<Void> chain = Uni.createFrom().voidItem();
            Alert current = null;
            for (Alert alert : open.about(raise.subjectId())) {
                if (alert.fingerprint.equals(raise.fingerprint())) {
                    current = alert;
                } else if (raise.supersedes().contains(alert.alertKind())) {
                    // A new status of the subject closes the alerts of its other statuses quietly: the new alert notifies.
                    chain = chain.chain(() -> resolve(alert, "superseded", causeEventId, false, open));
                }
            }
            Alert seen = current;
            return chain.chain(() -> seen != null ? seen(seen, open)
                    : route(raise, routings).chain(routing -> transitions.raise(raise, causeEventId, routing))
                            .invoke(raised -> open.opened(raised.alert(), raised.recipients())).replaceWithVoid());
        }
        if (fact instanceof Fact.Clear clear) {
            return each(open.about(clear.subjectId()), alert -> clear.kinds().contains(alert.alertKind())
                    ? resolve(alert, clear.resolution(), causeEventId, true, open) : Uni.createFrom().voidItem());
        }
        if (fact instanceof Fact.Reassign reassign) {
            return each(open.about(reassign.subjectId()), alert -> transitions.reassign(alert, reassign)
                    .chain(() -> transitions.recipients(alert.id)).invoke(holders -> open.holders(alert.id, holders))
                    .replaceWithVoid());
        }
        Fact.Note note = (Fact.Note) fact;
        return each(open.about(note.subjectId()), alert -> {
            alert.updatedAt = clock.instant();
            return TimelineEntry.of(alert.id, alert.updatedAt, note.type(), null, null, note.detail()).persist()
                    .chain(() -> publishToAll(alert, "updated", open));
        });
    }

    private Uni<Void> resolve(Alert alert, String resolution, String causeEventId, boolean notify, OpenAlerts open) {
        return transitions.resolve(alert, open.recipientsOf(alert.id), resolution, causeEventId, notify)
                .invoke(() -> open.resolved(alert));
    }

    private Uni<Routing> route(Fact.Raise raise, Map<List<Object>, Routing> routings) {
        List<Object> key = List.of(raise.kind().family(), raise.responsible(), raise.copies());
        Routing known = routings.get(key);
        return known != null ? Uni.createFrom().item(known)
                : directory.route(raise.kind().family().supervisor(config), raise.responsible(), raise.copies())
                        .invoke(routing -> routings.put(key, routing));
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
    private Uni<Void> seen(Alert alert, OpenAlerts open) {
        Instant now = clock.instant();
        alert.occurrences++;
        alert.lastSeenAt = now;
        alert.updatedAt = now;
        return publishToAll(alert, "updated", open);
    }

    private Uni<Void> publishToAll(Alert alert, String change, OpenAlerts open) {
        return feed.publish(AlertEvents.change(alert, change,
                open.recipientsOf(alert.id).stream().map(Recipient::agencyCode).toList()));
    }

    private static Uni<Void> each(List<Alert> alerts, Function<Alert, Uni<Void>> action) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Alert alert : alerts) {
            chain = chain.chain(() -> action.apply(alert));
        }
        return chain;
    }
}

package vn.parsipas.notification.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import vn.parsipas.notification.alert.Planner.Recipient;
import vn.parsipas.notification.stream.ChangeFeed;
import vn.parsipas.platform.outbox.Outbox;
import vn.parsipas.platform.problem.ConflictException;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.problem.NotFoundException;

/** Takes acknowledgements (facts are applied to alerts by {@link FactBatch}). */
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

    /**
     * Someone of the agency responsible for the alert, or of an agency it escalated to, says they are on
     * it: escalation stops. A copy only reads it (403), as does any agency for a coordinator, who may
     * acknowledge for any holder. {@code visible} are the agencies the caller may see (null for all): an
     * alert none of them holds is refused. One transaction: the alert is locked, changed, and its event
     * and live-stream notice are written with it.
     */
    public Uni<Alert> acknowledge(String alertId, String agencyCode, String acknowledgedBy, String comment,
            Set<String> visible, boolean coordinator) {
        return Panache.withTransaction(() -> Alert.<Alert>findById(alertId, LockModeType.PESSIMISTIC_WRITE).chain(alert -> {
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
        }));
    }
}

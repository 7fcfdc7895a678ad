package vn.parsipas.notification.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import vn.parsipas.notification.NotificationConfig;
import vn.parsipas.notification.alert.Planner.Recipient;
import vn.parsipas.notification.directory.Directory;
import vn.parsipas.notification.directory.Routing;
import vn.parsipas.notification.stream.ChangeFeed;
import vn.parsipas.platform.outbox.Outbox;

/**
 * The transitions of an alert that notify someone — raised, repeated, escalated, reassigned,
 * resolved — each in the caller's transaction: state, timeline, deliveries, lifecycle event and
 * live-stream notice commit together or not at all.
 */
@ApplicationScoped
public class Transitions {
    private static final Logger LOG = Logger.getLogger(Transitions.class);
    private static final int MAX_TEXT = 4000;

    @Inject
    Clock clock;

    @Inject
    NotificationConfig config;

    @Inject
    Directory directory;

    @Inject
    AlertRules rules;

    @Inject
    Planner planner;

    @Inject
    Outbox outbox;

    @Inject
    ChangeFeed feed;

    /** A new open alert for the fact, routed and timed by its rule. */
    static Alert newAlert(Fact.Raise fact, Routing routing, AlertRule rule, String causeEventId, Instant now) {
        Alert alert = new Alert();
        alert.id = UUID.randomUUID().toString();
        alert.fingerprint = fact.fingerprint();
        alert.kind = fact.kind().code();
        alert.severity = fact.kind().severity();
        alert.status = Alert.OPEN;
        alert.subjectId = fact.subjectId();
        alert.title = clip(fact.title(), MAX_TEXT);
        alert.criterionCode = fact.criterionCode();
        alert.causeEventId = causeEventId == null || causeEventId.length() <= 200 ? causeEventId : causeEventId.substring(0, 200);
        alert.ruleName = rule.name();
        alert.occurrences = 1;
        alert.raisedAt = now;
        alert.lastSeenAt = now;
        alert.updatedAt = now;
        alert.nextRepeatAt = rule.repeatEvery() == null ? null : now.plus(rule.repeatEvery());
        alert.nextEscalationAt = rule.escalateAfter() == null ? null : now.plus(rule.escalateAfter());
        route(alert, routing, fact.body());
        return alert;
    }

    /** Reminds every recipient of an alert that is still open. */
    public Uni<Void> repeat(Alert alert) {
        AlertRule rule = rule(alert);
        Instant now = clock.instant();
        alert.repeats++;
        alert.updatedAt = now;
        alert.nextRepeatAt = rule.repeatEvery() == null ? null : now.plus(rule.repeatEvery());
        return recipients(alert.id).chain(recipients -> TimelineEntry.of(alert.id, now, "repeated", null, null,
                        "Nhắc lại lần " + alert.repeats).persist()
                .chain(() -> planner.plan(alert, "repeated-" + alert.repeats, rule.channels(), recipients))
                .call(live -> feed.publish(AlertEvents.change(alert, "repeated", live))))
                .replaceWithVoid();
    }

    /** Takes an unacknowledged alert one level up: to the rule's target, else the supervising agency. */
    public Uni<Void> escalate(Alert alert) {
        AlertRule rule = rule(alert);
        Uni<String> target = alert.escalationLevel == 0 && rule.escalateTo() != null
                ? Uni.createFrom().item(rule.escalateTo())
                : directory.supervisorOf(alert.escalationLevel == 0 ? alert.deliveredTo : alert.escalatedTo,
                        alert.alertKind().family().supervisor(config));
        return target.chain(to -> recipients(alert.id).chain(recipients -> {
            Instant now = clock.instant();
            if (to == null || recipients.stream().anyMatch(r -> r.agencyCode().equals(to))) {
                alert.nextEscalationAt = null;
                return TimelineEntry.of(alert.id, now, "escalation-skipped", to, null,
                        "Không chuyển cấp trên: không có cơ quan cấp trên khác").persist().replaceWithVoid();
            }
            alert.escalationLevel++;
            alert.escalatedTo = to;
            alert.updatedAt = now;
            alert.nextEscalationAt = alert.escalationLevel < rule.levels() ? now.plus(rule.escalateAfter()) : null;
            LOG.infof("alert %s escalated to %s (level %d)", alert.id, to, alert.escalationLevel);
            List<String> everyone = new ArrayList<>(recipients.stream().map(Recipient::agencyCode).toList());
            return Panache.getSession().chain(session -> session.persistAll(AlertRecipient.of(alert.id, to, AlertRecipient.ESCALATION),
                            TimelineEntry.of(alert.id, now, "escalated", to, null, "Chuyển cấp trên (cấp " + alert.escalationLevel
                                    + ") do chưa được tiếp nhận")))
                    .chain(() -> planner.plan(alert, "escalated-" + alert.escalationLevel, rule.channels(),
                            List.of(new Recipient(to, AlertRecipient.ESCALATION))))
                    .call(() -> outbox.add(AlertEvents.escalated(alert), AlertEvents.escalatedId(alert)))
                    .call(live -> {
                        everyone.addAll(live);
                        return feed.publish(AlertEvents.change(alert, "escalated", everyone));
                    })
                    .replaceWithVoid();
        }));
    }

    /** Every agency whose inbox holds the alert. */
    public Uni<List<Recipient>> recipients(String alertId) {
        return AlertRecipient.<AlertRecipient>list("alertId", alertId)
                .map(list -> list.stream().map(r -> new Recipient(r.agencyCode, r.role)).toList());
    }

    AlertRule rule(Alert alert) {
        return rules.named(alert.ruleName, alert.kind, alert.severity, alert.agencyCode);
    }

    /** Addresses the alert as the routing says; the body's last line names who it is for. */
    static void route(Alert alert, Routing routing, String factBody) {
        alert.deliveredTo = routing.deliveredTo();
        alert.agencyCode = routing.responsible();
        alert.ccAgencies = String.join(",", routing.listedCopies());
        // The routing sentence is the body's last line, so a reassignment can replace it.
        alert.body = clip(clip(factBody, MAX_TEXT / 2) + "\n" + Labels.routing(alert.alertKind(), routing), MAX_TEXT);
    }

    /** Who receives a new alert: the agency acting for the responsible one, then the copies the rule and routing give. */
    static List<Recipient> recipients(Routing routing, AlertRule rule) {
        Set<String> copies = new LinkedHashSet<>();
        if (rule.copyCoordinators()) {
            copies.addAll(routing.deliveredCopies());
        }
        copies.addAll(rule.copyTo());
        copies.remove(routing.deliveredTo());
        List<Recipient> recipients = new ArrayList<>();
        recipients.add(new Recipient(routing.deliveredTo(), AlertRecipient.RESPONSIBLE));
        copies.forEach(code -> recipients.add(new Recipient(code, AlertRecipient.COPY)));
        return recipients;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

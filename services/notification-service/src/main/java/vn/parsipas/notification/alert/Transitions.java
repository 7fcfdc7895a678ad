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

    public Uni<Alert> raise(Fact.Raise fact, String causeEventId) {
        AlertKind kind = fact.kind();
        return directory.route(kind.family().supervisor(config), fact.responsible(), fact.copies()).chain(routing -> {
            AlertRule rule = rules.match(kind.code(), kind.severity(), fact.responsible());
            Instant now = clock.instant();
            Alert alert = new Alert();
            alert.id = UUID.randomUUID().toString();
            alert.fingerprint = fact.fingerprint();
            alert.kind = kind.code();
            alert.severity = kind.severity();
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
            List<Recipient> recipients = recipients(routing, rule);
            List<Object> rows = new ArrayList<>(List.of(alert));
            recipients.forEach(recipient -> rows.add(AlertRecipient.of(alert.id, recipient.agencyCode(), recipient.role())));
            rows.add(TimelineEntry.of(alert.id, now, "raised", alert.deliveredTo, null, alert.title));
            LOG.infof("alert %s raised: %s for %s (rule %s)", alert.id, alert.fingerprint, alert.deliveredTo, rule.name());
            return Panache.getSession().chain(session -> session.persistAll(rows.toArray()))
                    .chain(() -> planner.plan(alert, "raised", rule.channels(), recipients))
                    .call(live -> outbox.add(AlertEvents.raised(alert), AlertEvents.raisedId(alert)))
                    .call(live -> feed.publish(AlertEvents.change(alert, "raised", live)))
                    .replaceWith(alert);
        });
    }

    /** Resolves an open alert; {@code notify} sends the one "resolved" notice on the rule's channels. */
    public Uni<Void> resolve(Alert alert, String resolution, String causeEventId, boolean notify) {
        Instant now = clock.instant();
        alert.status = Alert.RESOLVED;
        alert.resolution = resolution;
        alert.resolvedAt = now;
        alert.updatedAt = now;
        alert.nextRepeatAt = null;
        alert.nextEscalationAt = null;
        LOG.infof("alert %s resolved: %s (%s)", alert.id, alert.fingerprint, resolution);
        return recipients(alert.id).chain(recipients -> TimelineEntry.of(alert.id, now, "resolved", null, null,
                        Labels.resolution(resolution)).persist()
                .chain(() -> notify ? planner.plan(alert, "resolved", rule(alert).channels(), recipients)
                        : Uni.createFrom().item(recipients.stream().map(Recipient::agencyCode).toList()))
                .call(() -> outbox.add(AlertEvents.resolved(alert, causeEventId), AlertEvents.resolvedId(alert)))
                .call(live -> feed.publish(AlertEvents.change(alert, "resolved", live))))
                .replaceWithVoid();
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

    /**
     * Moves an open alert to the subject's new responsible agency, which is notified as for a raise; the
     * former one no longer holds it (it keeps a copy only where the new routing copies it).
     */
    public Uni<Void> reassign(Alert alert, Fact.Reassign fact) {
        String supervisor = alert.alertKind().family().supervisor(config);
        return directory.route(supervisor, fact.responsible(), fact.copies()).chain(routing -> {
            if (routing.deliveredTo().equals(alert.deliveredTo)) {
                return Uni.createFrom().voidItem();
            }
            AlertRule rule = rule(alert);
            Instant now = clock.instant();
            String former = alert.deliveredTo;
            alert.agencyCode = routing.responsible();
            alert.updatedAt = now;
            route(alert, routing, alert.body.substring(0, Math.max(0, alert.body.lastIndexOf('\n'))));
            Recipient lead = new Recipient(routing.deliveredTo(), AlertRecipient.RESPONSIBLE);
            boolean formerIsCopy = recipients(routing, rule).stream().anyMatch(r -> r.agencyCode().equals(former));
            return AlertRecipient.<AlertRecipient>findById(key(alert.id, former))
                    .chain(previous -> {
                        // the former lead loses the alert, unless the new routing copies it
                        if (previous == null || !AlertRecipient.RESPONSIBLE.equals(previous.role)) {
                            return Uni.createFrom().voidItem();
                        }
                        if (formerIsCopy) {
                            previous.role = AlertRecipient.COPY;
                            return Uni.createFrom().voidItem();
                        }
                        return previous.delete();
                    })
                    .chain(() -> AlertRecipient.<AlertRecipient>findById(key(alert.id, lead.agencyCode())))
                    .chain(existing -> {
                        if (existing == null) {
                            return AlertRecipient.of(alert.id, lead.agencyCode(), lead.role()).persist().replaceWithVoid();
                        }
                        existing.role = lead.role();
                        return Uni.createFrom().voidItem();
                    })
                    .chain(() -> TimelineEntry.of(alert.id, now, "reassigned", lead.agencyCode(), null, fact.detail()).persist())
                    .chain(() -> planner.plan(alert, "reassigned-" + lead.agencyCode(), rule.channels(), List.of(lead)))
                    .call(live -> feed.publish(AlertEvents.change(alert, "reassigned", live)))
                    .replaceWithVoid();
        });
    }

    /** Every agency whose inbox holds the alert. */
    public Uni<List<Recipient>> recipients(String alertId) {
        return AlertRecipient.<AlertRecipient>list("alertId", alertId)
                .map(list -> list.stream().map(r -> new Recipient(r.agencyCode, r.role)).toList());
    }

    AlertRule rule(Alert alert) {
        return rules.named(alert.ruleName, alert.kind, alert.severity, alert.agencyCode);
    }

    private static void route(Alert alert, Routing routing, String factBody) {
        alert.deliveredTo = routing.deliveredTo();
        alert.agencyCode = routing.responsible();
        alert.ccAgencies = String.join(",", routing.listedCopies());
        // The routing sentence is the body's last line, so a reassignment can replace it.
        alert.body = clip(clip(factBody, MAX_TEXT / 2) + "\n" + Labels.routing(alert.alertKind(), routing), MAX_TEXT);
    }

    private static List<Recipient> recipients(Routing routing, AlertRule rule) {
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

    private static AlertRecipient.Key key(String alertId, String agencyCode) {
        AlertRecipient.Key key = new AlertRecipient.Key();
        key.alertId = alertId;
        key.agencyCode = agencyCode;
        return key;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

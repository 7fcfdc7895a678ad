package vn.parsipas.notification.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import vn.parsipas.contracts.text.AlertLabels;
import vn.parsipas.notification.NotificationConfig;
import vn.parsipas.notification.alert.Planner.Recipient;
import vn.parsipas.notification.delivery.Delivery;
import vn.parsipas.notification.directory.Agency;
import vn.parsipas.notification.directory.Directory;
import vn.parsipas.notification.stream.AlertChangeNotice;
import vn.parsipas.notification.stream.ChangeFeed;
import vn.parsipas.platform.outbox.Outbox;
import vn.parsipas.platform.tracing.EventLogContext;

/**
 * Applies a poll of facts (raises, clears, notes, reassignments) in one SQL transaction, set-based: the
 * open alerts of every subject in the poll, their recipients and the agencies to route to are read in
 * three statements ({@link AlertRows}); the facts are applied in memory in record order with the
 * transitions' own rules ({@link Transitions}, {@link Planner}), so a raise then a clear of one alert in
 * one poll, or a repeated fact, end as they would one by one; then each table is written in one statement.
 */
@ApplicationScoped
public class FactBatch {
    private static final Logger LOG = Logger.getLogger(FactBatch.class);

    /** A fact with the event it came from and the trace (the event's consumer span) what it writes continues. */
    public record Caused(Fact fact, String eventId, String eventType, String traceparent) {
    }

    @Inject
    Clock clock;

    @Inject
    NotificationConfig config;

    @Inject
    AlertRules rules;

    @Inject
    Planner planner;

    @Inject
    Outbox outbox;

    public Uni<Void> apply(SqlConnection connection, List<Caused> facts) {
        if (facts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<String> subjects = new LinkedHashSet<>();
        facts.forEach(caused -> subjects.add(caused.fact().subjectId()));
        // The open alerts and the agencies are read side by side (one round trip on the pipelining connection).
        Uni<Map<String, List<Alert>>> openAlerts = AlertRows.openAlerts(connection, subjects);
        return Uni.combine().all().unis(openAlerts, agencies(connection, facts)).asTuple()
                .chain(read -> AlertRows.recipients(connection, read.getItem1()).map(recipients -> {
                    Changes changes = new Changes(read.getItem1(), recipients, read.getItem2());
                    for (Caused caused : facts) {
                        EventLogContext.set(caused.eventId(), caused.eventType());
                        try {
                            changes.apply(caused);
                        } finally {
                            EventLogContext.clear();
                        }
                    }
                    return changes;
                }))
                .chain(changes -> AlertRows.write(connection, changes, outbox.addIdentified(connection, changes.events)));
    }

    /** What the poll changes, gathered in memory in record order. */
    final class Changes {
        final Map<String, List<Alert>> openBySubject;
        final Map<String, List<Recipient>> recipientsByAlert;
        final Map<String, Agency> known;
        final Set<Alert> inserted = new LinkedHashSet<>();
        final Set<Alert> updated = new LinkedHashSet<>();
        /** The recipients each changed (alert, agency) ends with: its role, or null where it no longer holds the alert. */
        final Map<List<String>, String> recipientRoles = new LinkedHashMap<>();
        final List<TimelineEntry> timeline = new ArrayList<>();
        final List<Delivery> deliveries = new ArrayList<>();
        final Map<String, Integer> muted = new HashMap<>();
        final List<Outbox.Identified> events = new ArrayList<>();
        final List<AlertChangeNotice> notices = new ArrayList<>();

        Changes(Map<String, List<Alert>> openBySubject, Map<String, List<Recipient>> recipientsByAlert, Map<String, Agency> known) {
            this.openBySubject = openBySubject;
            this.recipientsByAlert = recipientsByAlert;
            this.known = known;
        }

        void apply(Caused caused) {
            Instant now = clock.instant();
            Fact fact = caused.fact();
            List<Alert> open = openBySubject.computeIfAbsent(fact.subjectId(), subject -> new ArrayList<>());
            if (fact instanceof Fact.Raise raise) {
                Alert current = null;
                for (Alert alert : List.copyOf(open)) {
                    if (alert.fingerprint.equals(raise.fingerprint())) {
                        current = alert;
                    } else if (raise.supersedes().contains(alert.alertKind())) {
                        // A new status of the subject closes the alerts of its other statuses quietly: the new alert notifies.
                        resolve(alert, "superseded", caused, false, now);
                    }
                }
                if (current != null) {
                    current.seen(now);
                    changed(current, "updated", holders(current));
                } else {
                    raise(raise, caused, now);
                }
            } else if (fact instanceof Fact.Clear clear) {
                for (Alert alert : List.copyOf(open)) {
                    if (clear.kinds().contains(alert.alertKind())) {
                        resolve(alert, clear.resolution(), caused, true, now);
                    }
                }
            } else if (fact instanceof Fact.Note note) {
                for (Alert alert : open) {
                    alert.updatedAt = now;
                    timeline.add(TimelineEntry.of(alert.id, now, note.type(), null, null, note.detail()));
                    changed(alert, "updated", holders(alert));
                }
            } else {
                for (Alert alert : open) {
                    reassign(alert, (Fact.Reassign) fact, caused, now);
                }
            }
        }

        private void raise(Fact.Raise fact, Caused caused, Instant now) {
            AlertKind kind = fact.kind();
            var routing = Directory.route(kind.family().supervisor(config), fact.responsible(), fact.copies(), known);
            AlertRule rule = rules.match(kind.code(), kind.severity(), fact.responsible());
            Alert alert = Transitions.newAlert(fact, routing, rule, caused.eventId(), now);
            List<Recipient> recipients = Transitions.recipients(routing, rule);
            inserted.add(alert);
            openBySubject.get(alert.subjectId).add(alert);
            recipientsByAlert.put(alert.id, recipients);
            recipients.forEach(recipient -> recipientRoles.put(List.of(alert.id, recipient.agencyCode()), recipient.role()));
            timeline.add(TimelineEntry.of(alert.id, now, "raised", alert.deliveredTo, null, alert.title));
            LOG.infof("alert %s raised: %s for %s (rule %s)", alert.id, alert.fingerprint, alert.deliveredTo, rule.name());
            List<String> live = plan(alert, "raised", rule, recipients, caused, now);
            events.add(new Outbox.Identified(AlertEvents.raised(alert), AlertEvents.raisedId(alert), caused.traceparent()));
            changed(alert, "raised", live);
        }

        private void resolve(Alert alert, String resolution, Caused caused, boolean notify, Instant now) {
            alert.resolve(resolution, now);
            openBySubject.get(alert.subjectId).remove(alert);
            LOG.infof("alert %s resolved: %s (%s)", alert.id, alert.fingerprint, resolution);
            timeline.add(TimelineEntry.of(alert.id, now, "resolved", null, null, AlertLabels.resolution(resolution)));
            List<String> live = notify
                    ? plan(alert, "resolved", rule(alert), recipientsByAlert.getOrDefault(alert.id, List.of()), caused, now)
                    : holders(alert);
            events.add(new Outbox.Identified(AlertEvents.resolved(alert, caused.eventId()), AlertEvents.resolvedId(alert),
                    caused.traceparent()));
            changed(alert, "resolved", live);
        }

        /**
         * Moves an open alert to the subject's new responsible agency, which is notified as for a raise; the
         * former one no longer holds it (it keeps a copy only where the new routing copies it).
         */
        private void reassign(Alert alert, Fact.Reassign fact, Caused caused, Instant now) {
            var routing = Directory.route(alert.alertKind().family().supervisor(config), fact.responsible(), fact.copies(), known);
            if (routing.deliveredTo().equals(alert.deliveredTo)) {
                return;
            }
            AlertRule rule = rule(alert);
            String former = alert.deliveredTo;
            alert.agencyCode = routing.responsible();
            alert.updatedAt = now;
            Transitions.route(alert, routing, alert.body.substring(0, Math.max(0, alert.body.lastIndexOf('\n'))));
            Recipient lead = new Recipient(routing.deliveredTo(), AlertRecipient.RESPONSIBLE);
            List<Recipient> holders = new ArrayList<>(recipientsByAlert.getOrDefault(alert.id, List.of()));
            boolean formerWasLead = holders.removeIf(r -> r.agencyCode().equals(former) && AlertRecipient.RESPONSIBLE.equals(r.role()));
            if (formerWasLead) {
                boolean formerIsCopy = Transitions.recipients(routing, rule).stream().anyMatch(r -> r.agencyCode().equals(former));
                if (formerIsCopy) {
                    holders.add(new Recipient(former, AlertRecipient.COPY));
                }
                recipientRoles.put(List.of(alert.id, former), formerIsCopy ? AlertRecipient.COPY : null);
            }
            holders.removeIf(r -> r.agencyCode().equals(lead.agencyCode()));
            holders.add(lead);
            recipientRoles.put(List.of(alert.id, lead.agencyCode()), lead.role());
            recipientsByAlert.put(alert.id, holders);
            timeline.add(TimelineEntry.of(alert.id, now, "reassigned", lead.agencyCode(), null, fact.detail()));
            changed(alert, "reassigned", plan(alert, "reassigned-" + lead.agencyCode(), rule, List.of(lead), caused, now));
        }

        private AlertRule rule(Alert alert) {
            return rules.named(alert.ruleName, alert.kind, alert.severity, alert.agencyCode);
        }

        private List<String> plan(Alert alert, String transition, AlertRule rule, List<Recipient> recipients, Caused caused, Instant now) {
            Planner.Plan plan = planner.rows(alert, transition, rule.channels(), recipients, now, caused.traceparent());
            deliveries.addAll(plan.deliveries());
            timeline.addAll(plan.timeline());
            plan.mutedBySilence().forEach((silence, count) -> muted.merge(silence, count, Integer::sum));
            return plan.live();
        }

        private void changed(Alert alert, String change, List<String> agencies) {
            if (!inserted.contains(alert)) {
                updated.add(alert);
            }
            if (!agencies.isEmpty()) {
                notices.add(ChangeFeed.notice(AlertEvents.change(alert, change, agencies)));
            }
        }

        private List<String> holders(Alert alert) {
            return recipientsByAlert.getOrDefault(alert.id, List.of()).stream().map(Recipient::agencyCode).toList();
        }
    }

    /** The agencies the raises name, and the parents acting for the collectives among them. */
    private Uni<Map<String, Agency>> agencies(SqlConnection connection, List<Caused> facts) {
        Set<String> codes = new HashSet<>();
        facts.forEach(caused -> {
            if (caused.fact() instanceof Fact.Raise raise) {
                codes.add(raise.responsible());
                codes.addAll(raise.copies());
            } else if (caused.fact() instanceof Fact.Reassign reassign) {
                codes.add(reassign.responsible());
                codes.addAll(reassign.copies());
            }
        });
        return AlertRows.agencies(connection, codes).chain(known -> {
            // a collective's parent, or the supervisor acting for a collective without one (config per family)
            Set<String> acting = new HashSet<>();
            for (AlertKind.Family family : AlertKind.Family.values()) {
                codes.forEach(code -> acting.add(Directory.deliveredTo(family.supervisor(config), code, known)));
            }
            acting.removeAll(known.keySet());
            return AlertRows.agencies(connection, acting).map(more -> {
                known.putAll(more);
                return known;
            });
        });
    }

}

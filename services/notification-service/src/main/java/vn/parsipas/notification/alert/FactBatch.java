package vn.parsipas.notification.alert;

import static vn.parsipas.platform.time.BusinessTime.utc;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
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
 * Applies a poll of raises, clears and notes in one SQL transaction, set-based: the open alerts of
 * every subject in the poll, their recipients and the agencies to route to are read in three
 * statements; the facts are applied in memory in record order, with the same transitions as
 * {@link AlertService} (so a raise then a clear of one alert in one poll, or a repeated fact, end as
 * they would one by one); then each table is written in one statement.
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
        facts.forEach(caused -> subjects.add(subjectOf(caused.fact())));
        return openAlerts(connection, subjects)
                .chain(open -> recipients(connection, open)
                        .chain(recipients -> agencies(connection, facts).map(known -> {
                            Changes changes = new Changes(open, recipients, known);
                            for (Caused caused : facts) {
                                EventLogContext.set(caused.eventId(), caused.eventType());
                                try {
                                    changes.apply(caused);
                                } finally {
                                    EventLogContext.clear();
                                }
                            }
                            return changes;
                        })))
                .chain(changes -> write(connection, changes));
    }

    /** What the poll changes, gathered in memory in record order. */
    private final class Changes {
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
            List<Alert> open = openBySubject.computeIfAbsent(subjectOf(fact), subject -> new ArrayList<>());
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
            timeline.add(TimelineEntry.of(alert.id, now, "resolved", null, null, Labels.resolution(resolution)));
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

    private static String subjectOf(Fact fact) {
        if (fact instanceof Fact.Raise raise) {
            return raise.subjectId();
        }
        if (fact instanceof Fact.Clear clear) {
            return clear.subjectId();
        }
        if (fact instanceof Fact.Note note) {
            return note.subjectId();
        }
        return ((Fact.Reassign) fact).subjectId();
    }

    /** The open alerts of the subjects, locked for the transaction (in id order, so two polls lock alike), oldest first per subject. */
    private static Uni<Map<String, List<Alert>>> openAlerts(SqlConnection connection, Set<String> subjects) {
        return connection.preparedQuery("select * from alert where subject_id = any($1) and status <> 'resolved' order by id for update")
                .execute(Tuple.of(subjects.toArray(String[]::new)))
                .map(rows -> {
                    List<Alert> alerts = new ArrayList<>();
                    rows.forEach(row -> alerts.add(alert(row)));
                    alerts.sort(Comparator.comparing((Alert alert) -> alert.raisedAt).thenComparing(alert -> alert.id));
                    Map<String, List<Alert>> bySubject = new HashMap<>();
                    alerts.forEach(alert -> bySubject.computeIfAbsent(alert.subjectId, subject -> new ArrayList<>()).add(alert));
                    return bySubject;
                });
    }

    private static Uni<Map<String, List<Recipient>>> recipients(SqlConnection connection, Map<String, List<Alert>> open) {
        String[] ids = open.values().stream().flatMap(List::stream).map(alert -> alert.id).toArray(String[]::new);
        if (ids.length == 0) {
            return Uni.createFrom().item(new HashMap<>());
        }
        return connection.preparedQuery("select alert_id, agency_code, role from alert_recipient where alert_id = any($1)")
                .execute(Tuple.of(ids))
                .map(rows -> {
                    Map<String, List<Recipient>> byAlert = new HashMap<>();
                    rows.forEach(row -> byAlert.computeIfAbsent(row.getString("alert_id"), id -> new ArrayList<>())
                            .add(new Recipient(row.getString("agency_code"), row.getString("role"))));
                    return byAlert;
                });
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
        return agencies(connection, codes).chain(known -> {
            // a collective's parent, or the supervisor acting for a collective without one (config per family)
            Set<String> acting = new HashSet<>();
            for (AlertKind.Family family : AlertKind.Family.values()) {
                codes.forEach(code -> acting.add(Directory.deliveredTo(family.supervisor(config), code, known)));
            }
            acting.removeAll(known.keySet());
            return agencies(connection, acting).map(more -> {
                known.putAll(more);
                return known;
            });
        });
    }

    private static Uni<Map<String, Agency>> agencies(SqlConnection connection, Collection<String> codes) {
        if (codes.isEmpty()) {
            return Uni.createFrom().item(new HashMap<>());
        }
        return connection.preparedQuery("select code, name, kind, parent_code from agency where code = any($1)")
                .execute(Tuple.of(codes.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Agency> known = new HashMap<>();
                    rows.forEach(row -> {
                        Agency agency = new Agency();
                        agency.code = row.getString("code");
                        agency.name = row.getString("name");
                        agency.kind = row.getString("kind");
                        agency.parentCode = row.getString("parent_code");
                        known.put(agency.code, agency);
                    });
                    return known;
                });
    }

    /**
     * Each table in one statement, in the order the constraints need: alerts that changed first (a
     * resolved one frees its fingerprint for a new one), then new alerts, then what refers to them.
     */
    private Uni<Void> write(SqlConnection connection, Changes changes) {
        return batch(connection, "update alert set status = $2, occurrences = $3, last_seen_at = $4, updated_at = $5, "
                        + "resolution = $6, resolved_at = $7, next_repeat_at = $8, next_escalation_at = $9, agency_code = $10, "
                        + "delivered_to = $11, cc_agencies = $12, body = $13 where id = $1",
                changes.updated, alert -> Tuple.from(Arrays.asList(alert.id, alert.status, alert.occurrences,
                        utc(alert.lastSeenAt), utc(alert.updatedAt), alert.resolution, time(alert.resolvedAt),
                        time(alert.nextRepeatAt), time(alert.nextEscalationAt), alert.agencyCode, alert.deliveredTo,
                        alert.ccAgencies, alert.body)))
                .chain(() -> batch(connection, "insert into alert (id, fingerprint, kind, severity, status, subject_id, agency_code, "
                                + "delivered_to, cc_agencies, title, criterion_code, body, cause_event_id, rule_name, occurrences, raised_at, "
                                + "last_seen_at, next_repeat_at, next_escalation_at, resolved_at, resolution, updated_at) values "
                                + "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)",
                        changes.inserted, alert -> Tuple.from(Arrays.asList(alert.id, alert.fingerprint, alert.kind, alert.severity,
                                alert.status, alert.subjectId, alert.agencyCode, alert.deliveredTo, alert.ccAgencies, alert.title,
                                alert.criterionCode, alert.body, alert.causeEventId, alert.ruleName, alert.occurrences,
                                utc(alert.raisedAt), utc(alert.lastSeenAt), time(alert.nextRepeatAt), time(alert.nextEscalationAt),
                                time(alert.resolvedAt), alert.resolution, utc(alert.updatedAt)))))
                .chain(() -> batch(connection, "delete from alert_recipient where alert_id = $1 and agency_code = $2",
                        changes.recipientRoles.entrySet().stream().filter(held -> held.getValue() == null).toList(),
                        held -> Tuple.of(held.getKey().get(0), held.getKey().get(1))))
                .chain(() -> batch(connection, "insert into alert_recipient (alert_id, agency_code, role) values ($1, $2, $3) "
                                + "on conflict (alert_id, agency_code) do update set role = excluded.role",
                        changes.recipientRoles.entrySet().stream().filter(held -> held.getValue() != null).toList(),
                        held -> Tuple.of(held.getKey().get(0), held.getKey().get(1), held.getValue())))
                .chain(() -> batch(connection, "insert into alert_timeline (alert_id, at, type, agency_code, actor, detail) "
                                + "values ($1, $2, $3, $4, $5, $6)", changes.timeline,
                        entry -> Tuple.from(Arrays.asList(entry.alertId, utc(entry.at), entry.type, entry.agencyCode, entry.actor,
                                entry.detail))))
                .chain(() -> batch(connection, "insert into delivery (id, alert_id, transition, channel, agency_code, role, status, "
                                + "silence_id, created_at, next_attempt_at, sent_at, traceparent) "
                                + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)", changes.deliveries,
                        d -> Tuple.from(Arrays.asList(d.id, d.alertId, d.transition, d.channel, d.agencyCode, d.role, d.status,
                                d.silenceId, utc(d.createdAt), time(d.nextAttemptAt), time(d.sentAt), d.traceparent))))
                .chain(() -> batch(connection, "update silence set muted_count = muted_count + $2 where id = $1",
                        changes.muted.entrySet(), count -> Tuple.of(count.getKey(), count.getValue())))
                .chain(() -> outbox.addIdentified(connection, changes.events))
                .chain(() -> batch(connection, "insert into alert_change (id, payload) values ($1, $2)", changes.notices,
                        notice -> Tuple.of(notice.id, notice.payload)));
    }

    private static <T> Uni<Void> batch(SqlConnection connection, String sql, Collection<T> items, Function<T, Tuple> row) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(sql).executeBatch(items.stream().map(row).toList()).replaceWithVoid();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : utc(instant);
    }

    private static Alert alert(Row row) {
        Alert alert = new Alert();
        alert.id = row.getString("id");
        alert.fingerprint = row.getString("fingerprint");
        alert.kind = row.getString("kind");
        alert.severity = row.getString("severity");
        alert.status = row.getString("status");
        alert.subjectId = row.getString("subject_id");
        alert.agencyCode = row.getString("agency_code");
        alert.deliveredTo = row.getString("delivered_to");
        alert.ccAgencies = row.getString("cc_agencies");
        alert.title = row.getString("title");
        alert.criterionCode = row.getString("criterion_code");
        alert.body = row.getString("body");
        alert.causeEventId = row.getString("cause_event_id");
        alert.ruleName = row.getString("rule_name");
        alert.occurrences = row.getInteger("occurrences");
        alert.raisedAt = instant(row, "raised_at");
        alert.lastSeenAt = instant(row, "last_seen_at");
        alert.repeats = row.getInteger("repeats");
        alert.nextRepeatAt = instant(row, "next_repeat_at");
        alert.acknowledgedAt = instant(row, "acknowledged_at");
        alert.acknowledgedBy = row.getString("acknowledged_by");
        alert.ackComment = row.getString("ack_comment");
        alert.escalationLevel = row.getInteger("escalation_level");
        alert.escalatedTo = row.getString("escalated_to");
        alert.nextEscalationAt = instant(row, "next_escalation_at");
        alert.resolvedAt = instant(row, "resolved_at");
        alert.resolution = row.getString("resolution");
        alert.updatedAt = instant(row, "updated_at");
        return alert;
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}

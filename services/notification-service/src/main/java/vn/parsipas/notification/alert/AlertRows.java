package vn.parsipas.notification.alert;

import static vn.parsipas.platform.time.BusinessTime.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.notification.alert.Planner.Recipient;
import vn.parsipas.notification.directory.Agency;

/** The statements of {@link FactBatch}: what a poll of facts reads (three queries) and writes (one statement per table). */
final class AlertRows {
    private AlertRows() {
    }

    /** The open alerts of the subjects, locked for the transaction (in id order, so two polls lock alike), oldest first per subject. */
    static Uni<Map<String, List<Alert>>> openAlerts(SqlConnection connection, Set<String> subjects) {
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

    static Uni<Map<String, List<Recipient>>> recipients(SqlConnection connection, Map<String, List<Alert>> open) {
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

    static Uni<Map<String, Agency>> agencies(SqlConnection connection, Collection<String> codes) {
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
     * resolved one frees its fingerprint for a new one), then new alerts, then what refers to them,
     * the {@code outbox} insert and the stream notices.
     */
    static Uni<Void> write(SqlConnection connection, FactBatch.Changes changes, Uni<Void> outbox) {
        List<Uni<Void>> inOrder = List.of(
                batch(connection, "update alert set status = $2, occurrences = $3, last_seen_at = $4, updated_at = $5, "
                                + "resolution = $6, resolved_at = $7, next_repeat_at = $8, next_escalation_at = $9, agency_code = $10, "
                                + "delivered_to = $11, cc_agencies = $12, body = $13 where id = $1",
                        changes.updated, alert -> Tuple.from(Arrays.asList(alert.id, alert.status, alert.occurrences,
                                utc(alert.lastSeenAt), utc(alert.updatedAt), alert.resolution, time(alert.resolvedAt),
                                time(alert.nextRepeatAt), time(alert.nextEscalationAt), alert.agencyCode, alert.deliveredTo,
                                alert.ccAgencies, alert.body))),
                batch(connection, "insert into alert (id, fingerprint, kind, severity, status, subject_id, agency_code, "
                                + "delivered_to, cc_agencies, title, criterion_code, body, cause_event_id, rule_name, occurrences, raised_at, "
                                + "last_seen_at, next_repeat_at, next_escalation_at, resolved_at, resolution, updated_at) values "
                                + "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)",
                        changes.inserted, alert -> Tuple.from(Arrays.asList(alert.id, alert.fingerprint, alert.kind, alert.severity,
                                alert.status, alert.subjectId, alert.agencyCode, alert.deliveredTo, alert.ccAgencies, alert.title,
                                alert.criterionCode, alert.body, alert.causeEventId, alert.ruleName, alert.occurrences,
                                utc(alert.raisedAt), utc(alert.lastSeenAt), time(alert.nextRepeatAt), time(alert.nextEscalationAt),
                                time(alert.resolvedAt), alert.resolution, utc(alert.updatedAt)))),
                batch(connection, "delete from alert_recipient where alert_id = $1 and agency_code = $2",
                        changes.recipientRoles.entrySet().stream().filter(held -> held.getValue() == null).toList(),
                        held -> Tuple.of(held.getKey().get(0), held.getKey().get(1))),
                batch(connection, "insert into alert_recipient (alert_id, agency_code, role) values ($1, $2, $3) "
                                + "on conflict (alert_id, agency_code) do update set role = excluded.role",
                        changes.recipientRoles.entrySet().stream().filter(held -> held.getValue() != null).toList(),
                        held -> Tuple.of(held.getKey().get(0), held.getKey().get(1), held.getValue())),
                batch(connection, "insert into alert_timeline (alert_id, at, type, agency_code, actor, detail) "
                                + "values ($1, $2, $3, $4, $5, $6)", changes.timeline,
                        entry -> Tuple.from(Arrays.asList(entry.alertId, utc(entry.at), entry.type, entry.agencyCode, entry.actor,
                                entry.detail))),
                batch(connection, "insert into delivery (id, alert_id, transition, channel, agency_code, role, status, "
                                + "silence_id, created_at, next_attempt_at, sent_at, traceparent) "
                                + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
                                // an alert handed back to an agency it had already been reassigned to (A → B → A → B) was
                                // announced to that agency then: its inbox shows it again, no second notice
                                + "on conflict on constraint delivery_once do nothing", changes.deliveries,
                        d -> Tuple.from(Arrays.asList(d.id, d.alertId, d.transition, d.channel, d.agencyCode, d.role, d.status,
                                d.silenceId, utc(d.createdAt), time(d.nextAttemptAt), time(d.sentAt), d.traceparent))),
                batch(connection, "update silence set muted_count = muted_count + $2 where id = $1",
                        changes.muted.entrySet(), count -> Tuple.of(count.getKey(), count.getValue())),
                outbox,
                // the live-stream notices last: their inserts NOTIFY the streams at commit
                batch(connection, "insert into alert_change (id, payload) values ($1, $2)", changes.notices,
                        notice -> Tuple.of(notice.id, notice.payload)));
        // All sent at once: the client pipelines them on the connection and PostgreSQL runs them in this order,
        // so one round trip instead of one per table; the first statement that fails is the failure reported.
        return Uni.join().all(inOrder).andFailFast().replaceWithVoid();
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

    /** An alert row ({@code select *}) as the entity, detached: also what the inbox list reads. */
    static Alert alert(Row row) {
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

package vn.parsipas.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.platform.time.BusinessTime;

/**
 * How dispatchers take and settle deliveries. A claim marks due deliveries {@code sending} with a
 * lease ({@code FOR UPDATE SKIP LOCKED}, so replicas never claim the same one); the outcome settles
 * them. A replica that dies mid-send leaves its claims to expire and be claimed again.
 */
@ApplicationScoped
public class DeliveryStore {
    private static final String DUE = "(d.status = 'pending' or d.status = 'sending') and d.next_attempt_at <= $2";
    /** The predicate of the partial index delivery_pending_by_agency (V7), written as it is so the planner uses it. */
    private static final String PENDING = "d.status in ('pending', 'sending')";

    @Inject
    Pool pool;

    /**
     * Claims up to {@code limit} due e-mail deliveries, with their agencies' other pending ones (not yet
     * due), so that they leave together as one digest.
     */
    public Uni<List<Claimed>> claimEmails(Instant now, Duration lease, int limit) {
        return claim("with due as (select distinct d.agency_code from delivery d where d.channel = $1 and " + DUE + " limit 50), "
                        + "claimable as (select d.id, d.status as previous from delivery d join due on due.agency_code = d.agency_code "
                        + "where d.channel = $1 and (d.status = 'pending' or (d.status = 'sending' and d.next_attempt_at <= $2)) "
                        + "order by d.created_at limit $3 for update of d skip locked), ",
                Tuple.of(Delivery.EMAIL, BusinessTime.utc(now), limit, BusinessTime.utc(now.plus(lease))));
    }

    /**
     * Claims up to {@code limit} due webhook deliveries, at most {@code perAgency} in flight per agency
     * (counting what other replicas hold under an unexpired lease): one slow receiver holds only its own.
     */
    public Uni<List<Claimed>> claimWebhooks(Instant now, Duration lease, int limit, int perAgency) {
        // The agencies with pending deliveries, one index lookup each (a loose index scan), then each agency's
        // earliest due ones up to its free places: a claim does not grow with the backlog.
        return claim("with recursive agencies as ("
                        + "(select d.agency_code from delivery d where d.channel = $1 and " + PENDING + " order by d.agency_code limit 1) "
                        + "union all select (select d.agency_code from delivery d where d.channel = $1 and " + PENDING
                        + " and d.agency_code > a.agency_code order by d.agency_code limit 1) from agencies a where a.agency_code is not null), "
                        + "free as (select a.agency_code, $5 - (select count(*) from delivery d where d.channel = $1 "
                        + "and d.agency_code = a.agency_code and d.status = 'sending' and d.next_attempt_at > $2) as places "
                        + "from agencies a where a.agency_code is not null), "
                        // materialized, and the claim reads its ids by primary key: inlined, the planner re-ran it
                        // per pending row (700 ms a claim with 5,000 pending before the table was first analyzed)
                        + "ranked as materialized (select c.id from free f cross join lateral (select d.id from delivery d where d.channel = $1 "
                        + "and d.agency_code = f.agency_code and " + PENDING + " and d.next_attempt_at <= $2 "
                        + "order by d.next_attempt_at, d.id limit greatest(f.places, 0)) c), "
                        // DUE again on d itself: a row another replica claimed and committed since this statement's
                        // snapshot is re-checked in its new version when locked, and must then drop out (not be sent twice).
                        + "claimable as (select d.id, d.status as previous from delivery d "
                        + "where d.id = any (array(select id from ranked)) and d.channel = $1 and " + DUE + " "
                        + "order by d.next_attempt_at limit $3 for update of d skip locked), ",
                Tuple.of(Delivery.WEBHOOK, BusinessTime.utc(now), limit, BusinessTime.utc(now.plus(lease)), perAgency));
    }

    /** Marks the candidates sending until the lease ends (a re-claim counts as one more attempt) and reads what sending needs. */
    private Uni<List<Claimed>> claim(String candidates, Tuple parameters) {
        String sql = candidates
                + "claimed as (update delivery d set status = 'sending', next_attempt_at = $4, attempts = d.attempts + 1 "
                + "from claimable where d.id = claimable.id returning d.*, claimable.previous) "
                + "select c.id, c.alert_id, c.transition, c.channel, c.agency_code, c.role, c.attempts, c.payload, c.created_at, c.traceparent, "
                + "c.previous = 'sending' as reclaimed, "
                + "a.fingerprint, a.kind, a.severity, a.status as alert_status, a.subject_id, a.agency_code as responsible, "
                + "a.delivered_to, a.cc_agencies, a.title, a.body, a.occurrences, a.raised_at, a.acknowledged_at, "
                + "a.acknowledged_by, a.escalation_level, a.escalated_to, a.resolved_at, a.resolution, "
                + "g.name as agency_name, g.emails, g.webhook_url, s.secret, s.encrypted as secret_encrypted "
                + "from claimed c join alert a on a.id = c.alert_id left join agency g on g.code = c.agency_code "
                + "left join webhook_secret s on s.agency_code = c.agency_code order by c.agency_code, c.created_at";
        return pool.preparedQuery(sql).execute(parameters)
                .map(rows -> {
                    List<Claimed> claimed = new ArrayList<>();
                    rows.forEach(row -> claimed.add(Claimed.of(row)));
                    return claimed;
                });
    }

    /** Marks deliveries sent and writes "notified" in their alerts' timelines. */
    public Uni<Void> sent(List<Claimed> deliveries, Instant now, String detail) {
        if (deliveries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.withTransaction(sql -> sql.preparedQuery("update delivery set status = 'sent', sent_at = $2, "
                                + "last_error = null where id = any($1) and status = 'sending'")
                        .execute(Tuple.of(ids(deliveries), BusinessTime.utc(now)))
                        .chain(() -> timeline(sql, deliveries, now, "notified", detail)))
                .replaceWithVoid();
    }

    /** Records a failed attempt: retried at {@code retryAt}, or dead-lettered when that is null. */
    public Uni<Void> failed(List<Claimed> deliveries, Instant now, String error, Instant retryAt) {
        String status = retryAt == null ? "dead" : "pending";
        return pool.withTransaction(sql -> sql.preparedQuery("update delivery set status = $2, next_attempt_at = $3, "
                                + "last_error = $4 where id = any($1) and status = 'sending'")
                        .execute(Tuple.of(ids(deliveries), status, BusinessTime.utc(retryAt), clip(error)))
                        .chain(() -> retryAt != null ? Uni.createFrom().voidItem()
                                : timeline(sql, deliveries, now, "delivery-failed", "Gửi thất bại sau nhiều lần thử: " + clip(error))))
                .replaceWithVoid();
    }

    /** A delivery that cannot be made (no address, no secret): kept with its reason, not retried. */
    public Uni<Void> skipped(List<Claimed> deliveries, Instant now, String reason) {
        return pool.withTransaction(sql -> sql.preparedQuery("update delivery set status = 'skipped', next_attempt_at = null, "
                                + "last_error = $2 where id = any($1) and status = 'sending'")
                        .execute(Tuple.of(ids(deliveries), reason))
                        .chain(() -> timeline(sql, deliveries, now, "not-delivered", reason)))
                .replaceWithVoid();
    }

    private static Uni<Void> timeline(SqlClient sql, List<Claimed> deliveries, Instant now, String type, String detail) {
        List<Tuple> rows = deliveries.stream().map(d -> Tuple.of(d.alertId(), BusinessTime.utc(now), type, d.agencyCode(),
                detail + " (" + d.channel() + ", " + d.transition() + ")")).toList();
        return sql.preparedQuery("insert into alert_timeline (alert_id, at, type, agency_code, detail) values ($1, $2, $3, $4, $5)")
                .executeBatch(rows).replaceWithVoid();
    }

    private static String[] ids(List<Claimed> deliveries) {
        return deliveries.stream().map(Claimed::id).toArray(String[]::new);
    }

    private static String clip(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}

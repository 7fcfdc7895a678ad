package vn.parsipas.notification.webhook;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.platform.paging.Cursors;
import vn.parsipas.platform.paging.Page;
import vn.parsipas.platform.problem.ConflictException;
import vn.parsipas.platform.problem.NotFoundException;
import vn.parsipas.platform.time.BusinessTime;

/** What operators see and do about webhooks: secrets (write-only), failure counts, the delivery log, dead letters. */
@ApplicationScoped
public class WebhookAdmin {
    /** The webhook of an agency as an operator sees it; the secret only as set or not, the URL only for coordinators. */
    @Schema(name = "WebhookStatus", requiredProperties = { "agencyCode", "agencyName", "secretSet", "delivered", "pending",
            "failedAttempts", "deadLetters" }, properties = @SchemaProperty(name = "url", description = "the agency's webhook URL "
                    + "from the directory, shown to coordinators only (such a URL often carries its receiver's secret)"))
    public record Status(String agencyCode, String agencyName, String url, boolean secretSet, long delivered, long pending,
            long failedAttempts, long deadLetters, Instant lastAttemptAt, String lastError) {
    }

    @Schema(name = "WebhookAttempt", requiredProperties = { "attempt", "at", "durationMs" })
    public record AttemptView(int attempt, Instant at, Integer statusCode, String error, int durationMs) {
    }

    @Schema(name = "WebhookDelivery", requiredProperties = { "deliveryId", "alertId", "transition", "status", "attempts",
            "createdAt", "log" }, properties = @SchemaProperty(name = "status", enumeration = { "pending", "sending", "sent", "skipped",
                    "muted", "dead" }))
    public record DeliveryView(String deliveryId, String alertId, String transition, String status, int attempts,
            String lastError, Instant createdAt, Instant sentAt, List<AttemptView> log) {
    }

    private static final String STATUS = "select g.code, g.name, g.webhook_url, s.agency_code is not null as secret_set, "
            + "(select count(*) from delivery d where d.agency_code = g.code and d.channel = 'webhook' and d.status = 'sent') as delivered, "
            + "(select count(*) from delivery d where d.agency_code = g.code and d.channel = 'webhook' and d.status in ('pending', 'sending')) as pending, "
            + "(select count(*) from webhook_attempt w join delivery d on d.id = w.delivery_id where d.agency_code = g.code and w.error is not null) as failed, "
            + "(select count(*) from delivery d where d.agency_code = g.code and d.channel = 'webhook' and d.status = 'dead') as dead, "
            + "(select max(w.at) from webhook_attempt w join delivery d on d.id = w.delivery_id where d.agency_code = g.code) as last_at, "
            + "(select w.error from webhook_attempt w join delivery d on d.id = w.delivery_id where d.agency_code = g.code "
            + "order by w.at desc, w.attempt desc limit 1) as last_error "
            + "from agency g left join webhook_secret s on s.agency_code = g.code ";

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    /**
     * Agencies with a webhook URL, a secret or any webhook delivery; {@code visible} null for all. The URL
     * only {@code withUrl} (coordinators): such a URL often carries its receiver's secret.
     */
    public Uni<List<Status>> statuses(Set<String> visible, boolean withUrl) {
        return pool.preparedQuery(STATUS + "where (g.webhook_url is not null or s.agency_code is not null "
                        + "or exists (select 1 from delivery d where d.agency_code = g.code and d.channel = 'webhook')) "
                        + "and ($1::text[] is null or g.code = any($1)) order by g.code")
                .execute(Tuple.of(visible == null ? null : visible.toArray(String[]::new)))
                .map(rows -> {
                    List<Status> list = new ArrayList<>();
                    rows.forEach(row -> list.add(status(row, withUrl)));
                    return list;
                });
    }

    public Uni<Status> status(String agencyCode, boolean withUrl) {
        return pool.preparedQuery(STATUS + "where g.code = $1").execute(Tuple.of(agencyCode)).map(rows -> {
            if (rows.size() == 0) {
                throw new NotFoundException("Agency", agencyCode);
            }
            return status(rows.iterator().next(), withUrl);
        });
    }

    /** The delivery log of an agency's webhook, newest first, each delivery with all its attempts. */
    public Uni<Page<DeliveryView>> deliveries(String agencyCode, String status, Cursors.At after, int limit) {
        return pool.preparedQuery("select d.id, d.alert_id, d.transition, d.status, d.attempts, d.last_error, d.created_at, "
                        + "d.sent_at, (select json_agg(json_build_object('attempt', w.attempt, 'at', w.at, 'statusCode', w.status_code, "
                        + "'error', w.error, 'durationMs', w.duration_ms) order by w.attempt) from webhook_attempt w "
                        + "where w.delivery_id = d.id)::text as log from delivery d where d.agency_code = $1 and d.channel = 'webhook' "
                        + "and ($2::text is null or d.status = $2) and ($3::timestamptz is null or (d.created_at, d.id) < ($3, $4)) "
                        + "order by d.created_at desc, d.id desc limit $5")
                .execute(Tuple.of(agencyCode, status, after == null ? null : BusinessTime.utc(after.at()),
                        after == null ? null : after.id(), limit + 1))
                .map(rows -> {
                    List<DeliveryView> items = new ArrayList<>();
                    rows.forEach(row -> items.add(delivery(row)));
                    return Page.of(items, limit, last -> Cursors.encode(last.createdAt(), last.deliveryId()));
                });
    }

    /** Puts a dead-lettered delivery back in the queue, with a fresh set of attempts. */
    public Uni<Void> retry(String deliveryId) {
        return pool.preparedQuery("update delivery set status = 'pending', attempts = 0, next_attempt_at = $2 "
                        + "where id = $1 and channel = 'webhook' and status = 'dead'")
                .execute(Tuple.of(deliveryId, BusinessTime.utc(clock.instant())))
                .invoke(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new ConflictException("delivery " + deliveryId + " is not a dead-lettered webhook delivery");
                    }
                }).replaceWithVoid();
    }

    private static Status status(Row row, boolean withUrl) {
        OffsetDateTime last = row.getOffsetDateTime("last_at");
        return new Status(row.getString("code"), row.getString("name"), withUrl ? row.getString("webhook_url") : null,
                row.getBoolean("secret_set"), row.getLong("delivered"), row.getLong("pending"), row.getLong("failed"),
                row.getLong("dead"), last == null ? null : last.toInstant(), row.getString("last_error"));
    }

    private static DeliveryView delivery(Row row) {
        List<AttemptView> log = new ArrayList<>();
        String json = row.getString("log");
        if (json != null) {
            new io.vertx.core.json.JsonArray(json).forEach(item -> {
                io.vertx.core.json.JsonObject attempt = (io.vertx.core.json.JsonObject) item;
                log.add(new AttemptView(attempt.getInteger("attempt"), OffsetDateTime.parse(attempt.getString("at")).toInstant(),
                        attempt.getInteger("statusCode"), attempt.getString("error"), attempt.getInteger("durationMs")));
            });
        }
        OffsetDateTime sent = row.getOffsetDateTime("sent_at");
        return new DeliveryView(row.getString("id"), row.getString("alert_id"), row.getString("transition"),
                row.getString("status"), row.getInteger("attempts"), row.getString("last_error"),
                row.getOffsetDateTime("created_at").toInstant(), sent == null ? null : sent.toInstant(), log);
    }
}

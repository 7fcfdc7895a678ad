package vn.parsipas.notification.alert;

import static vn.parsipas.platform.time.BusinessTime.instant;
import static vn.parsipas.platform.time.BusinessTime.utc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import vn.parsipas.notification.delivery.Delivery;
import vn.parsipas.platform.paging.Cursors;
import vn.parsipas.platform.paging.Page;
import vn.parsipas.platform.paging.SqlBuilder;
import vn.parsipas.platform.problem.NotFoundException;

/**
 * Reads alerts for the inbox. {@code visible} is the set of agencies the caller may see, null for
 * all: an agency sees the alerts it holds (responsible, copy, escalation). The list and the counts are
 * read models on the pool (DECISIONS "One rule for data access"); one alert in full reads the entities.
 */
@ApplicationScoped
public class AlertQueries {
    @Inject
    Pool pool;

    /**
     * Newest first; {@code agency} null lists every alert (the coordinating offices' view), and then
     * the filter's {@code holding} is not used.
     */
    public Uni<Page<AlertView>> list(String agency, AlertFilter filter, Cursors.At after, int limit, Set<String> visible) {
        if (visible != null && visible.isEmpty()) {
            return Uni.createFrom().item(new Page<>(List.of(), null));
        }
        SqlBuilder sql = from("select a.*", agency, visible);
        filter.appendTo(sql);
        if (after != null) {
            sql.append(" and (a.raised_at, a.id) < (?, ?)", utc(after.at()), after.id());
        }
        sql.append(" order by a.raised_at desc, a.id desc limit ?", limit + 1);
        return pool.preparedQuery(sql.sql()).execute(sql.tuple())
                .map(rows -> {
                    List<AlertView> alerts = new ArrayList<>();
                    rows.forEach(row -> alerts.add(AlertView.of(AlertRows.alert(row))));
                    return Page.of(alerts, limit, last -> Cursors.encode(last.raisedAt(), last.alertId()));
                });
    }

    /**
     * How many of an agency's alerts each inbox tab holds (open and acknowledged ones it holds itself,
     * those escalated to it, resolved ones), and when the latest of them changed.
     */
    public Uni<AlertCounts> counts(String agency, AlertFilter filter, Set<String> visible) {
        if (visible != null && visible.isEmpty()) {
            return Uni.createFrom().item(new AlertCounts(0, 0, 0, 0, null));
        }
        SqlBuilder sql = from("select"
                + " count(*) filter (where a.status = 'open' and r.role <> 'escalation') as open,"
                + " count(*) filter (where a.status = 'acknowledged' and r.role <> 'escalation') as acknowledged,"
                + " count(*) filter (where a.status <> 'resolved' and r.role = 'escalation') as escalated,"
                + " count(*) filter (where a.status = 'resolved') as resolved,"
                + " max(a.updated_at) as last_updated_at", agency, visible);
        filter.forCounts().appendTo(sql);
        return pool.preparedQuery(sql.sql()).execute(sql.tuple())
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new AlertCounts(row.getLong("open"), row.getLong("acknowledged"), row.getLong("escalated"),
                            row.getLong("resolved"), instant(row.getOffsetDateTime("last_updated_at")));
                });
    }

    /** The alerts listed: those an agency holds (its recipient row is {@code r}), or all that the caller may see. */
    private static SqlBuilder from(String select, String agency, Set<String> visible) {
        SqlBuilder sql = new SqlBuilder(select);
        if (agency != null) {
            sql.append(" from alert a join alert_recipient r on r.alert_id = a.id where r.agency_code = ?", agency);
        } else {
            sql.append(" from alert a where true");
        }
        if (visible != null) {
            sql.append(" and exists (select 1 from alert_recipient v where v.alert_id = a.id and v.agency_code = any(?))",
                    (Object) visible.toArray(String[]::new));
        }
        return sql;
    }

    public Uni<AlertView.Detail> detail(String id, Set<String> visible) {
        return Panache.withSession(() -> Alert.<Alert>findById(id).chain(alert -> {
            if (alert == null) {
                throw new NotFoundException("Alert", id);
            }
            return AlertRecipient.<AlertRecipient>list("alertId", id).chain(holders -> {
                Holders.requireVisible(holders.stream().map(h -> h.agencyCode).toList(), visible);
                return TimelineEntry.<TimelineEntry>list("alertId = ?1 order by at, id", id)
                        .chain(timeline -> Delivery.<Delivery>list("alertId = ?1 order by createdAt, channel, agencyCode", id)
                                .map(deliveries -> new AlertView.Detail(AlertView.of(alert),
                                        holders.stream().map(h -> new AlertView.Holder(h.agencyCode, h.role)).toList(),
                                        timeline.stream().map(t -> new AlertView.Line(t.at, t.type, t.agencyCode, t.actor,
                                                t.detail)).toList(),
                                        deliveries.stream().map(d -> new AlertView.Notification(d.channel, d.agencyCode,
                                                d.transition, d.status, d.attempts, d.lastError, d.sentAt)).toList())));
            });
        }));
    }
}

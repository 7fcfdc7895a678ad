package vn.parsipas.notification.alert;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import vn.parsipas.notification.delivery.Delivery;
import vn.parsipas.platform.paging.Cursors;
import vn.parsipas.platform.paging.Page;
import vn.parsipas.platform.problem.NotFoundException;

/**
 * Reads alerts for the inbox. {@code visible} is the set of agencies the caller may see, null for
 * all: an agency sees the alerts it holds (responsible, copy, escalation).
 */
@ApplicationScoped
public class AlertQueries {

    /**
     * Newest first; {@code agency} null lists every alert (the coordinating offices' view), and then
     * the filter's {@code holding} is not used.
     */
    public Uni<Page<AlertView>> list(String agency, AlertFilter filter, Cursors.At after, int limit, Set<String> visible) {
        if (visible != null && visible.isEmpty()) {
            return Uni.createFrom().item(new Page<>(List.of(), null));
        }
        Parameters parameters = new Parameters();
        StringBuilder query = new StringBuilder(from(agency, visible, parameters));
        filter.appendTo(query, parameters);
        if (after != null) {
            query.append(" and (a.raisedAt < :at or (a.raisedAt = :at and a.id < :id))");
            parameters.and("at", after.at()).and("id", after.id());
        }
        return Panache.withSession(() -> Alert.<Alert>find("select a " + query + " order by a.raisedAt desc, a.id desc",
                        parameters).range(0, limit).list())
                .map(alerts -> Page.of(alerts.stream().map(AlertView::of).toList(), limit,
                        last -> Cursors.encode(last.raisedAt(), last.alertId())));
    }

    /**
     * How many of an agency's alerts each inbox tab holds (open and acknowledged ones it holds itself,
     * those escalated to it, resolved ones), and when the latest of them changed.
     */
    public Uni<AlertCounts> counts(String agency, AlertFilter filter, Set<String> visible) {
        if (visible != null && visible.isEmpty()) {
            return Uni.createFrom().item(new AlertCounts(0, 0, 0, 0, null));
        }
        Parameters parameters = new Parameters();
        StringBuilder query = new StringBuilder(from(agency, visible, parameters));
        filter.forCounts().appendTo(query, parameters);
        String select = "select"
                + " sum(case when a.status = 'open' and r.role <> 'escalation' then 1 else 0 end),"
                + " sum(case when a.status = 'acknowledged' and r.role <> 'escalation' then 1 else 0 end),"
                + " sum(case when a.status <> 'resolved' and r.role = 'escalation' then 1 else 0 end),"
                + " sum(case when a.status = 'resolved' then 1 else 0 end),"
                + " max(a.updatedAt) ";
        return Panache.withSession(() -> Panache.getSession().chain(session -> {
                    var counting = session.createSelectionQuery(select + query, Object[].class);
                    parameters.map().forEach(counting::setParameter);
                    return counting.getSingleResult();
                }))
                .map(row -> new AlertCounts(count(row[0]), count(row[1]), count(row[2]), count(row[3]), (Instant) row[4]));
    }

    /** The alerts listed: those an agency holds (its recipient row is {@code r}), or all that the caller may see. */
    private static String from(String agency, Set<String> visible, Parameters parameters) {
        StringBuilder from = new StringBuilder();
        if (agency != null) {
            from.append("from Alert a, AlertRecipient r where r.alertId = a.id and r.agencyCode = :agency");
            parameters.and("agency", agency);
        } else {
            from.append("from Alert a where 1 = 1");
        }
        if (visible != null) {
            from.append(" and exists (select 1 from AlertRecipient v where v.alertId = a.id and v.agencyCode in :visible)");
            parameters.and("visible", visible);
        }
        return from.toString();
    }

    private static long count(Object sum) {
        return sum == null ? 0 : ((Number) sum).longValue();
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

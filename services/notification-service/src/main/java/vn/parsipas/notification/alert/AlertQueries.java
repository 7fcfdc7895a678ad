package vn.parsipas.notification.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import vn.parsipas.notification.api.Cursor;
import vn.parsipas.notification.delivery.Delivery;
import vn.parsipas.platform.problem.NotFoundException;

/**
 * Reads alerts for the inbox. {@code visible} is the set of agencies the caller may see, null for
 * all: an agency sees the alerts it holds (responsible, copy, escalation).
 */
@ApplicationScoped
public class AlertQueries {

    /** Newest first; {@code agency} null lists every alert (the coordinating offices' view). */
    public Uni<Cursor.Page<AlertView>> list(String agency, String status, String kind, Cursor after, int limit,
            Set<String> visible) {
        if (visible != null && visible.isEmpty()) {
            return Uni.createFrom().item(new Cursor.Page<>(List.of(), null));
        }
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (agency != null) {
            where.append(" and exists (select 1 from AlertRecipient r where r.alertId = a.id and r.agencyCode = :agency)");
            parameters.and("agency", agency);
        }
        if (visible != null) {
            where.append(" and exists (select 1 from AlertRecipient v where v.alertId = a.id and v.agencyCode in :visible)");
            parameters.and("visible", visible);
        }
        if (status != null) {
            where.append(" and a.status = :status");
            parameters.and("status", status);
        }
        if (kind != null) {
            where.append(" and a.kind = :kind");
            parameters.and("kind", kind);
        }
        if (after != null) {
            where.append(" and (a.raisedAt < :at or (a.raisedAt = :at and a.id < :id))");
            parameters.and("at", after.at()).and("id", after.id());
        }
        return Panache.withSession(() -> Alert.<Alert>find("from Alert a where " + where + " order by a.raisedAt desc, a.id desc",
                        parameters).range(0, limit).list())
                .map(alerts -> {
                    List<AlertView> items = new ArrayList<>(alerts.stream().map(AlertView::of).toList());
                    String next = null;
                    if (items.size() > limit) {
                        items.remove(limit);
                        AlertView last = items.get(limit - 1);
                        next = new Cursor(last.raisedAt(), last.id()).encode();
                    }
                    return new Cursor.Page<>(items, next);
                });
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

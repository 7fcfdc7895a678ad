package vn.parsipas.indicator.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.indicator.catalogue.Indicator;
import vn.parsipas.indicator.catalogue.IndicatorCatalogue;
import vn.parsipas.indicator.evaluation.TargetRow;
import vn.parsipas.platform.paging.Cursors;
import vn.parsipas.platform.paging.Page;
import vn.parsipas.platform.paging.SqlBuilder;
import vn.parsipas.platform.problem.NotFoundException;

/**
 * Reads targets with their current status. Every query takes the agencies the caller may see
 * (null: all) and restricts by the responsible agency in SQL.
 */
@ApplicationScoped
public class TargetQueries {
    /** SQL: whether a target row is visible to the agencies in $2 (null: all). */
    static final String VISIBLE = "($2::text[] is null or responsible_agency = any($2::text[]))";

    @Inject
    Pool pool;

    @Inject
    IndicatorCatalogue catalogue;

    public record Filter(String criterion, String agency, String status, String planId) {
    }

    public Uni<Page<TargetView>> list(Filter filter, Set<String> visibleAgencies, String cursor, int limit) {
        SqlBuilder sql = new SqlBuilder("select " + TargetRow.COLUMNS + " from target where active");
        sql.appendIfPresent(" and criterion_code = ?", filter.criterion())
                .appendIfPresent(" and responsible_agency = ?", filter.agency())
                .appendIfPresent(" and status = ?", filter.status())
                .appendIfPresent(" and plan_id = ?", filter.planId());
        List<String> after = Cursors.decode(cursor, 1);
        sql.appendIfPresent(" and target_id > ?", after == null ? null : after.get(0));
        if (visibleAgencies != null) {
            sql.append(" and responsible_agency = any(?)", (Object) agencies(visibleAgencies));
        }
        sql.append(" order by target_id limit ?", limit + 1);
        return pool.preparedQuery(sql.sql())
                .execute(sql.tuple())
                .map(rows -> {
                    List<TargetView> items = new ArrayList<>();
                    rows.forEach(row -> items.add(view(TargetRow.from(row))));
                    return Page.of(items, limit, target -> Cursors.encode(target.targetId()));
                });
    }

    /** 404 for no such target, 403 for a target of an agency the caller may not see (the plan is public, its ids too). */
    public Uni<TargetView> find(String targetId, Set<String> visibleAgencies) {
        return pool.preparedQuery("select " + TargetRow.COLUMNS + ", " + VISIBLE + " as visible from target "
                        + "where active and target_id = $1")
                .execute(Tuple.of(targetId, agencies(visibleAgencies)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new NotFoundException("Target", targetId);
                    }
                    var row = rows.iterator().next();
                    if (!row.getBoolean("visible")) {
                        throw new ForbiddenException("target of another agency");
                    }
                    return view(TargetRow.from(row));
                });
    }

    /** A change of a target's status, as the history lists it (newest first). */
    public record StatusChange(Instant changedAt, String fromStatus, String toStatus, BigDecimal value, String period,
            String reason) {
    }

    /** The last 100 changes of a visible target's status, newest first; 404 and 403 as {@link #find}. */
    public Uni<List<StatusChange>> history(String targetId, Set<String> visibleAgencies) {
        return find(targetId, visibleAgencies).chain(visible -> pool.preparedQuery("select changed_at, from_status, to_status, "
                        + "value, period, reason from target_status_change where target_id = $1 order by changed_at desc, id desc "
                        + "limit 100").execute(Tuple.of(targetId)))
                .map(rows -> {
                    List<StatusChange> changes = new ArrayList<>();
                    rows.forEach(row -> changes.add(new StatusChange(row.getOffsetDateTime("changed_at").toInstant(),
                            row.getString("from_status"), row.getString("to_status"), row.getBigDecimal("value"),
                            row.getString("period"), row.getString("reason"))));
                    return changes;
                });
    }

    /** Active targets matching a condition on the target table. */
    public Uni<List<TargetRow>> all(String condition, Tuple params) {
        return pool.preparedQuery("select " + TargetRow.COLUMNS + " from target where active and " + condition
                        + " order by target_id")
                .execute(params)
                .map(rows -> {
                    List<TargetRow> targets = new ArrayList<>();
                    rows.forEach(row -> targets.add(TargetRow.from(row)));
                    return targets;
                });
    }

    TargetView view(TargetRow row) {
        return TargetView.of(row, catalogue.find(row.target().indicatorCode()).map(Indicator::dataProvider).orElse(null));
    }

    /** The agencies as a SQL text[] parameter; null for all. */
    static String[] agencies(Set<String> visibleAgencies) {
        return visibleAgencies == null ? null : visibleAgencies.toArray(new String[0]);
    }
}

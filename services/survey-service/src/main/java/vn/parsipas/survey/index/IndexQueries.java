package vn.parsipas.survey.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.platform.paging.Cursors;
import vn.parsipas.platform.paging.Page;
import vn.parsipas.platform.paging.SqlBuilder;
import vn.parsipas.platform.problem.NotFoundException;
import vn.parsipas.platform.time.BusinessTime;
import vn.parsipas.survey.SurveyConfig;
import vn.parsipas.survey.questionnaire.QuestionnaireCatalog;
import vn.parsipas.survey.target.SipasTarget;
import vn.parsipas.survey.target.SipasTargets;

/**
 * Reads the aggregates. {@code visibleScopes} is the set of scopes the caller may see, or null for
 * all (the coordinating offices); it is applied in the SQL, never after loading.
 */
@ApplicationScoped
public class IndexQueries {
    private static final String COLUMNS = "sub_index, scope, period, responses, valid_answers, satisfied_answers, below_target, updated_at";

    @Inject
    SipasTargets targets;

    @Inject
    QuestionnaireCatalog catalog;

    @Inject
    SurveyConfig config;

    @Inject
    Pool pool;

    public record Filter(String subIndex, String scope, String period) {
    }

    /** The scopes a caller who sees these agencies (null: all) may read: theirs and the province as a whole. */
    public static Set<String> visibleScopes(Set<String> visibleAgencies) {
        if (visibleAgencies == null) {
            return null;
        }
        Set<String> scopes = new java.util.HashSet<>(visibleAgencies);
        scopes.add(Periods.PROVINCE);
        return scopes;
    }

    public Uni<SubIndexValue> get(String subIndex, String scope, String period, Set<String> visibleScopes) {
        if (visibleScopes != null && !visibleScopes.contains(scope)) {
            throw new NotFoundException("Sub-index", subIndex + " of " + scope + " in " + period);
        }
        return pool.preparedQuery("select " + COLUMNS + " from sub_index_stat where sub_index = $1 and scope = $2 and period = $3")
                .execute(Tuple.of(subIndex, scope, period))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw new NotFoundException("Sub-index", subIndex + " of " + scope + " in " + period);
                    }
                    return values(list(rows));
                }).map(values -> values.get(0));
    }

    /** A page in (sub-index, scope, period) order after the cursor. */
    public Uni<Page<SubIndexValue>> list(Filter filter, Set<String> visibleScopes, String cursor, int limit) {
        SqlBuilder sql = new SqlBuilder("select " + COLUMNS + " from sub_index_stat where true");
        sql.appendIfPresent(" and sub_index = ?", filter.subIndex())
                .appendIfPresent(" and scope = ?", filter.scope())
                .appendIfPresent(" and period = ?", filter.period());
        List<String> after = Cursors.decode(cursor, 3);
        if (after != null) {
            sql.append(" and (sub_index, scope, period) > (?, ?, ?)", after.get(0), after.get(1), after.get(2));
        }
        if (visibleScopes != null) {
            sql.append(" and scope = any(?)", (Object) visibleScopes.toArray(String[]::new));
        }
        sql.append(" order by sub_index, scope, period limit ?", limit + 1);
        return pool.preparedQuery(sql.sql()).execute(sql.tuple())
                .map(IndexQueries::list)
                .chain(rows -> values(rows.subList(0, Math.min(limit + 1, rows.size()))))
                .map(values -> Page.of(values, limit, last -> Cursors.encode(last.subIndex(), last.scope(), last.period())));
    }

    private static List<Row> list(RowSet<Row> rows) {
        List<Row> list = new ArrayList<>();
        rows.forEach(list::add);
        return list;
    }

    private Uni<List<SubIndexValue>> values(List<Row> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return targets.applicable(pool).chain(applicable -> catalog.subIndexNames(rows.stream().map(row -> row.getString("sub_index")).toList())
                .map(names -> rows.stream().map(row -> value(row, applicable, names, config.indices().minSample())).toList()));
    }

    private static SubIndexValue value(Row row, Map<String, SipasTarget> applicable, Map<String, String> names, int minSample) {
        String subIndex = row.getString("sub_index");
        String period = row.getString("period");
        long satisfied = row.getLong("satisfied_answers");
        long valid = row.getLong("valid_answers");
        Wilson share = Wilson.of(satisfied, valid);
        SipasTarget target = applicable.get(SipasTargets.key(subIndex, Periods.year(period)));
        long responses = row.getLong("responses");
        return new SubIndexValue(subIndex, names.getOrDefault(subIndex, subIndex), row.getString("scope"), period, responses,
                responses >= minSample, valid, satisfied, share.satisfiedPercent(), share.lowPercent(), share.highPercent(),
                target == null ? null : target.targetId(), target == null ? null : target.percent(), row.getBoolean("below_target"),
                BusinessTime.instant(row.getOffsetDateTime("updated_at")));
    }
}

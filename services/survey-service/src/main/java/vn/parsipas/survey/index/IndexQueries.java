package vn.parsipas.survey.index;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.problem.NotFoundException;
import vn.parsipas.survey.Db;
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

    public record Filter(String subIndex, String scope, String period) {
    }

    public record Page(List<SubIndexValue> items, String nextCursor) {
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
        return Panache.withSession(() -> Db.rows("select " + COLUMNS + " from sub_index_stat where sub_index = ?1 and scope = ?2"
                        + " and period = ?3", subIndex, scope, period)
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        throw new NotFoundException("Sub-index", subIndex + " of " + scope + " in " + period);
                    }
                    return values(rows);
                })).map(values -> values.get(0));
    }

    /** A page in (sub-index, scope, period) order after the cursor. */
    public Uni<Page> list(Filter filter, Set<String> visibleScopes, String cursor, int limit) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        condition(conditions, parameters, "sub_index = ?", filter.subIndex());
        condition(conditions, parameters, "scope = ?", filter.scope());
        condition(conditions, parameters, "period = ?", filter.period());
        if (cursor != null) {
            String[] after = decode(cursor);
            conditions.add("(sub_index, scope, period) > (?" + (parameters.size() + 1) + ", ?" + (parameters.size() + 2)
                    + ", ?" + (parameters.size() + 3) + ")");
            parameters.addAll(List.of(after[0], after[1], after[2]));
        }
        if (visibleScopes != null) {
            List<String> placeholders = new ArrayList<>(List.of("null"));
            for (String scope : visibleScopes) {
                parameters.add(scope);
                placeholders.add("?" + parameters.size());
            }
            conditions.add("scope in (" + String.join(", ", placeholders) + ")");
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        return Panache.withSession(() -> Db.rows("select " + COLUMNS + " from sub_index_stat" + where
                        + " order by sub_index, scope, period limit " + (limit + 1), parameters.toArray())
                .chain(rows -> values(rows.subList(0, Math.min(limit, rows.size())))
                        .map(values -> new Page(values, rows.size() > limit ? encode(values.get(limit - 1)) : null))));
    }

    private Uni<List<SubIndexValue>> values(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return targets.applicable().chain(applicable -> catalog.subIndexNames(rows.stream().map(row -> (String) row[0]).toList())
                .map(names -> rows.stream().map(row -> value(row, applicable, names, config.indices().minSample())).toList()));
    }

    private static SubIndexValue value(Object[] row, Map<String, SipasTarget> applicable, Map<String, String> names,
            int minSample) {
        String subIndex = (String) row[0];
        String period = (String) row[2];
        long satisfied = Db.number(row[5]);
        long valid = Db.number(row[4]);
        Wilson share = Wilson.of(satisfied, valid);
        SipasTarget target = applicable.get(SipasTargets.key(subIndex, Periods.year(period)));
        long responses = Db.number(row[3]);
        return new SubIndexValue(subIndex, names.getOrDefault(subIndex, subIndex), (String) row[1], period, responses,
                responses >= minSample, valid, satisfied, share.satisfiedPercent(), share.lowPercent(), share.highPercent(),
                target == null ? null : target.targetId(), target == null ? null : target.percent(), (Boolean) row[6],
                Db.instant(row[7]));
    }

    private static void condition(List<String> conditions, List<Object> parameters, String sql, String value) {
        if (value != null && !value.isBlank()) {
            parameters.add(value);
            conditions.add(sql.replace("?", "?" + parameters.size()));
        }
    }

    private static String encode(SubIndexValue last) {
        String key = last.subIndex() + "\n" + last.scope() + "\n" + last.period();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor) {
        try {
            String[] key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
            if (key.length == 3) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidInputException("cursor", "is not a cursor this service returned");
    }
}

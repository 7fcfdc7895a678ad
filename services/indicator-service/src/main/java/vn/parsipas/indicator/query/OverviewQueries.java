package vn.parsipas.indicator.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.indicator.evaluation.TargetStatus;

/** The province at a glance: how many targets stand where, and every target by criterion. */
@ApplicationScoped
public class OverviewQueries {
    static final String NOT_EVALUATED = "NOT_EVALUATED";

    @Inject
    TargetQueries targets;

    @Inject
    Clock clock;

    public record CriterionSummary(String criterionCode, String criterionTitle, Map<String, Integer> counts,
            List<TargetView> targets) {
    }

    public record Overview(Instant at, Map<String, Integer> counts, List<CriterionSummary> criteria) {
    }

    public Uni<Overview> overview(String planId, Set<String> visibleAgencies) {
        return targets.all("($1::text is null or plan_id = $1) and " + TargetQueries.VISIBLE,
                        Tuple.of(planId, TargetQueries.agencies(visibleAgencies)))
                .map(rows -> {
                    Map<String, Integer> counts = emptyCounts();
                    Map<String, List<TargetView>> byCriterion = new TreeMap<>();
                    rows.stream().map(targets::view)
                            .forEach(view -> {
                                counts.merge(view.status() == null ? NOT_EVALUATED : view.status(), 1, Integer::sum);
                                byCriterion.computeIfAbsent(view.criterionCode() == null ? "" : view.criterionCode(),
                                        code -> new ArrayList<>()).add(view);
                            });
                    List<CriterionSummary> criteria = new ArrayList<>();
                    byCriterion.forEach((code, views) -> {
                        Map<String, Integer> criterionCounts = emptyCounts();
                        views.forEach(v -> criterionCounts.merge(v.status() == null ? NOT_EVALUATED : v.status(), 1, Integer::sum));
                        criteria.add(new CriterionSummary(code.isEmpty() ? null : code, views.get(0).criterionTitle(),
                                criterionCounts, views));
                    });
                    return new Overview(clock.instant(), counts, criteria);
                });
    }

    private static Map<String, Integer> emptyCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (TargetStatus status : TargetStatus.values()) {
            counts.put(status.name(), 0);
        }
        counts.put(NOT_EVALUATED, 0);
        return counts;
    }
}

package vn.parsipas.indicator.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.indicator.catalogue.Indicator;
import vn.parsipas.indicator.catalogue.IndicatorCatalogue;
import vn.parsipas.indicator.evaluation.Evaluator;
import vn.parsipas.indicator.evaluation.Point;
import vn.parsipas.indicator.evaluation.TargetEvaluations;
import vn.parsipas.indicator.evaluation.TargetRow;
import vn.parsipas.platform.problem.NotFoundException;

/** An indicator's series for one scope with the line of each target on it, and one value's corrections. */
@ApplicationScoped
public class SeriesQueries {
    @Inject
    Pool pool;

    @Inject
    IndicatorCatalogue catalogue;

    @Inject
    TargetQueries targets;

    @Inject
    TargetEvaluations evaluations;

    @Inject
    IndicatorAccess access;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Value(String period, LocalDate asOf, BigDecimal value, String unit, Instant observedAt, String source,
            String sourceSystem, String note, String channel, String reference, int revision, Instant receivedAt,
            Instant supersededAt) {
        static Value from(Row row, boolean superseded) {
            return new Value(row.getString("period"), row.getLocalDate("as_of"), row.getBigDecimal("value"),
                    row.getString("unit"), row.getOffsetDateTime("observed_at").toInstant(), row.getString("source"),
                    row.getString("source_system"), row.getString("note"), row.getString("channel"),
                    row.getString("reference"), row.getInteger("revision"), row.getOffsetDateTime("received_at").toInstant(),
                    superseded ? row.getOffsetDateTime("superseded_at").toInstant() : null);
        }
    }

    /** A target's line: from where it starts to its threshold at the deadline (null start: no value yet). */
    public record TargetLine(String targetId, String comparator, String status, LocalDate startDay, BigDecimal startValue,
            LocalDate deadline, BigDecimal threshold) {
    }

    public record Series(Indicator indicator, String scope, List<Value> values, List<TargetLine> targets) {
    }

    public record History(String indicatorCode, String scope, String period, Value current, List<Value> superseded) {
    }

    public Uni<Series> series(String code, String scope, Set<String> visibleAgencies) {
        Indicator indicator = indicator(code);
        return access.require(indicator, scope, visibleAgencies).chain(() -> series(indicator, scope, visibleAgencies));
    }

    private Uni<Series> series(Indicator indicator, String scope, Set<String> visibleAgencies) {
        String code = indicator.code();
        Uni<List<Value>> values = pool.preparedQuery("select * from observation where indicator_code = $1 and scope = $2 "
                        + "order by as_of, period").execute(Tuple.of(code, scope))
                .map(rows -> {
                    List<Value> list = new ArrayList<>();
                    rows.forEach(row -> list.add(Value.from(row, false)));
                    return list;
                });
        Uni<List<TargetLine>> lines = !TargetEvaluations.SCOPE.equals(scope) ? Uni.createFrom().item(List.of())
                : targets.all("indicator_code = $1 and " + TargetQueries.VISIBLE,
                        Tuple.of(code, TargetQueries.agencies(visibleAgencies))).chain(rows -> rows.isEmpty()
                        ? Uni.createFrom().item(List.of())
                        : pool.withConnection(c -> evaluations.points(c, rows.stream().map(TargetRow::target).toList()))
                                .map(points -> lines(indicator, rows, points)));
        return Uni.combine().all().unis(values, lines).asTuple()
                .map(both -> new Series(indicator, scope, both.getItem1(), both.getItem2()));
    }

    public Uni<History> history(String code, String scope, String period, Set<String> visibleAgencies) {
        return access.require(indicator(code), scope, visibleAgencies).chain(() -> history(code, scope, period));
    }

    private Uni<History> history(String code, String scope, String period) {
        Tuple key = Tuple.of(code, scope, period);
        String where = " where indicator_code = $1 and scope = $2 and period = $3";
        return pool.preparedQuery("select * from observation" + where).execute(key)
                .chain(current -> {
                    if (current.size() == 0) {
                        throw new NotFoundException("Observation", code + "|" + scope + "|" + period);
                    }
                    return pool.preparedQuery("select * from observation_history" + where + " order by revision desc")
                            .execute(key).map(history -> {
                                List<Value> superseded = new ArrayList<>();
                                history.forEach(row -> superseded.add(Value.from(row, true)));
                                return new History(code, scope, period, Value.from(current.iterator().next(), false), superseded);
                            });
                });
    }

    private static List<TargetLine> lines(Indicator indicator, List<TargetRow> rows, Map<String, List<Point>> points) {
        return rows.stream().map(row -> {
            Evaluator.Line line = Evaluator.line(row.target(), indicator, points.getOrDefault(row.target().indicatorCode(), List.of()));
            return new TargetLine(row.target().targetId(), row.target().comparator(),
                    row.current().status() == null ? null : row.current().status().name(), line == null ? null : line.startDay(),
                    line == null ? null : line.startValue(), row.target().deadline(), line == null ? row.current().threshold() : line.endValue());
        }).toList();
    }

    private Indicator indicator(String code) {
        return catalogue.find(code).orElseThrow(() -> new NotFoundException("Indicator", code));
    }
}

package vn.parsipas.indicator.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.indicator.TargetStatusChanged;
import vn.parsipas.indicator.catalogue.Indicator;
import vn.parsipas.indicator.catalogue.IndicatorCatalogue;
import vn.parsipas.indicator.catalogue.Period;
import vn.parsipas.platform.outbox.Outbox;
import vn.parsipas.platform.time.BusinessTime;

/**
 * Re-evaluates targets inside the caller's transaction and publishes only status changes
 * ({@code TargetStatusChanged}, through the outbox). Targets are locked in id order, so a value
 * arriving and the clock-driven pass never decide from the same previous status twice.
 */
@ApplicationScoped
public class TargetEvaluations {
    /** Targets are province-wide: only the province's values evaluate them. */
    public static final String SCOPE = "PROVINCE";
    private static final Logger LOG = Logger.getLogger(TargetEvaluations.class);

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    IndicatorCatalogue catalogue;

    /** After the province's values of these indicators changed. */
    public Uni<Void> afterObservations(SqlConnection connection, Set<String> indicatorCodes) {
        if (indicatorCodes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // pipelined: the indicators' locks, then the targets' rows, in one round trip
        return Uni.combine().all().unis(lockIndicators(connection, indicatorCodes),
                        connection.preparedQuery("select " + TargetRow.COLUMNS + " from target where active "
                                + "and indicator_code = any($1) order by target_id for update")
                                .execute(Tuple.of(indicatorCodes.toArray(new String[0]))))
                .with((locked, rows) -> rows)
                .chain(rows -> evaluate(connection, rows));
    }

    /**
     * Serialises, per indicator, storing a target's definition and storing the province's values:
     * without it each could commit unseen by the other (a value stored while its target is being
     * defined) and the target would keep a status its values contradict. Taken before the target's
     * row and after the observations' keys, in code order: no deadlock.
     */
    public Uni<Void> lockIndicators(SqlConnection connection, Set<String> indicatorCodes) {
        return connection.preparedQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended('indicator|' || c, 4)) "
                        + "from (select unnest($1::text[]) as c order by 1) as codes) as locked")
                .execute(Tuple.of(indicatorCodes.toArray(new String[0])))
                .replaceWithVoid();
    }

    /** After a target's definition changed. */
    public Uni<Void> afterDefinition(SqlConnection connection, String targetId) {
        return connection.preparedQuery("select " + TargetRow.COLUMNS + " from target where active and target_id = $1 for update")
                .execute(Tuple.of(targetId))
                .chain(rows -> evaluate(connection, rows));
    }

    /** The clock's pass: targets whose status time alone may have changed; replicas take different ones. */
    public Uni<Integer> evaluateDue(SqlConnection connection, int limit) {
        return connection.preparedQuery("select " + TargetRow.COLUMNS + " from target where active and next_check_at <= $1 "
                        + "order by target_id limit $2 for update skip locked")
                .execute(Tuple.of(BusinessTime.utc(clock.instant()), limit))
                .chain(rows -> evaluate(connection, rows).replaceWith(rows.size()));
    }

    /** The province's values of these indicators, from the earliest day any of these targets looks at. */
    public Uni<Map<String, List<Point>>> points(SqlConnection connection, List<Target> targets) {
        LocalDate from = targets.stream().map(t -> t.baselineYear() != null ? LocalDate.of(t.baselineYear(), 1, 1) : t.windowStart())
                .min(LocalDate::compareTo).orElseThrow();
        // "period >= the year of from" says nothing more (a period's text starts with its start's 4-digit year) but lets
        // the primary key (indicator, scope, period) skip the series' older periods instead of reading them all
        return connection.preparedQuery("select indicator_code, period, as_of, value, observed_at from observation "
                        + "where scope = $1 and indicator_code = any($2) and period_start >= $3 and period >= $4")
                .execute(Tuple.of(SCOPE, targets.stream().map(Target::indicatorCode).distinct().toArray(String[]::new), from,
                        String.format("%04d", from.getYear())))
                .map(rows -> {
                    Map<String, List<Point>> byIndicator = new HashMap<>();
                    rows.forEach(row -> byIndicator.computeIfAbsent(row.getString("indicator_code"), code -> new ArrayList<>())
                            .add(new Point(Period.parse(row.getString("period")), row.getLocalDate("as_of"),
                                    row.getBigDecimal("value"), row.getOffsetDateTime("observed_at").toInstant())));
                    return byIndicator;
                });
    }

    private Uni<Void> evaluate(SqlConnection connection, RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Uni.createFrom().voidItem();
        }
        List<TargetRow> targets = new ArrayList<>();
        rows.forEach(row -> targets.add(TargetRow.from(row)));
        Instant now = clock.instant();
        OffsetDateTime at = BusinessTime.utc(now);
        return points(connection, targets.stream().map(TargetRow::target).toList()).chain(points -> {
            List<Tuple> updates = new ArrayList<>();
            List<Tuple> history = new ArrayList<>();
            List<TargetStatusChanged> changes = new ArrayList<>();
            for (TargetRow row : targets) {
                Target target = row.target();
                Indicator indicator = catalogue.find(target.indicatorCode()).orElse(null);
                Evaluation evaluation = Evaluator.evaluate(target, indicator,
                        points.getOrDefault(target.indicatorCode(), List.of()), now);
                boolean changed = !Objects.equals(evaluation.status(), row.current().status());
                if (changed && evaluation.status() != null) {
                    changes.add(change(target, indicator, row.current().status(), evaluation, now));
                    history.add(Tuple.from(new Object[] {target.targetId(), at, name(row.current().status()),
                            evaluation.status().name(), evaluation.value(), evaluation.period(), evaluation.reason()}));
                    LOG.infof("target %s: %s -> %s (%s)", target.targetId(), row.current().status(), evaluation.status(),
                            evaluation.reason());
                }
                updates.add(Tuple.from(new Object[] {target.targetId(), name(evaluation.status()), evaluation.value(),
                        evaluation.period(), evaluation.expectedValue(), evaluation.threshold(), evaluation.reason(), at,
                        changed ? at : BusinessTime.utc(row.statusSince()),
                        BusinessTime.utc(evaluation.nextCheckAt())}));
            }
            return connection.preparedQuery("update target set status = $2, status_value = $3, status_period = $4, "
                            + "expected_value = $5, threshold = $6, reason = $7, evaluated_at = $8, status_since = $9, "
                            + "next_check_at = $10 where target_id = $1")
                    .executeBatch(updates)
                    .chain(() -> history.isEmpty() ? Uni.createFrom().voidItem()
                            : connection.preparedQuery("insert into target_status_change (target_id, changed_at, from_status, "
                                    + "to_status, value, period, reason) values ($1, $2, $3, $4, $5, $6, $7)")
                                    .executeBatch(history).replaceWithVoid())
                    .chain(() -> outbox.addAll(connection, changes));
        });
    }

    private static TargetStatusChanged change(Target target, Indicator indicator, TargetStatus previous,
            Evaluation evaluation, Instant now) {
        return new TargetStatusChanged(target.targetId(), target.criterionCode(), target.indicatorCode(),
                target.indicatorName(), SCOPE, target.responsibleAgency(), indicator == null ? null : indicator.dataProvider(),
                name(previous), evaluation.status().name(), evaluation.value(), evaluation.period(), target.unit(),
                target.comparator(), evaluation.threshold(), evaluation.expectedValue(), target.deadline(), now,
                evaluation.reason());
    }

    private static String name(TargetStatus status) {
        return status == null ? null : status.name();
    }
}

package vn.parsipas.indicator.observation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.indicator.evaluation.TargetEvaluations;

/**
 * Stores observations in order, in the caller's transaction, with a handful of statements per
 * batch: a value for a new indicator, scope and period is imported; the same value again is
 * ignored; a different value is a correction that supersedes the current one and keeps it in
 * history; a value measured before the current one is ignored as outdated (a late replay must not
 * undo a correction). Then the targets whose series changed are re-evaluated.
 */
@ApplicationScoped
public class ObservationStore {
    public enum Outcome { IMPORTED, UPDATED, IGNORED_UNCHANGED, IGNORED_OUTDATED }

    private static final String UPSERT = "insert into observation (" + StoredObservation.COLUMNS + ") "
            + StoredObservation.selectUnnest(16) + " on conflict (indicator_code, scope, period) do update set period_start = excluded.period_start, "
            + "period_end = excluded.period_end, as_of = excluded.as_of, value = excluded.value, unit = excluded.unit, "
            + "source = excluded.source, source_system = excluded.source_system, observed_at = excluded.observed_at, "
            + "note = excluded.note, channel = excluded.channel, reference = excluded.reference, "
            + "revision = excluded.revision, received_at = excluded.received_at";
    private static final String TO_HISTORY = "insert into observation_history (" + StoredObservation.COLUMNS
            + ", superseded_at) " + StoredObservation.selectUnnest(17);

    @Inject
    Clock clock;

    @Inject
    TargetEvaluations evaluations;

    /** The outcome of each item, in order. A dry run only classifies: it locks and writes nothing. */
    public Uni<List<Outcome>> store(SqlConnection connection, List<Observation> items, boolean dryRun) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Set<String> keys = new TreeSet<>(items.stream().map(Observation::key).toList());
        Uni<Void> locked = dryRun ? Uni.createFrom().voidItem() : lock(connection, keys);
        return locked.chain(() -> current(connection, items)).chain(current -> {
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            Map<String, StoredObservation> latest = new HashMap<>(current);
            Map<String, StoredObservation> changed = new LinkedHashMap<>();
            List<StoredObservation> history = new ArrayList<>();
            List<Outcome> outcomes = new ArrayList<>();
            for (Observation item : items) {
                StoredObservation previous = latest.get(item.key());
                Outcome outcome = classify(previous, item);
                outcomes.add(outcome);
                if (outcome == Outcome.IMPORTED || outcome == Outcome.UPDATED) {
                    StoredObservation next = StoredObservation.of(item, previous == null ? 1 : previous.revision() + 1, now);
                    if (previous != null) {
                        history.add(previous);
                    }
                    latest.put(item.key(), next);
                    changed.put(item.key(), next);
                }
            }
            if (dryRun || changed.isEmpty()) {
                return Uni.createFrom().item(outcomes);
            }
            Set<String> evaluate = new TreeSet<>();
            changed.values().stream().filter(o -> TargetEvaluations.SCOPE.equals(o.scope()))
                    .forEach(o -> evaluate.add(o.indicatorCode()));
            return (history.isEmpty() ? Uni.createFrom().voidItem()
                    : connection.preparedQuery(TO_HISTORY).execute(StoredObservation.columns(history, now)).replaceWithVoid())
                    .chain(() -> connection.preparedQuery(UPSERT)
                            .execute(StoredObservation.columns(List.copyOf(changed.values()), null)))
                    .chain(() -> evaluations.afterObservations(connection, evaluate))
                    .replaceWith(outcomes);
        });
    }

    private static Outcome classify(StoredObservation previous, Observation item) {
        if (previous == null) {
            return Outcome.IMPORTED;
        }
        if (previous.value().compareTo(item.data().value()) == 0) {
            return Outcome.IGNORED_UNCHANGED;
        }
        if (item.data().observedAt().isBefore(previous.observedAt().toInstant())) {
            return Outcome.IGNORED_OUTDATED;
        }
        return Outcome.UPDATED;
    }

    /** Serialises writers of the same indicator, scope and period (REST and Kafka, any replica); keys in order, so no deadlock. */
    private static Uni<Void> lock(SqlConnection connection, Set<String> keys) {
        return connection.preparedQuery("select pg_advisory_xact_lock(hashtextextended(k, 4)) "
                        + "from (select unnest($1::text[]) as k order by 1) as keys")
                .execute(Tuple.of(keys.toArray(new String[0])))
                .replaceWithVoid();
    }

    private static Uni<Map<String, StoredObservation>> current(SqlConnection connection, List<Observation> items) {
        return connection.preparedQuery("select " + StoredObservation.COLUMNS + " from observation "
                        + "where (indicator_code, scope, period) in (select * from unnest($1::text[], $2::text[], $3::text[]))")
                .execute(Tuple.of(items.stream().map(i -> i.data().indicatorCode()).toArray(String[]::new),
                        items.stream().map(i -> i.data().scope()).toArray(String[]::new),
                        items.stream().map(i -> i.data().period()).toArray(String[]::new)))
                .map(rows -> {
                    Map<String, StoredObservation> byKey = new HashMap<>();
                    rows.forEach(row -> {
                        StoredObservation stored = StoredObservation.from(row);
                        byKey.put(stored.key(), stored);
                    });
                    return byKey;
                });
    }
}

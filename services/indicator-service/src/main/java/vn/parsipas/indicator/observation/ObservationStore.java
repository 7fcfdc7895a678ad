package vn.parsipas.indicator.observation;

import java.time.Clock;
import java.time.OffsetDateTime;
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
import vn.parsipas.platform.time.BusinessTime;

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

    /**
     * Keys the store found absent while holding their locks: a plain insert (an upsert's speculative insertion cost
     * PostgreSQL twice the time per row here). Should a row appear anyway, the unique key refuses the batch.
     */
    private static final String INSERT = "insert into observation (" + StoredObservation.COLUMNS + ") "
            + StoredObservation.selectUnnest(16);
    /** Keys it found present: their rows are locked by the keys' locks, updated in one statement. */
    private static final String UPDATE = "update observation o set period_start = n.c4, period_end = n.c5, as_of = n.c6, "
            + "value = n.c7, unit = n.c8, source = n.c9, source_system = n.c10, observed_at = n.c11, note = n.c12, "
            + "channel = n.c13, reference = n.c14, revision = n.c15, received_at = n.c16 from ("
            + StoredObservation.selectUnnest(16) + ") as n where o.indicator_code = n.c1 and o.scope = n.c2 and o.period = n.c3";
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
        List<String> keys = items.stream().map(Observation::key).toList();
        // The lock and the read go out together (the client pipelines them on the connection, in this order):
        // one round trip instead of two; the server still takes the locks before it reads.
        Uni<Map<String, StoredObservation>> read = dryRun ? current(connection, items)
                : Uni.combine().all().unis(lock(connection, new TreeSet<>(keys)), current(connection, items))
                        .with((locked, current) -> current);
        return read.chain(current -> {
            OffsetDateTime now = BusinessTime.utc(clock.instant());
            Map<String, StoredObservation> latest = new HashMap<>(current);
            Map<String, StoredObservation> changed = new LinkedHashMap<>();
            List<StoredObservation> history = new ArrayList<>();
            List<Outcome> outcomes = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                Observation item = items.get(i);
                String key = keys.get(i);
                StoredObservation previous = latest.get(key);
                Outcome outcome = classify(previous, item);
                outcomes.add(outcome);
                if (outcome == Outcome.IMPORTED || outcome == Outcome.UPDATED) {
                    StoredObservation next = StoredObservation.of(item, previous == null ? 1 : previous.revision() + 1, now);
                    if (previous != null) {
                        history.add(previous);
                    }
                    latest.put(key, next);
                    changed.put(key, next);
                }
            }
            if (dryRun || changed.isEmpty()) {
                return Uni.createFrom().item(outcomes);
            }
            Set<String> evaluate = new TreeSet<>();
            changed.values().stream().filter(o -> TargetEvaluations.SCOPE.equals(o.scope()))
                    .forEach(o -> evaluate.add(o.indicatorCode()));
            List<StoredObservation> inserts = new ArrayList<>();
            List<StoredObservation> updates = new ArrayList<>();
            changed.forEach((key, row) -> (current.containsKey(key) ? updates : inserts).add(row));
            // history first (before the update overwrites those rows), then the rows; pipelined, in this order
            List<Uni<?>> writes = new ArrayList<>();
            if (!history.isEmpty()) {
                writes.add(connection.preparedQuery(TO_HISTORY).execute(StoredObservation.columns(history, now)));
            }
            if (!updates.isEmpty()) {
                writes.add(connection.preparedQuery(UPDATE).execute(StoredObservation.columns(updates, null)));
            }
            if (!inserts.isEmpty()) {
                writes.add(connection.preparedQuery(INSERT).execute(StoredObservation.columns(inserts, null)));
            }
            return Uni.combine().all().unis(writes).discardItems()
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

    /**
     * Serialises writers of the same indicator, scope and period (REST and Kafka, any replica); keys in order, so no
     * deadlock. One row back whatever the number of keys (the locks are volatile calls, so they are all evaluated).
     */
    private static Uni<Void> lock(SqlConnection connection, Set<String> keys) {
        return connection.preparedQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended(k, 4)) "
                        + "from (select unnest($1::text[]) as k order by 1) as keys) as locked")
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

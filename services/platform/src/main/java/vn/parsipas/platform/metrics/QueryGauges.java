package vn.parsipas.platform.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Gauges that one SQL query reads (a backlog: rows waiting, the age of the oldest): each column of
 * the query's one row is a gauge. Counted in the database, so every replica reports the same figure
 * and the alerting rules take the max. The owner refreshes them on its schedule.
 */
public final class QueryGauges {
    /** A gauge and the column of the query that gives its value (null counts as 0). */
    public record Reading(String gauge, String column, String description) {
    }

    private final Pool pool;
    private final String sql;
    private final Map<String, AtomicLong> values = new LinkedHashMap<>();
    private final MeterRegistry registry;
    private final List<Gauge> gauges = new ArrayList<>();

    public QueryGauges(Pool pool, MeterRegistry registry, String sql, List<Reading> readings) {
        this.pool = pool;
        this.sql = sql;
        this.registry = registry;
        for (Reading reading : readings) {
            AtomicLong value = new AtomicLong();
            values.put(reading.column(), value);
            gauges.add(Gauge.builder(reading.gauge(), value, AtomicLong::get).description(reading.description()).register(registry));
        }
    }

    public Uni<Void> refresh() {
        return pool.query(sql).execute().invoke(rows -> {
            Row row = rows.iterator().next();
            values.forEach((column, value) -> {
                Long read = row.getLong(column);
                value.set(read == null ? 0 : read);
            });
        }).replaceWithVoid();
    }

    /**
     * Removes the gauges, at shutdown. The registry outlives the application where several start in one
     * JVM (the tests' restarts): a later start's gauges of the same name would otherwise be the earlier
     * ones, which read values nobody refreshes and that the collector may already have taken.
     */
    public void remove() {
        gauges.forEach(registry::remove);
        gauges.clear();
    }
}

package vn.parsipas.indicator.observation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.platform.time.BusinessTime;

/** A row of the observation table (and, once superseded, of observation_history). */
record StoredObservation(
        String indicatorCode,
        String scope,
        String period,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate asOf,
        BigDecimal value,
        String unit,
        String source,
        String sourceSystem,
        OffsetDateTime observedAt,
        String note,
        String channel,
        String reference,
        int revision,
        OffsetDateTime receivedAt) {

    static final String COLUMNS = "indicator_code, scope, period, period_start, period_end, as_of, value, unit, source, "
            + "source_system, observed_at, note, channel, reference, revision, received_at";

    static StoredObservation of(Observation o, int revision, OffsetDateTime receivedAt) {
        return new StoredObservation(o.data().indicatorCode(), o.data().scope(), o.data().period(), o.period().start(),
                o.period().end(), o.asOf(), o.data().value(), o.data().unit(), o.source(), o.data().sourceSystem(),
                BusinessTime.utc(o.data().observedAt()), o.data().note(), o.channel(), o.reference(), revision,
                receivedAt);
    }

    static StoredObservation from(Row row) {
        return new StoredObservation(row.getString("indicator_code"), row.getString("scope"), row.getString("period"),
                row.getLocalDate("period_start"), row.getLocalDate("period_end"), row.getLocalDate("as_of"),
                row.getBigDecimal("value"), row.getString("unit"), row.getString("source"), row.getString("source_system"),
                row.getOffsetDateTime("observed_at"), row.getString("note"), row.getString("channel"),
                row.getString("reference"), row.getInteger("revision"), row.getOffsetDateTime("received_at"));
    }

    String key() {
        return indicatorCode + "|" + scope + "|" + period;
    }

    /**
     * Rows as one array per column (for a single {@code unnest} statement instead of a statement per row); dates,
     * instants and the revision travel in their binary form, so neither side formats or parses them as text.
     * {@link #selectUnnest} types the arrays.
     */
    static Tuple columns(List<StoredObservation> rows, OffsetDateTime supersededAt) {
        int n = rows.size();
        String[] indicatorCode = new String[n], scope = new String[n], period = new String[n], value = new String[n],
                unit = new String[n], source = new String[n], sourceSystem = new String[n], note = new String[n],
                channel = new String[n], reference = new String[n];
        LocalDate[] periodStart = new LocalDate[n], periodEnd = new LocalDate[n], asOf = new LocalDate[n];
        OffsetDateTime[] observedAt = new OffsetDateTime[n], receivedAt = new OffsetDateTime[n], superseded = new OffsetDateTime[n];
        Integer[] revision = new Integer[n];
        for (int i = 0; i < n; i++) {
            StoredObservation o = rows.get(i);
            indicatorCode[i] = o.indicatorCode;
            scope[i] = o.scope;
            period[i] = o.period;
            periodStart[i] = o.periodStart;
            periodEnd[i] = o.periodEnd;
            asOf[i] = o.asOf;
            value[i] = o.value.toPlainString();
            unit[i] = o.unit;
            source[i] = o.source;
            sourceSystem[i] = o.sourceSystem;
            observedAt[i] = o.observedAt;
            note[i] = o.note;
            channel[i] = o.channel;
            reference[i] = o.reference;
            revision[i] = o.revision;
            receivedAt[i] = o.receivedAt;
            superseded[i] = supersededAt;
        }
        List<Object> columns = new java.util.ArrayList<>(List.of(indicatorCode, scope, period, periodStart, periodEnd, asOf, value,
                unit, source, sourceSystem, observedAt, note, channel, reference, revision, receivedAt));
        if (supersededAt != null) {
            columns.add(superseded);
        }
        return Tuple.from(columns);
    }

    private static final String[] TYPES = {"text", "text", "text", "date", "date", "date", "text", "text", "text", "text",
        "timestamptz", "text", "text", "text", "integer", "timestamptz", "timestamptz"};

    /** Selects the rows of {@link #columns} (16 columns, or 17 with superseded_at), typed (the value as numeric). */
    static String selectUnnest(int columns) {
        StringBuilder select = new StringBuilder("select ");
        StringBuilder arrays = new StringBuilder();
        StringBuilder names = new StringBuilder();
        for (int c = 1; c <= columns; c++) {
            String separator = c == 1 ? "" : ", ";
            select.append(separator).append('c').append(c).append(c == 7 ? "::numeric" : "");
            arrays.append(separator).append('$').append(c).append("::").append(TYPES[c - 1]).append("[]");
            names.append(separator).append('c').append(c);
        }
        return select + " from unnest(" + arrays + ") as t(" + names + ")";
    }
}

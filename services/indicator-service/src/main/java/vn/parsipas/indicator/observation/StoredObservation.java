package vn.parsipas.indicator.observation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

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
                o.data().observedAt().atOffset(ZoneOffset.UTC), o.data().note(), o.channel(), o.reference(), revision,
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
     * Rows as one text array per column (for a single {@code unnest} statement instead of a
     * statement per row); {@link #SELECT_UNNEST} casts them back.
     */
    static Tuple columns(List<StoredObservation> rows, OffsetDateTime supersededAt) {
        int extra = supersededAt == null ? 0 : 1;
        String[][] columns = new String[16 + extra][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            StoredObservation o = rows.get(i);
            Object[] values = {o.indicatorCode, o.scope, o.period, o.periodStart, o.periodEnd, o.asOf, o.value.toPlainString(),
                    o.unit, o.source, o.sourceSystem, o.observedAt, o.note, o.channel, o.reference, o.revision, o.receivedAt,
                    supersededAt};
            for (int c = 0; c < columns.length; c++) {
                columns[c][i] = values[c] == null ? null : values[c].toString();
            }
        }
        return Tuple.from(List.of((Object[]) columns));
    }

    private static final String[] CASTS = {"", "", "", "::date", "::date", "::date", "::numeric", "", "", "", "::timestamptz",
        "", "", "", "::integer", "::timestamptz", "::timestamptz"};

    /** Selects the rows of {@link #columns} (16 columns, or 17 with superseded_at), typed again. */
    static String selectUnnest(int columns) {
        StringBuilder select = new StringBuilder("select ");
        StringBuilder arrays = new StringBuilder();
        StringBuilder names = new StringBuilder();
        for (int c = 1; c <= columns; c++) {
            String separator = c == 1 ? "" : ", ";
            select.append(separator).append('c').append(c).append(CASTS[c - 1]);
            arrays.append(separator).append('$').append(c).append("::text[]");
            names.append(separator).append('c').append(c);
        }
        return select + " from unnest(" + arrays + ") as t(" + names + ")";
    }
}

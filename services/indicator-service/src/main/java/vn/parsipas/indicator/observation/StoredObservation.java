package vn.parsipas.indicator.observation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

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

    Tuple tuple(Object... extra) {
        Object[] values = {indicatorCode, scope, period, periodStart, periodEnd, asOf, value, unit, source, sourceSystem,
                observedAt, note, channel, reference, revision, receivedAt};
        Object[] all = Arrays.copyOf(values, values.length + extra.length);
        System.arraycopy(extra, 0, all, values.length, extra.length);
        return Tuple.from(all);
    }
}

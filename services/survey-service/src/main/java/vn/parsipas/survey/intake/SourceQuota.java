package vn.parsipas.survey.intake;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Per source and local day: responses admitted without a receipt PIN, and responses refused for a wrong PIN. */
@ApplicationScoped
public class SourceQuota {
    @Inject
    Pool pool;

    public record Today(String source, LocalDate day, int withoutPin, int wrongPins) {
        static Today none(String source, LocalDate day) {
            return new Today(source, day, 0, 0);
        }
    }

    /**
     * Today's counts, in the caller's transaction. A batch that may add responses without a PIN
     * ({@code withoutPin}) locks the quota row until the transaction ends; for one whose responses all
     * prove their receipt, only the wrong PINs matter.
     */
    Uni<Today> read(SqlConnection connection, String source, LocalDate day, boolean withoutPin) {
        Uni<Integer> admitted = withoutPin ? connection.preparedQuery("insert into source_quota (source, day, without_pin)"
                + " values ($1, $2, 0) on conflict (source, day) do update set without_pin = source_quota.without_pin returning without_pin")
                .execute(Tuple.of(source, day)).map(rows -> count(rows, "without_pin")) : Uni.createFrom().item(0);
        return admitted.chain(count -> connection.preparedQuery("select wrong_pins from source_wrong_pins where source = $1 and day = $2")
                .execute(Tuple.of(source, day)).map(wrongPins -> new Today(source, day, count, count(wrongPins, "wrong_pins"))));
    }

    /** Stores the responses admitted without a PIN, in the transaction that read them with {@code lock}. */
    Uni<Void> saveWithoutPin(SqlConnection connection, Today today) {
        return connection.preparedQuery("update source_quota set without_pin = $3 where source = $1 and day = $2")
                .execute(Tuple.of(today.source(), today.day(), today.withoutPin())).replaceWithVoid();
    }

    /** Adds wrong PINs in a transaction of their own: they count even when the response's transaction is rolled back. */
    Uni<Void> addWrongPins(String source, LocalDate day, int count) {
        return pool.preparedQuery("insert into source_wrong_pins (source, day, wrong_pins) values ($1, $2, $3) on conflict (source, day)"
                + " do update set wrong_pins = source_wrong_pins.wrong_pins + excluded.wrong_pins")
                .execute(Tuple.of(source, day, count)).replaceWithVoid();
    }

    private static int count(RowSet<Row> rows, String column) {
        return rows.size() == 0 ? 0 : rows.iterator().next().getInteger(column);
    }
}

package vn.parsipas.survey.intake;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.survey.Db;

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
    Uni<Today> read(String source, LocalDate day, boolean withoutPin) {
        Uni<Integer> admitted = withoutPin ? Db.rows("insert into source_quota (source, day, without_pin) values (?1, ?2, 0)"
                + " on conflict (source, day) do update set without_pin = source_quota.without_pin returning without_pin", source, day)
                .map(SourceQuota::count) : Uni.createFrom().item(0);
        return admitted.chain(count -> Db.rows("select wrong_pins from source_wrong_pins where source = ?1 and day = ?2", source, day)
                .map(wrongPins -> new Today(source, day, count, count(wrongPins))));
    }

    /** Stores the responses admitted without a PIN, in the transaction that read them with {@code lock}. */
    Uni<Void> saveWithoutPin(Today today) {
        return Db.execute("update source_quota set without_pin = ?3 where source = ?1 and day = ?2",
                today.source(), today.day(), today.withoutPin()).replaceWithVoid();
    }

    /** Adds wrong PINs in a transaction of their own: they count even when the response's transaction is rolled back. */
    Uni<Void> addWrongPins(String source, LocalDate day, int count) {
        return pool.preparedQuery("insert into source_wrong_pins (source, day, wrong_pins) values ($1, $2, $3) on conflict (source, day)"
                + " do update set wrong_pins = source_wrong_pins.wrong_pins + excluded.wrong_pins")
                .execute(Tuple.of(source, day, count)).replaceWithVoid();
    }

    private static int count(List<Object[]> rows) {
        return rows.isEmpty() ? 0 : (int) Db.number(rows.get(0)[0]);
    }
}

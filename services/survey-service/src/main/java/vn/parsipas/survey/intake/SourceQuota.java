package vn.parsipas.survey.intake;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import vn.parsipas.survey.Db;

/** Per source and local day: responses admitted without a receipt PIN, and responses refused for a wrong PIN. */
@ApplicationScoped
public class SourceQuota {
    public record Today(String source, LocalDate day, int withoutPin, int wrongPins) {
        static Today none(String source, LocalDate day) {
            return new Today(source, day, 0, 0);
        }
    }

    /** Today's counts; {@code lock} holds the row until the transaction ends, for a batch that may add to them. */
    Uni<Today> read(String source, LocalDate day, boolean lock) {
        String sql = lock
                ? "insert into source_quota (source, day, without_pin, wrong_pins) values (?1, ?2, 0, 0) on conflict (source, day)"
                        + " do update set without_pin = source_quota.without_pin returning without_pin, wrong_pins"
                : "select without_pin, wrong_pins from source_quota where source = ?1 and day = ?2";
        return Db.rows(sql, source, day).map(rows -> rows.isEmpty() ? Today.none(source, day)
                : new Today(source, day, (int) Db.number(rows.get(0)[0]), (int) Db.number(rows.get(0)[1])));
    }

    /** Stores the counts of a batch that read them with {@code lock}, in its transaction. */
    Uni<Void> save(Today today) {
        return Db.execute("update source_quota set without_pin = ?3, wrong_pins = ?4 where source = ?1 and day = ?2",
                today.source(), today.day(), today.withoutPin(), today.wrongPins()).replaceWithVoid();
    }
}

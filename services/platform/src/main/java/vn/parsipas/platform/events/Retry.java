package vn.parsipas.platform.events;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

/**
 * How the consumers treat a record whose effect failed, one instance per record:
 * <ul>
 *   <li>the record's fault — {@link InvalidEventException} — is dead-lettered at once: trying again
 *       cannot help;</li>
 *   <li>a data exception of the database (SQLSTATE class 22, e.g. NUL in text or numeric overflow,
 *       and class 23, a constraint) is confirmed on one fresh attempt, then dead-lettered: a record
 *       the database refuses is refused again, while a refusal that was not the record's (after an
 *       outage, FaultsIT once saw another transaction's duplicate key reported to a valid fact) goes
 *       away;</li>
 *   <li>an engine away — the database unreachable, restarting or shutting down (connection
 *       failures, SQLSTATE classes 08, 53, 57, 58), a serialization failure or deadlock (40) — is
 *       waited out with backoff for as long as it lasts: a valid record is never dead-lettered
 *       because an engine was away;</li>
 *   <li>any other failure is tried again for {@code parsipas.events.max-retry}, then
 *       dead-lettered with the failure as the reason.</li>
 * </ul>
 * The connector's own limit on a record in flight ({@code throttled.unprocessed-record-max-age.ms})
 * is off for that reason: it would close the consumer while the platform waits (docs/DECISIONS.md).
 */
final class Retry {
    private static final Logger LOG = Logger.getLogger(Retry.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final Set<String> ENGINE_CLASSES = Set.of("08", "40", "53", "57", "58");

    private final String what;
    private final Duration maxRetry;
    private final long started = System.nanoTime();
    private int attempts;
    private int refusals;

    Retry(String what, Duration maxRetry) {
        this.what = what;
        this.maxRetry = maxRetry;
    }

    /**
     * The transaction of one record under these rules: its item, or a failure that is always an
     * {@link InvalidEventException} (the record's fault, or "processing failed after retries") to dead-letter.
     */
    static <T> Uni<T> applying(String what, Duration maxRetry, Uni<T> transaction) {
        Retry retry = new Retry(what, maxRetry);
        return transaction
                .onFailure().transform(Retry::recordFault)
                .onFailure().retry().when(failures -> failures.onItem().transformToUniAndConcatenate(retry::next))
                .onFailure(failure -> !(failure instanceof InvalidEventException))
                .transform(failure -> new InvalidEventException("processing failed after retries", failure));
    }

    /** A data exception of the database: the record's fault once a fresh attempt confirms it. */
    static final class Refused extends InvalidEventException {
        Refused(String sqlState, Throwable database) {
            super("refused by the database (SQLSTATE " + sqlState + ")", database);
        }
    }

    /** Wraps a data exception of the database as {@link Refused}; other failures as they are. */
    static Throwable recordFault(Throwable failure) {
        Throwable database = database(failure);
        String sqlState = sqlState(database);
        if (sqlState.startsWith("22") || sqlState.startsWith("23")) {
            return new Refused(sqlState, database);
        }
        return failure;
    }

    /** For {@code retry().when(...)}: an item to try again after the backoff, or the failure to give up with. */
    Uni<Integer> next(Throwable failure) {
        attempts++;
        boolean engineAway = engineAway(failure);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        boolean unconfirmedRefusal = failure instanceof Refused && refusals++ == 0;
        if ((failure instanceof InvalidEventException && !unconfirmedRefusal)
                || (!engineAway && elapsed.compareTo(maxRetry) >= 0)) {
            return Uni.createFrom().failure(failure);
        }
        Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempts - 1, 10));
        backoff = backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
        LOG.warnf("%s failed (attempt %d, %s, %s so far), trying again in %d ms: %s", what, attempts,
                engineAway ? "engine away, waiting it out" : unconfirmedRefusal ? "a refusal, confirming it once"
                        : "retried for up to " + maxRetry, elapsed.toSeconds() + " s", backoff.toMillis(), failure.toString());
        return Uni.createFrom().item(attempts).onItem().delayIt().by(backoff);
    }

    static boolean engineAway(Throwable failure) {
        String sqlState = sqlState(database(failure));
        if (!sqlState.isEmpty()) {
            return sqlState.length() >= 2 && (ENGINE_CLASSES.contains(sqlState.substring(0, 2)) || sqlState.equals("55P03"));
        }
        return cause(failure, IOException.class) != null || cause(failure, TimeoutException.class) != null
                || cause(failure, ClosedConnectionException.class) != null;
    }

    /** The database's own error: the pg client's (reactive SQL) or the JDBC one Hibernate wraps it in. */
    private static Throwable database(Throwable failure) {
        DatabaseException client = cause(failure, DatabaseException.class);
        return client != null ? client : cause(failure, SQLException.class);
    }

    private static String sqlState(Throwable database) {
        String sqlState = database instanceof DatabaseException client ? client.getSqlState()
                : database instanceof SQLException jdbc ? jdbc.getSQLState() : null;
        return sqlState == null ? "" : sqlState;
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 16; depth++, current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
        }
        return null;
    }
}

package vn.parsipas.platform.retention;

import java.time.OffsetDateTime;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Purges in batches, so that years of rows never make one long transaction or one huge lock. */
public final class BatchedDelete {
    private static final Logger LOG = Logger.getLogger(BatchedDelete.class);

    private BatchedDelete() {
    }

    /**
     * Runs {@code delete}, which deletes at most {@code batch} rows (its parameters end with {@code batch}),
     * again until it deletes fewer; returns how many rows it deleted in all.
     */
    public static Uni<Long> repeat(Pool pool, String delete, Tuple parameters, int batch) {
        return repeat(pool, delete, parameters, batch, 0);
    }

    /**
     * Deletes the rows of {@code table} whose {@code column} is before {@code before}, {@code batch} at a time;
     * logs how many there were, when any.
     */
    public static Uni<Long> olderThan(Pool pool, String table, String column, OffsetDateTime before, int batch) {
        return repeat(pool, "delete from " + table + " where ctid = any(array(select ctid from " + table + " where " + column
                + " < $1 limit $2))", Tuple.of(before, batch), batch)
                .invoke(total -> {
                    if (total > 0) {
                        LOG.infof("%s: forgot %d rows older than %s", table, total, before);
                    }
                });
    }

    private static Uni<Long> repeat(Pool pool, String delete, Tuple parameters, int batch, long done) {
        return pool.preparedQuery(delete).execute(parameters).chain(rows -> rows.rowCount() == batch
                ? repeat(pool, delete, parameters, batch, done + batch) : Uni.createFrom().item(done + rows.rowCount()));
    }
}

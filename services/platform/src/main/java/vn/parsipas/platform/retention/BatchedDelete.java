package vn.parsipas.platform.retention;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Purges in batches, so that years of rows never make one long transaction or one huge lock. */
public final class BatchedDelete {
    private BatchedDelete() {
    }

    /**
     * Runs {@code delete}, which deletes at most {@code batch} rows (its parameters end with {@code batch}),
     * again until it deletes fewer; returns how many rows it deleted in all.
     */
    public static Uni<Long> repeat(Pool pool, String delete, Tuple parameters, int batch) {
        return repeat(pool, delete, parameters, batch, 0);
    }

    private static Uni<Long> repeat(Pool pool, String delete, Tuple parameters, int batch, long done) {
        return pool.preparedQuery(delete).execute(parameters).chain(rows -> rows.rowCount() == batch
                ? repeat(pool, delete, parameters, batch, done + batch) : Uni.createFrom().item(done + rows.rowCount()));
    }
}

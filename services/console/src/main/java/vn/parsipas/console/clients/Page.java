package vn.parsipas.console.clients;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/** A cursor-paged list as the services return it; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    /** Every item, page after page: {@code read} reads the page after a cursor (null: the first). */
    public static <T> Uni<List<T>> all(Function<String, Uni<Page<T>>> read) {
        return all(read, null, new ArrayList<>());
    }

    private static <T> Uni<List<T>> all(Function<String, Uni<Page<T>>> read, String cursor, List<T> loaded) {
        return read.apply(cursor).chain(page -> {
            loaded.addAll(page.items());
            return page.nextCursor() == null ? Uni.createFrom().item(loaded) : all(read, page.nextCursor(), loaded);
        });
    }
}

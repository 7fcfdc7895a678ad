package vn.parsipas.platform.paging;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/** One page of a list: the items and the opaque cursor of the next page (null on the last one). */
@Schema(requiredProperties = "items", properties = @SchemaProperty(name = "nextCursor", nullable = true,
        description = "pass it as the cursor parameter for the next page; null on the last page"))
public record Page<T>(List<T> items, String nextCursor) {

    /** Builds a page from up to {@code limit + 1} rows: the extra row only says that more follow. */
    public static <T> Page<T> of(List<T> rows, int limit, Function<T, String> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(List.copyOf(items), cursorOf.apply(items.get(limit - 1)));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}

package vn.parsipas.console.clients;

import java.util.List;

/** A cursor-paged list as the services return it; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {
}

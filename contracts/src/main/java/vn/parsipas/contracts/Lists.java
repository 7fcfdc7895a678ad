package vn.parsipas.contracts;

import java.util.List;

/** Events carry empty lists, never null ones: the schemas type them as arrays. */
public final class Lists {
    private Lists() {
    }

    public static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}

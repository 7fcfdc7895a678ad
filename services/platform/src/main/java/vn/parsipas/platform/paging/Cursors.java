package vn.parsipas.platform.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import vn.parsipas.platform.problem.InvalidInputException;

/**
 * Opaque cursors: the sort key of the last item of a page, base64url-encoded. Clients pass them back
 * unchanged; a cursor that does not decode is a 400 naming {@code cursor}. The page size is not here:
 * each list validates its {@code limit} parameter with Bean Validation ({@code @DefaultValue @Min @Max}).
 */
public final class Cursors {
    private static final String SEPARATOR = "\u001f";

    private Cursors() {
    }

    /** The position after an item of a list ordered by (instant, id), newest or oldest first. */
    public record At(Instant at, String id) {
    }

    public static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
    }

    public static String encode(Instant at, String id) {
        return encode(at.toString(), id);
    }

    /** The parts of a cursor made by {@link #encode} with {@code expectedParts} parts; null for no cursor. */
    public static List<String> decode(String cursor, int expectedParts) {
        return decode(cursor, expectedParts, parts -> parts);
    }

    /**
     * A cursor made by {@link #encode} with {@code expectedParts} parts, read into its sort key; null for no
     * cursor. A reader that fails (a forged number or date) makes it a 400 naming {@code cursor} too.
     */
    public static <T> T decode(String cursor, int expectedParts, Function<List<String>, T> reader) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(decoded.split(SEPARATOR, -1));
            if (parts.size() == expectedParts) {
                return reader.apply(parts);
            }
        } catch (RuntimeException unreadable) {
            // reported below
        }
        throw new InvalidInputException("cursor", "is not a cursor this list returned");
    }

    /** A cursor made by {@link #encode(Instant, String)}; null for no cursor. */
    public static At decodeAt(String cursor) {
        return decode(cursor, 2, parts -> new At(Instant.parse(parts.get(0)), parts.get(1)));
    }
}

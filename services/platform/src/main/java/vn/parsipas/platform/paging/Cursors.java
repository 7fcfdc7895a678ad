package vn.parsipas.platform.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import vn.parsipas.platform.problem.InvalidInputException;

/**
 * Opaque cursors: the sort key of the last item of a page, base64url-encoded. Clients pass them back
 * unchanged; a cursor that does not decode is a 400 naming {@code cursor}.
 */
public final class Cursors {
    private static final String SEPARATOR = "\u001f";

    private Cursors() {
    }

    public static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor made by {@link #encode} with {@code expectedParts} parts; null for no cursor. */
    public static List<String> decode(String cursor, int expectedParts) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = List.of(decoded.split(SEPARATOR, -1));
            if (parts.size() == expectedParts) {
                return parts;
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below
        }
        throw new InvalidInputException("cursor", "is not a cursor this list returned");
    }

    /** The page size asked for, or the default; out of range is a 400 naming {@code limit}. */
    public static int limit(Integer requested, int defaultLimit, int maxLimit) {
        if (requested == null) {
            return defaultLimit;
        }
        if (requested < 1 || requested > maxLimit) {
            throw new InvalidInputException("limit", "must be between 1 and " + maxLimit);
        }
        return requested;
    }
}

package vn.parsipas.notification.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

import vn.parsipas.platform.problem.InvalidInputException;

/** An opaque position in a list ordered by (instant desc, id desc). */
public record Cursor(Instant at, String id) {

    public static Cursor parse(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            return new Cursor(Instant.parse(parts[0]), parts[1]);
        } catch (IllegalArgumentException | DateTimeParseException | ArrayIndexOutOfBoundsException e) {
            throw new InvalidInputException("cursor", "not a cursor returned by this API");
        }
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** A page of a list: its items and the cursor of the next page, null on the last. */
    @Schema(requiredProperties = "items", properties = @SchemaProperty(name = "nextCursor",
            description = "pass it as the cursor parameter for the next page; null on the last page"))
    public record Page<T>(List<T> items, String nextCursor) {
    }
}

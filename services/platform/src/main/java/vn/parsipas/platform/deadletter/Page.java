package vn.parsipas.platform.deadletter;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/** A page of a list: its items and the cursor of the next page, null on the last. */
@Schema(requiredProperties = "items", properties = @SchemaProperty(name = "nextCursor", nullable = true,
        description = "pass it as the cursor parameter for the next page; null on the last page"))
public record Page<T>(List<T> items, String nextCursor) {
}

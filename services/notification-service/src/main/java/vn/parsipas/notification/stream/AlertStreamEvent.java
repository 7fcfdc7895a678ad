package vn.parsipas.notification.stream;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One event of an agency's live stream, by its server-sent-event fields. OpenAPI 3.0 cannot describe
 * the items of a stream, so the document gives this as the schema of the stream's media type.
 */
@Schema(description = "One event of the text/event-stream, by its fields: 'event: <event>', 'id: <id>', 'data: <data as one line "
        + "of JSON>', then a blank line. Lines starting with ':' are comments (': heartbeat', at once and every 20 s), not events.")
public record AlertStreamEvent(
        @Schema(required = true, enumeration = { "raised", "updated", "repeated", "acknowledged", "escalated", "reassigned",
                "resolved" }, description = "the event's name: what happened to the alert (the data's change)") String event,
        @Schema(required = true, description = "the event's id: the alert's alertId") String id,
        @Schema(required = true, description = "the event's data") AlertChange data) {

    static AlertStreamEvent of(AlertChange change) {
        return new AlertStreamEvent(change.change(), change.alertId(), change);
    }
}

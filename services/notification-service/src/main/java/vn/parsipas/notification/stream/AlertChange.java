package vn.parsipas.notification.stream;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/**
 * What the live inbox stream says about a new or changed alert: enough to show it in a list;
 * GET /api/v1/alerts/{alertId} has the rest. {@code agencies} are the inboxes it is pushed to.
 */
@Schema(description = "A new or changed alert, as the live stream sends it: enough to show it in a list",
        requiredProperties = { "alertId", "change", "fingerprint", "kind", "severity", "status", "agencyCode", "deliveredTo", "title",
                "occurrences", "escalationLevel", "updatedAt", "agencies" },
        properties = {
                @SchemaProperty(name = "change", enumeration = { "raised", "updated", "repeated", "acknowledged", "escalated",
                        "reassigned", "resolved" }, description = "what happened to the alert; also the event's name"),
                @SchemaProperty(name = "kind", enumeration = { "task-due-soon", "task-overdue", "target-at-risk", "target-missed",
                        "target-no-data", "target-no-baseline", "satisfaction-below-target" }),
                @SchemaProperty(name = "severity", enumeration = { "critical", "warning", "info" }),
                @SchemaProperty(name = "status", enumeration = { "open", "acknowledged", "resolved" }),
                @SchemaProperty(name = "title", maxLength = 301, description = "the alert's title, cut at 300 characters and an ellipsis"),
                @SchemaProperty(name = "agencies", description = "the agencies whose inbox holds the alert: the streams it is pushed to") })
public record AlertChange(String alertId, String change, String fingerprint, String kind, String severity, String status,
        String agencyCode, String deliveredTo, String title, int occurrences, int escalationLevel, Instant updatedAt,
        List<String> agencies) {
    private static final int MAX_TITLE = 300;

    public AlertChange {
        title = title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) + "…" : title;
    }
}

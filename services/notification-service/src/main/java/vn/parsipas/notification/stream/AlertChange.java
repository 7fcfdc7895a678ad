package vn.parsipas.notification.stream;

import java.time.Instant;
import java.util.List;

/**
 * What the live inbox stream says about a new or changed alert: enough to show it in a list;
 * GET /api/v1/alerts/{alertId} has the rest. {@code agencies} are the inboxes it is pushed to.
 */
public record AlertChange(String alertId, String change, String fingerprint, String kind, String severity, String status,
        String agencyCode, String deliveredTo, String title, int occurrences, int escalationLevel, Instant updatedAt,
        List<String> agencies) {
}

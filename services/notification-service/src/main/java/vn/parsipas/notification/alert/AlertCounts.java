package vn.parsipas.notification.alert;

import java.time.Instant;

/**
 * The tabs of an agency's inbox: open and acknowledged alerts it holds itself (responsible or copy),
 * those escalated to it and not resolved, and resolved ones. {@code lastUpdatedAt} is when the latest
 * of them changed: a live page passes it on to re-read what changed after it was rendered.
 */
public record AlertCounts(long open, long acknowledged, long escalated, long resolved, Instant lastUpdatedAt) {
}

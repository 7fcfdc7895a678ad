package vn.parsipas.contracts.alert;

import java.time.Instant;

import vn.parsipas.contracts.Event;

public record AlertResolved(
        String alertId,
        String fingerprint,
        String kind,
        String agencyCode,
        String resolution,
        String causeEventId,
        Instant resolvedAt) implements Event {

    @Override
    public String subject() {
        return fingerprint;
    }
}

package vn.parsipas.contracts.alert;

import java.time.Instant;

import vn.parsipas.contracts.Event;

public record AlertEscalated(
        String alertId,
        String fingerprint,
        String kind,
        String agencyCode,
        String escalatedTo,
        int level,
        Instant escalatedAt) implements Event {

    @Override
    public String subject() {
        return fingerprint;
    }
}

package vn.parsipas.contracts.alert;

import java.time.Instant;

import vn.parsipas.contracts.Event;

public record AlertAcknowledged(
        String alertId,
        String fingerprint,
        String kind,
        String agencyCode,
        String acknowledgedBy,
        String comment,
        Instant acknowledgedAt) implements Event {

    @Override
    public String subject() {
        return fingerprint;
    }
}

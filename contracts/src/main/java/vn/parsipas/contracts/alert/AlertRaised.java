package vn.parsipas.contracts.alert;

import java.time.Instant;
import java.util.List;

import vn.parsipas.contracts.Event;
import vn.parsipas.contracts.Lists;

public record AlertRaised(
        String alertId,
        String fingerprint,
        String kind,
        String severity,
        String agencyCode,
        List<String> ccAgencies,
        String subjectId,
        String title,
        String body,
        String causeEventId,
        Instant raisedAt) implements Event {

    public AlertRaised {
        ccAgencies = Lists.orEmpty(ccAgencies);
    }

    @Override
    public String subject() {
        return fingerprint;
    }
}

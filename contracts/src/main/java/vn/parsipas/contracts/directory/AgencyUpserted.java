package vn.parsipas.contracts.directory;

import java.time.Instant;
import java.util.List;

import vn.parsipas.contracts.Event;
import vn.parsipas.contracts.Lists;

public record AgencyUpserted(
        String code,
        String name,
        String kind,
        String parentCode,
        List<String> emails,
        String webhookUrl,
        boolean active,
        Instant updatedAt) implements Event {

    public AgencyUpserted {
        emails = Lists.orEmpty(emails);
    }

    @Override
    public String subject() {
        return code;
    }
}

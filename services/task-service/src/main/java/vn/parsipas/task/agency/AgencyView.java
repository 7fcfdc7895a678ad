package vn.parsipas.task.agency;

import java.time.Instant;
import java.util.List;

/** An agency as the API shows it. */
public record AgencyView(String code, String name, String kind, String parentCode, List<String> emails,
        String webhookUrl, boolean active, Instant createdAt, Instant updatedAt) {

    static AgencyView of(Agency agency) {
        return new AgencyView(agency.code, agency.name, agency.kind, agency.parentCode, List.of(agency.emails),
                agency.webhookUrl, agency.active, agency.createdAt, agency.updatedAt);
    }

    /** As agency staff see it: without the webhook URL. */
    AgencyView withoutWebhook() {
        return new AgencyView(code, name, kind, parentCode, emails, null, active, createdAt, updatedAt);
    }
}

package vn.parsipas.survey.receipt;

import java.time.Instant;

/** A registered receipt code: the dossier's agency and procedure, until when it accepts a response, and its response. */
public record Receipt(String code, String agencyCode, String procedureCode, String channel, Instant expiresAt,
        String responseId, Instant usedAt) {

    public boolean isUsed() {
        return responseId != null;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}

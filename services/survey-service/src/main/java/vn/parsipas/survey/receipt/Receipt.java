package vn.parsipas.survey.receipt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

import vn.parsipas.platform.text.Sha256;

/**
 * A registered receipt code: the dossier's agency and procedure, until when it accepts a response,
 * its response, and the hash of the PIN printed beside it (null when registered without one).
 */
public record Receipt(String code, String agencyCode, String procedureCode, String channel, Instant expiresAt,
        String responseId, Instant usedAt, String pinHash) {

    /** What is stored of a PIN: SHA-256 of "code:pin", so that the table shows no PIN. */
    public static String pinHash(String code, String pin) {
        return Sha256.hex(code + ":" + pin);
    }

    /** Whether {@code pin} is the one printed beside this code; compared in constant time. */
    public boolean hasPin(String pin) {
        return pinHash != null && pin != null && MessageDigest.isEqual(pinHash.getBytes(StandardCharsets.US_ASCII),
                pinHash(code, pin).getBytes(StandardCharsets.US_ASCII));
    }

    public boolean isUsed() {
        return responseId != null;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}

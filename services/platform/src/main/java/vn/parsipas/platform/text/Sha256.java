package vn.parsipas.platform.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;

import vn.parsipas.contracts.EventJson;

/** SHA-256 in lower-case hex: fingerprints of request bodies, plan files and stored definitions, hashed PINs. */
public final class Sha256 {
    private Sha256() {
    }

    /** The hash of the parts joined by a zero byte, so that ("ab", "c") and ("a", "bc") differ. */
    public static String hex(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    digest.update((byte) 0);
                }
                digest.update(parts[i]);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The hash of a value as JSON, written as events are (contracts' {@link EventJson}). */
    public static String ofJson(Object value) {
        try {
            return hex(EventJson.mapper().writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

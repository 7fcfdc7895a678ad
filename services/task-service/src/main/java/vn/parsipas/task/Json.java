package vn.parsipas.task;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;

import vn.parsipas.contracts.EventJson;

/**
 * JSON as the service stores it (the event conventions of {@link EventJson}), and SHA-256 fingerprints:
 * of plan files, of stored definitions, of requests sent with an Idempotency-Key.
 */
public final class Json {
    private Json() {
    }

    public static String write(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads what {@link #write} stored; failing means the database holds something the service never wrote. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }

    public static String fingerprint(Object value) {
        return sha256(write(value).getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

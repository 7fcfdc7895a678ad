package vn.parsipas.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code X-Parsipas-Signature: sha256=<hex>}, the lower-case hex HMAC-SHA256
 * of the exact body bytes (UTF-8) keyed with the agency's secret (its UTF-8 bytes).
 */
public final class WebhookSigner {
    public static final String SIGNATURE = "X-Parsipas-Signature";
    public static final String DELIVERY = "X-Parsipas-Delivery";
    public static final String EVENT = "X-Parsipas-Event";
    public static final String TIMESTAMP = "X-Parsipas-Timestamp";
    public static final String ATTEMPT = "X-Parsipas-Attempt";

    private WebhookSigner() {
    }

    public static String signature(String secret, String body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret, body.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}

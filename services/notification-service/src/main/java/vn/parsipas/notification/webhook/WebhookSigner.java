package vn.parsipas.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature, as the well-known payment webhooks sign: {@code X-Parsipas-Signature: t=<unix
 * seconds>,v1=<hex>}, the lower-case hex HMAC-SHA256 of {@code <t>.<exact body bytes>} keyed with the
 * agency's secret (its UTF-8 bytes). The timestamp being signed, a receiver can refuse old calls.
 */
public final class WebhookSigner {
    public static final String SIGNATURE = "X-Parsipas-Signature";
    public static final String DELIVERY = "X-Parsipas-Delivery";
    public static final String EVENT = "X-Parsipas-Event";
    public static final String TIMESTAMP = "X-Parsipas-Timestamp";
    public static final String ATTEMPT = "X-Parsipas-Attempt";

    private WebhookSigner() {
    }

    public static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}

package vn.parsipas.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.notification.NotificationConfig;
import vn.parsipas.platform.time.BusinessTime;

/**
 * The agencies' webhook secrets, encrypted at rest with AES-256-GCM under the key from configuration
 * ({@code parsipas.notification.webhook.secret-key}); the agency code is bound in as associated data,
 * so a row copied to another agency does not decrypt. Rows stored in clear by earlier versions are
 * encrypted at startup.
 */
@ApplicationScoped
public class WebhookSecrets {
    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);
    private static final int NONCE = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    public WebhookSecrets(NotificationConfig config) {
        byte[] bytes = Base64.getDecoder().decode(config.webhook().secretKey());
        if (bytes.length != 32) {
            throw new IllegalArgumentException("parsipas.notification.webhook.secret-key must be 32 bytes, base64-encoded");
        }
        key = new SecretKeySpec(bytes, "AES");
    }

    void start(@Observes @Priority(20) StartupEvent startup) {
        encryptClearRows().await().atMost(Duration.ofSeconds(30));
    }

    public Uni<Void> store(String agencyCode, String secret) {
        return pool.preparedQuery("insert into webhook_secret (agency_code, secret, encrypted, updated_at) values ($1, $2, true, $3) "
                        + "on conflict (agency_code) do update set secret = excluded.secret, encrypted = true, updated_at = excluded.updated_at")
                .execute(Tuple.of(agencyCode, seal(agencyCode, secret), BusinessTime.utc(clock.instant()))).replaceWithVoid();
    }

    /** The secret as stored ({@code encrypted} false for a row an earlier version wrote in clear). */
    public String reveal(String agencyCode, String stored, boolean encrypted) {
        if (stored == null || !encrypted) {
            return stored;
        }
        byte[] sealed = Base64.getDecoder().decode(stored);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, NONCE));
            cipher.updateAAD(agencyCode.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed, NONCE, sealed.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the webhook secret of " + agencyCode + " does not decrypt with the configured key", e);
        }
    }

    /** Encrypts the rows still in clear, each replica safely (rows locked, each encrypted once). */
    public Uni<Integer> encryptClearRows() {
        return pool.withTransaction(sql -> sql.query("select agency_code, secret from webhook_secret where not encrypted for update")
                .execute().chain(rows -> {
                    List<Tuple> sealed = new ArrayList<>();
                    rows.forEach(row -> sealed.add(Tuple.of(row.getString("agency_code"),
                            seal(row.getString("agency_code"), row.getString("secret")))));
                    return sealed.isEmpty() ? Uni.createFrom().item(0)
                            : sql.preparedQuery("update webhook_secret set secret = $2, encrypted = true where agency_code = $1")
                                    .executeBatch(sealed).replaceWith(sealed.size());
                }))
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("encrypted %d webhook secrets stored in clear", count);
                    }
                });
    }

    private String seal(String agencyCode, String secret) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(agencyCode.getBytes(StandardCharsets.UTF_8));
            byte[] encrypted = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = new byte[NONCE + encrypted.length];
            System.arraycopy(nonce, 0, sealed, 0, NONCE);
            System.arraycopy(encrypted, 0, sealed, NONCE, encrypted.length);
            return Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

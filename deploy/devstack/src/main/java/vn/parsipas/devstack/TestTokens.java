package vn.parsipas.devstack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Bearer tokens minted in the test JVM: RS256 JWTs shaped like the parsipas realm's (audience, realm
 * roles, {@code agency}, {@code azp}, data-provider claims), signed with a key pair made for this JVM.
 * {@link DevStackTestResource} gives the services the public key, so they verify these tokens
 * exactly as they verify Keycloak's — only the issuer differs. JDK only.
 */
public final class TestTokens {
    public static final String ISSUER = "https://parsipas.test/minted";
    /** The audience the realm's API clients put in their tokens and the services require. */
    public static final String AUDIENCE = "parsipas-api";
    private static final String PRIVATE_KEY_PROPERTY = "parsipas.test-tokens.private-key";
    private static final String PUBLIC_KEY_PROPERTY = "parsipas.test-tokens.public-key";
    private static final KeyPair KEYS = generate();

    private TestTokens() {
    }

    /** The public key, Base64 (X.509), as {@code quarkus.oidc.public-key} takes it. */
    public static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    public static String coordinator() {
        return user("coordinator.test", "coordinator", "SO-NOI-VU");
    }

    public static String staff(String agency) {
        return user("staff." + agency.toLowerCase(), "agency-staff", agency);
    }

    public static String operator() {
        return user("operator.test", "operator", null);
    }

    public static String user(String username, String role, String agency) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("preferred_username", username);
        claims.put("azp", "parsipas-web");
        if (agency != null) {
            claims.put("agency", agency);
        }
        return mint(username, List.of(role), claims);
    }

    /** A data provider's client-credentials token: its client id and what it may push. */
    public static String dataProvider(String clientId, List<String> indicators, List<String> questionnaires) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("preferred_username", "service-account-" + clientId);
        claims.put("azp", clientId);
        claims.put("allowed_indicators", indicators);
        claims.put("allowed_questionnaires", questionnaires);
        return mint("service-account-" + clientId, List.of("data-provider"), claims);
    }

    public static String mint(String subject, List<String> roles, Map<String, Object> claims) {
        Instant now = Instant.now();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", ISSUER);
        payload.put("sub", subject);
        payload.put("aud", AUDIENCE);
        payload.put("jti", UUID.randomUUID().toString());
        payload.put("iat", now.getEpochSecond());
        payload.put("exp", now.plusSeconds(3600).getEpochSecond());
        payload.put("typ", "Bearer");
        payload.put("realm_access", Map.of("roles", roles));
        payload.putAll(claims);
        String signingInput = base64Url(json(Map.of("alg", "RS256", "typ", "JWT"))) + "." + base64Url(json(payload));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(KEYS.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Enough JSON for claims: strings, numbers, lists and maps of those. */
    static String json(Object value) {
        if (value instanceof String text) {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(TestTokens::json).collect(Collectors.joining(",", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> json(e.getKey().toString()) + ":" + json(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        throw new IllegalArgumentException("unsupported claim value " + value);
    }

    /**
     * One key pair per JVM, kept in system properties: Quarkus loads test resources and tests in
     * different class loaders, and both must sign and verify with the same key.
     */
    private static synchronized KeyPair generate() {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            String privateKey = System.getProperty(PRIVATE_KEY_PROPERTY);
            if (privateKey == null) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                System.setProperty(PRIVATE_KEY_PROPERTY, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
                System.setProperty(PUBLIC_KEY_PROPERTY, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
                return pair;
            }
            return new KeyPair(
                    factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(System.getProperty(PUBLIC_KEY_PROPERTY)))),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package vn.parsipas.system;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * An agency's webhook endpoint: HTTPS on localhost with a self-signed certificate made by the JDK's
 * keytool, keeping every request with its headers and raw body.
 */
final class WebhookReceiver implements AutoCloseable {
    static final String STORE_PASSWORD = "local-only-webhook";

    /** A request as it arrived. */
    record Received(String path, Map<String, String> headers, byte[] body, java.time.Instant at) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /**
         * The check an agency performs (docs/notification-service.md): {@code X-Parsipas-Signature: t=<unix>,v1=<hex>},
         * hex the HMAC-SHA256 of {@code <t>.<raw body>} with its secret, and t within five minutes of its arrival.
         */
        boolean signedWith(String secret) {
            String signature = headers.getOrDefault("x-parsipas-signature", "");
            java.util.regex.Matcher parts = java.util.regex.Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})").matcher(signature);
            if (!parts.matches() || Math.abs(at.getEpochSecond() - Long.parseLong(parts.group(1))) > 300) {
                return false;
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                mac.update((parts.group(1) + ".").getBytes(StandardCharsets.UTF_8));
                String expected = java.util.HexFormat.of().formatHex(mac.doFinal(body));
                return java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                        parts.group(2).getBytes(StandardCharsets.US_ASCII));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpsServer server;
    private final Path trustStore;
    final List<Received> received = new CopyOnWriteArrayList<>();

    private WebhookReceiver(HttpsServer server, Path trustStore) {
        this.server = server;
        this.trustStore = trustStore;
    }

    static WebhookReceiver start(Path dir) throws Exception {
        Path keyStore = dir.resolve("webhook.p12");
        Path trustStore = dir.resolve("trust.p12");
        Path cert = dir.resolve("webhook.crt");
        Files.deleteIfExists(keyStore);
        Files.deleteIfExists(trustStore);
        keytool("-genkeypair", "-alias", "webhook", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "30", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD);
        keytool("-exportcert", "-alias", "webhook", "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD,
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "webhook", "-file", cert.toString(), "-storetype", "PKCS12",
                "-keystore", trustStore.toString(), "-storepass", STORE_PASSWORD);

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keyStore.toFile())) {
            keys.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, STORE_PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);

        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        WebhookReceiver receiver = new WebhookReceiver(server, trustStore);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            receiver.received.add(new Received(exchange.getRequestURI().getPath(), headers, body, java.time.Instant.now()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return receiver;
    }

    /** The URL an agency registers: {@code https://127.0.0.1:<port>/<path>} (the certificate names that address). */
    String url(String path) {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    Path trustStore() {
        return trustStore;
    }

    List<Received> to(String path) {
        return received.stream().filter(r -> r.path().equals("/" + path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
        }
    }
}

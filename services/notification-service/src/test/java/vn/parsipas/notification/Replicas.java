package vn.parsipas.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import vn.parsipas.devstack.DevStackProcess;
import vn.parsipas.devstack.ServiceJvm;
import vn.parsipas.devstack.TestTokens;

/**
 * Replicas of the packaged service (target/quarkus-app), each a separate JVM in the prod profile,
 * sharing devstack's Kafka and one PostgreSQL database, as Kubernetes would run them.
 */
public final class Replicas implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    public final DevStackProcess engines = DevStackProcess.shared();

    public Replicas(int count, String database, int smtpPort, Map<String, String> settings) throws Exception {
        engines.ensureDatabase(database);
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run through 'mvn verify' (the package phase builds it)");
        }
        for (int i = 0; i < count; i++) {
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(ServiceJvm.command(Path.of("../.."), jar,
                            System.getProperty("replica.jvm-option", "-Dreplica=" + i)))
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target", database + "-replica-" + (i + 1) + ".log").toFile());
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("KAFKA_BOOTSTRAP_SERVERS", engines.kafkaBootstrapServers());
            env.put("QUARKUS_DATASOURCE_JDBC_URL", engines.jdbcUrl(database));
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", engines.reactiveUrl(database));
            env.put("QUARKUS_DATASOURCE_USERNAME", engines.postgresUser());
            env.put("QUARKUS_DATASOURCE_PASSWORD", engines.postgresPassword());
            env.put("QUARKUS_MAILER_PORT", String.valueOf(smtpPort));
            env.put("QUARKUS_LOG_CONSOLE_JSON", "false");
            // Verify the bearer tokens the tests mint, as the in-JVM service does.
            env.put("QUARKUS_OIDC_PUBLIC_KEY", TestTokens.publicKey());
            // The test webhook receiver: HTTPS with a self-signed certificate, on 127.0.0.1 (allowed for tests only).
            env.put("JAVA_TOOL_OPTIONS", "-Djavax.net.ssl.trustStore=" + WebhookReceiver.TRUST_STORE
                    + " -Djavax.net.ssl.trustStorePassword=" + WebhookReceiver.STORE_PASSWORD);
            env.put("PARSIPAS_WEBHOOK_ALLOWED_RANGES", "127.0.0.1/32");
            env.put("PARSIPAS_NOTIFICATION_WEBHOOK_SECRET_KEY", "bG9jYWwtb25seS10ZXN0LWtleS0wMTIzNDU2Nzg5YWI=");
            env.putAll(settings);
            processes.add(builder.start());
            ports.add(port);
        }
        for (int port : ports) {
            awaitReady(port);
        }
    }

    public String url(int replica) {
        return "http://127.0.0.1:" + ports.get(replica);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitReady(int port) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("replica on port " + port + " not ready within 2 minutes");
    }

    @Override
    public void close() throws InterruptedException {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}

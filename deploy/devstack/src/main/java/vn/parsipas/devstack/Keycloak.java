package vn.parsipas.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real Keycloak from its distribution on Maven Central ({@code org.keycloak:keycloak-quarkus-dist},
 * unpacked by the build), in development mode with an in-memory database, the {@code parsipas}
 * realm of deploy/keycloak imported, on free loopback ports.
 */
public final class Keycloak implements AutoCloseable {
    public static final String REALM = "parsipas";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private final Process process;
    private final int port;

    private Keycloak(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Keycloak start(StateDirectory state) {
        Instant begin = Instant.now();
        Path home = home();
        int port = Ports.fixedOrFree("keycloak");
        Path log = state.resolve("keycloak.log");
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            try (InputStream realm = Keycloak.class.getResourceAsStream("/keycloak/parsipas-realm.json")) {
                Files.copy(realm, imports.resolve("parsipas-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            ProcessBuilder builder = new ProcessBuilder(List.of("bash", home.resolve("bin/kc.sh").toString(),
                    "start-dev", "--http-host=127.0.0.1", "--http-port=" + port,
                    "--http-management-port=" + Ports.free(), "--import-realm", "--db=dev-mem",
                    "--cache=local", "--log-level=warn"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx256m");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "local-only-admin");
            Process process = builder.start();
            state.registerProcess("keycloak", process.pid());
            Keycloak keycloak = new Keycloak(process, port);
            keycloak.awaitReady(log);
            System.out.printf("devstack: Keycloak ready on %s in %d ms (pid %d)%n", keycloak.url(),
                    Duration.between(begin, Instant.now()).toMillis(), process.pid());
            return keycloak;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Keycloak from " + home, e);
        }
    }

    /** The server's base URL; the realm's issuer is {@code url() + "/realms/parsipas"}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitReady(Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(
                URI.create(url() + "/realms/" + REALM + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            KafkaBroker.sleep(500);
        }
        close();
        throw new IllegalStateException("Keycloak not ready after " + READY_TIMEOUT + "; see " + log);
    }

    private static Path home() {
        try (InputStream in = Keycloak.class.getResourceAsStream("/devstack.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            Path home = Path.of(properties.getProperty("keycloak.home"));
            if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
                throw new IllegalStateException("Keycloak distribution missing at " + home + ": build deploy/devstack");
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

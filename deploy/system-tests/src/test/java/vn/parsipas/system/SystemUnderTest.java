package vn.parsipas.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import vn.parsipas.devstack.Engines;
import vn.parsipas.devstack.Suite;
import vn.parsipas.devstack.SuiteClient;
import vn.parsipas.devstack.TestKafka;

/**
 * The whole suite as the README's run command starts it — real Kafka, PostgreSQL and Keycloak, the
 * four packaged services as separate JVMs — plus what the agencies run: an SMTP server (GreenMail)
 * and an HTTPS webhook receiver. Started once per test JVM, stopped when it exits. Every service's
 * clock can be moved (test-and-demo switch {@code PARSIPAS_CLOCK_ADJUSTABLE}, operator role only).
 */
final class SystemUnderTest {
    static final ObjectMapper JSON = new ObjectMapper();
    private static SystemUnderTest instance;

    final Path repo = Path.of(System.getProperty("parsipas.repo", "../..")).toAbsolutePath().normalize();
    final Engines engines;
    final GreenMail smtp;
    final WebhookReceiver webhooks;
    final Suite suite;
    final SuiteClient client;
    final Instant startedAt = Instant.now();
    final Duration startTime;

    private SystemUnderTest() throws Exception {
        Instant begin = Instant.now();
        engines = Engines.start(true, true, true);
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        webhooks = WebhookReceiver.start(Files.createDirectories(repo.resolve("deploy/system-tests/target/webhook-tls")));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PARSIPAS_CLOCK_ADJUSTABLE", "true");
        // the scenarios begin before the 2025 deadlines they let pass
        env.put("PARSIPAS_CLOCK_START", "2025-11-20T00:00:00Z");
        env.put("PARSIPAS_TASK_DEADLINES_CHECK_INTERVAL", "1s");
        env.put("PARSIPAS_INDICATOR_EVALUATION_INTERVAL", "1s");
        env.put("PARSIPAS_NOTIFICATION_PASSES_EVERY", "1s");
        env.put("PARSIPAS_NOTIFICATION_EMAIL_POLL", "1s");
        env.put("PARSIPAS_NOTIFICATION_EMAIL_DIGEST_WINDOW", "PT1S");
        env.put("PARSIPAS_NOTIFICATION_WEBHOOK_POLL", "1s");
        env.put("PARSIPAS_SURVEY_INDICES_TICK", "1s");
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", String.valueOf(smtp.getSmtp().getPort()));
        // The agencies' webhook endpoint has a self-signed certificate; the services trust it.
        env.put("JAVA_TOOL_OPTIONS", "-Djavax.net.ssl.trustStore=" + webhooks.trustStore()
                + " -Djavax.net.ssl.trustStorePassword=" + WebhookReceiver.STORE_PASSWORD);
        suite = Suite.start(repo, engines, env, false);
        client = new SuiteClient(engines.addresses().get("keycloak.url"));
        startTime = Duration.between(begin, Instant.now());
        System.out.printf("[system] engines, SMTP, webhook receiver and four services ready in %d s%n", startTime.toSeconds());
    }

    static synchronized SystemUnderTest get() {
        if (instance == null) {
            try {
                instance = new SystemUnderTest();
            } catch (Exception e) {
                throw new IllegalStateException("could not start the suite", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                instance.suite.close();
                instance.webhooks.close();
                instance.smtp.stop();
                instance.engines.close();
            }, "system-under-test-stop"));
        }
        return instance;
    }

    String url(String service) {
        return suite.url(service);
    }

    TestKafka kafka() {
        return new TestKafka(engines.addresses().get("kafka.bootstrap.servers"));
    }

    /** Moves the clock of every running instance of every service (operator token). */
    void moveClocks(Instant now) {
        String operator = client.userToken("operator");
        for (String service : Suite.SERVICES) {
            for (Suite.Instance instance : suite.instances(service)) {
                SuiteClient.Answer answer = client.put(instance.url() + "/api/v1/admin/clock", operator,
                        "{\"now\":\"" + now + "\"}");
                assertThat(answer.status()).as("moving %s's clock: %s", service, answer.body()).isEqualTo(200);
            }
        }
    }

    static JsonNode json(SuiteClient.Answer answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON (" + answer.status() + "): " + answer.body(), e);
        }
    }

    private static int freePort() throws java.io.IOException {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

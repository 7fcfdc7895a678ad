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
    /** Numbers as written (a double would turn 1e999999999 into Infinity and 1e-999999999 into 0). */
    static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static SystemUnderTest instance;

    final Path repo = Path.of(System.getProperty("parsipas.repo", "../..")).toAbsolutePath().normalize();
    final Engines engines;
    final GreenMail smtp;
    final WebhookReceiver webhooks;
    final OtlpReceiver traces;
    final Suite suite;
    final SuiteClient client;
    final Instant startedAt = Instant.now();
    final Duration startTime;
    private final Map<String, String> pins = new java.util.concurrent.ConcurrentHashMap<>();

    private SystemUnderTest() throws Exception {
        Instant begin = Instant.now();
        engines = Engines.start(true, true, true);
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        webhooks = WebhookReceiver.start(Files.createDirectories(repo.resolve("deploy/system-tests/target/webhook-tls")));
        traces = OtlpReceiver.start();
        Map<String, String> env = new LinkedHashMap<>();
        // Tracing on, as the chart's tracing.otlpEndpoint turns it on, towards the test's own collector.
        env.put("QUARKUS_OTEL_SDK_DISABLED", "false");
        env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", traces.url());
        env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf");
        env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "1s");
        env.put("PARSIPAS_DEMO", "true");
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
        // The tests play the ingress: each citizen's address comes in X-Forwarded-For, as the chart's controller sends it.
        env.put("PARSIPAS_SURVEY_FORM_LIMITS_TRUSTED_PROXIES", "127.0.0.1/32");
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", String.valueOf(smtp.getSmtp().getPort()));
        // The agencies' webhook endpoint has a self-signed certificate; the services trust it.
        // -Dbench.jfr=<folder>: every service records its whole run (JFR profile settings, written at exit).
        String recordings = System.getProperty("bench.jfr");
        env.put("JAVA_TOOL_OPTIONS", "-Djavax.net.ssl.trustStore=" + webhooks.trustStore()
                + " -Djavax.net.ssl.trustStorePassword=" + WebhookReceiver.STORE_PASSWORD
                + (recordings == null ? "" : " -XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + recordings + "/"));
        suite = Suite.start(repo, engines, env, false);
        client = new SuiteClient(engines.addresses().get("keycloak.url"));
        startTime = Duration.between(begin, Instant.now());
        System.out.printf("[system] engines, SMTP, webhook and OTLP receivers and four services ready in %d s%n", startTime.toSeconds());
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
                instance.traces.close();
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

    /** The suite's business clock now (task-service's; tests move all of them together). */
    Instant businessNow() {
        SuiteClient.Answer now = client.get(url("task") + "/api/v1/admin/clock", client.userToken("operator"));
        return Instant.parse(json(now).path("now").asText());
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

    /** A connection to a service's own database. */
    java.sql.Connection connect(String database) throws java.sql.SQLException {
        Map<String, String> addresses = engines.addresses();
        return java.sql.DriverManager.getConnection("jdbc:postgresql://" + addresses.get("postgres.host") + ":"
                + addresses.get("postgres.port") + "/" + database, vn.parsipas.devstack.Postgres.USER,
                vn.parsipas.devstack.Postgres.PASSWORD);
    }

    /** A count from a service's own database: how the tests check that nothing was lost or doubled. */
    long count(String database, String sql) {
        try (java.sql.Connection connection = connect(database);
                java.sql.ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            return -1; // the database is restarting: the caller polls again
        }
    }

    /**
     * The dead-letter reasons of the records whose key starts with {@code keyPrefix} on these
     * dead-letter topics, read until the topics stay quiet for two seconds.
     */
    java.util.List<String> deadLetters(String keyPrefix, String... topics) {
        java.util.Properties config = new java.util.Properties();
        config.put(org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, engines.addresses().get("kafka.bootstrap.servers"));
        config.put(org.apache.kafka.clients.consumer.ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        var bytes = new org.apache.kafka.common.serialization.ByteArrayDeserializer();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(config, bytes, bytes)) {
            java.util.List<org.apache.kafka.common.TopicPartition> partitions = new java.util.ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new org.apache.kafka.common.TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            java.util.List<String> reasons = new java.util.ArrayList<>();
            long quiet = System.currentTimeMillis() + 4_000;
            while (System.currentTimeMillis() < quiet) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && new String(record.key(), java.nio.charset.StandardCharsets.UTF_8).startsWith(keyPrefix)) {
                        var reason = record.headers().lastHeader("dead-letter-reason");
                        assertThat(reason).as("a dead letter says why").isNotNull();
                        reasons.add(new String(reason.value(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                    quiet = System.currentTimeMillis() + 2_000;
                }
            }
            return reasons;
        }
    }

    /**
     * Watches every instance's liveness every five seconds for {@code outage}, as a Kubernetes
     * liveness probe would: the answers that were not 200 (a healthy service waiting out an engine
     * must not be declared dead; readiness may go DOWN, that is what it is for).
     */
    java.util.List<String> livenessFailuresDuring(Duration outage) throws InterruptedException {
        java.util.List<String> failures = new java.util.ArrayList<>();
        Instant end = Instant.now().plus(outage);
        while (Instant.now().isBefore(end)) {
            for (String service : Suite.SERVICES) {
                for (Suite.Instance instance : suite.instances(service)) {
                    SuiteClient.Answer live = client.get(instance.url() + "/q/health/live", null);
                    if (live.status() != 200) {
                        failures.add(service + " " + live.status() + " " + live.body());
                    }
                }
            }
            Thread.sleep(5_000);
        }
        return failures;
    }

    /** Receipt codes of Sở Tư pháp registered by iGate, as the one-stop-shop system does, 1,000 per request. */
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    java.util.List<String> registerReceipts(String run, int count) {
        java.util.List<String> codes = new java.util.ArrayList<>();
        String igate = client.systemToken("igate");
        for (int from = 0; from < count; from += 1000) {
            com.fasterxml.jackson.databind.node.ArrayNode receipts = JSON.createArrayNode();
            for (int i = from; i < Math.min(count, from + 1000); i++) {
                String code = run + "-" + i;
                String pin = String.format("%06d", RANDOM.nextInt(1_000_000));
                codes.add(code);
                pins.put(code, pin);
                receipts.addObject().put("receiptCode", code).put("agencyCode", "SO-TU-PHAP").put("procedureCode", "1.001193")
                        .put("pin", pin);
            }
            SuiteClient.Answer answer = client.post(url("survey") + "/api/v1/receipt-codes", igate, "{\"receiptCodes\":" + receipts + "}");
            assertThat(answer.status()).as(answer.body()).isBetween(200, 201);
            assertThat(json(answer).path("status").asText()).as(answer.body()).isEqualTo("OK");
        }
        return codes;
    }

    /** The PIN printed beside a code that {@link #registerReceipts} registered. */
    String pin(String receiptCode) {
        return pins.get(receiptCode);
    }

    /**
     * A SurveyResponseSubmitted document built from the contract's example, for Sở Tư pháp: with the
     * code's PIN, as a kiosk that scanned the receipt's QR code sends it (null code: no PIN either).
     */
    com.fasterxml.jackson.databind.node.ObjectNode surveyResponse(String receiptCode, int score) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode response = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(
                    repo.resolve("contracts/examples/survey-response-submitted.v1.json").toFile());
            response.put("responseId", java.util.UUID.randomUUID().toString());
            response.put("receiptCode", receiptCode);
            response.put("receiptPin", receiptCode == null ? null : pins.get(receiptCode));
            response.put("agencyCode", "SO-TU-PHAP");
            response.put("submittedAt", "2025-12-20T03:00:00Z");
            com.fasterxml.jackson.databind.node.ArrayNode answers = response.putArray("answers");
            for (String question : java.util.List.of("2.2.1-q1", "2.2.1-q2", "2.2.2-q1", "2.2.3-q1")) {
                answers.addObject().put("questionId", question).put("score", score);
            }
            return response;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
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

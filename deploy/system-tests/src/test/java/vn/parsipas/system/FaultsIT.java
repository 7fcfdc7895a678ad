package vn.parsipas.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.parsipas.devstack.Postgres;
import vn.parsipas.devstack.Suite;
import vn.parsipas.devstack.SuiteClient.Answer;

/**
 * Faults while facts flow, each checked by counting what arrived against what was sent: nothing
 * lost, nothing doubled. The services are killed with SIGKILL (no shutdown hook), the broker and
 * the database are restarted under them, every service runs twice, events come twice, and a
 * thousand hostile inputs get clear errors or dead-letter records.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {
    static final Duration PATIENCE = Duration.ofMinutes(4);
    static final String TASK_OVERDUE = "vn.parsipas.task.overdue.v1";
    static final String OBSERVED = "vn.parsipas.indicator.observed.v1";
    static final String RESPONSE = "vn.parsipas.sipas.response-submitted.v1";
    static final String INDICATOR = "online-payment-dossier-rate";

    static SystemUnderTest sut;
    static ExternalProducer kafka;

    @BeforeAll
    static void start() {
        sut = SystemUnderTest.get();
        kafka = new ExternalProducer(sut.engines.addresses().get("kafka.bootstrap.servers"), sut.repo);
    }

    @Test
    @Order(1)
    void aThousandHostileInputsGetClearErrorsOrDeadLetters() throws Exception {
        String run = "hostile-" + UUID.randomUUID().toString().substring(0, 6);
        List<String> refusals = new ArrayList<>();
        String igate = sut.client.systemToken("igate");
        String kiosk = sut.client.systemToken("survey-kiosk");
        String coordinator = sut.client.userToken("coordinator.snv");
        List<byte[]> hostileValues = hostileValues();
        int rest = 0;
        for (int i = 0; i < 500; i++) {
            byte[] body = hostileValues.get(i % hostileValues.size());
            String target = switch (i % 3) {
                case 0 -> sut.url("indicator") + "/api/v1/observations|" + igate;
                case 1 -> sut.url("survey") + "/api/v1/responses|" + kiosk;
                default -> sut.url("task") + "/api/v1/tasks|" + coordinator;
            };
            String[] parts = target.split("\\|");
            HttpResponse<String> answer = postBytes(parts[0], parts[1], wrap(i % 3, body),
                    Map.of("Idempotency-Key", run + "-rest-" + i));
            rest++;
            String type = answer.headers().firstValue("content-type").orElse("");
            if (answer.statusCode() == 200 && i % 3 == 0 && nothingImported(answer.body())) {
                continue; // indicator-service answers a batch item by item: every item rejected, with its reason
            }
            if (answer.statusCode() < 400 || answer.statusCode() >= 500
                    || (answer.statusCode() != 413 && !type.startsWith("application/problem+json"))
                    || answer.body().contains("Exception") || answer.body().contains("at vn.parsipas")) {
                refusals.add(parts[0] + " " + answer.statusCode() + " " + type + " " + abbreviate(answer.body()));
            }
        }
        assertThat(refusals).as("REST answers that were not a clear 4xx problem").isEmpty();

        int sent = 0;
        for (int i = 0; i < 500; i++) {
            String topic = i % 2 == 0 ? "indicators.observations.v1" : "sipas.responses.v1";
            kafka.send(topic, run + "-" + i, hostileRecord(i, topic));
            sent++;
        }
        kafka.flush();
        int expected = sent;
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deadLetters(run)).isEqualTo(expected));
        assertThat(rest + sent).isEqualTo(1000);
        for (String service : Suite.SERVICES) {
            assertThat(sut.client.get(sut.url(service) + "/q/health/ready", null).status()).isEqualTo(200);
        }
        assertThat(sut.count("indicator", "select count(*) from observation where scope like '%<%' or indicator_code like '%''%'")).isZero();
    }

    @Test
    @Order(2)
    void theSameHundredThousandEventsDeliveredTwiceAreStoredOnce() {
        int events = Integer.getInteger("faults.duplicates", 100_000);
        List<String> envelopes = new ArrayList<>(events);
        // one day each, far enough in the past that 100,000 of them end before today (periods may not be in the future)
        LocalDate first = LocalDate.of(1740, 1, 1);
        for (int i = 0; i < events; i++) {
            String period = first.plusDays(i).toString();
            ObjectNode data = kafka.example("indicator-observed.v1");
            data.put("indicatorCode", INDICATOR).put("scope", "PROVINCE").put("period", period).put("value", 40 + i % 50)
                    .put("observedAt", "2025-07-01T01:00:00Z").remove(List.of("sourceSystem", "note"));
            envelopes.add(kafka.envelope("dup-" + i, OBSERVED, "indicator-observed.v1", "/igate", INDICATOR + "/PROVINCE/" + period, data));
        }
        Instant begin = Instant.now();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < events; i++) {
                kafka.send("indicators.observations.v1", INDICATOR + "/PROVINCE", envelopes.get(i));
            }
            kafka.flush();
        }
        String stored = "select count(*) from observation where indicator_code = '" + INDICATOR
                + "' and period between '1740' and '2020'";
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(sut.count("indicator", stored)).isEqualTo(events));
        System.out.printf("[system] duplicates: %d events sent twice, %d stored, in %d s%n", events, events,
                Duration.between(begin, Instant.now()).toSeconds());
        assertThat(sut.count("indicator", "select count(*) from observation_history where indicator_code = '" + INDICATOR
                + "' and period between '1740' and '2020'")).as("a redelivery is not a correction").isZero();
    }

    @Test
    @Order(3)
    void killingNotificationServiceWhileTenThousandFactsFlowLosesAndDoublesNothing() throws Exception {
        String run = "kill-" + UUID.randomUUID().toString().substring(0, 6);
        int facts = 10_000;
        sendOverdueFacts(run, facts);
        await().atMost(PATIENCE).until(() -> alerts(run) >= 1_000);
        sut.suite.kill("notification");
        sut.suite.restart("notification");
        awaitExactly(() -> alerts(run), facts);
        awaitExactly(() -> sut.count("notification", "select count(*) from delivery d join alert a on a.id = d.alert_id "
                + "where a.subject_id like '" + run + "%' and d.channel = 'inbox'"), facts);
    }

    @Test
    @Order(4)
    void killingIndicatorServiceWhileTenThousandObservationsFlowLosesAndDoublesNothing() throws Exception {
        int observations = 10_000;
        for (int i = 0; i < observations; i++) {
            String period = LocalDate.of(1650, 1, 1).plusDays(i).toString();
            ObjectNode data = kafka.example("indicator-observed.v1");
            data.put("indicatorCode", INDICATOR).put("scope", "PROVINCE").put("period", period).put("value", 55.5)
                    .remove(List.of("sourceSystem", "note"));
            kafka.send("indicators.observations.v1", INDICATOR + "/PROVINCE",
                    kafka.envelope("kill-ind-" + i, OBSERVED, "indicator-observed.v1", "/igate", INDICATOR, data));
        }
        kafka.flush();
        String stored = "select count(*) from observation where indicator_code = '" + INDICATOR
                + "' and period between '1650' and '1700'";
        await().atMost(PATIENCE).until(() -> sut.count("indicator", stored) >= 500);
        sut.suite.kill("indicator");
        sut.suite.restart("indicator");
        awaitExactly(() -> sut.count("indicator", stored), observations);
    }

    @Test
    @Order(5)
    void killingSurveyServiceWhileResponsesFlowLosesAndDoublesNothing() throws Exception {
        String run = "KILL-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        int responses = Integer.getInteger("faults.responses", 5_000);
        List<String> codes = sut.registerReceipts(run, responses);
        for (String code : codes) {
            // before the clock a restarted service starts with (PARSIPAS_CLOCK_START): not "in the future"
            ObjectNode data = sut.surveyResponse(code, 4).put("submittedAt", "2025-11-10T03:00:00Z");
            kafka.send("sipas.responses.v1", code, kafka.envelope(data.path("responseId").asText(), RESPONSE,
                    "survey-response-submitted.v1", "/survey-kiosk", code, data));
        }
        kafka.flush();
        String stored = "select count(*) from survey_response where receipt_code like '" + run + "%'";
        await().atMost(PATIENCE).until(() -> sut.count("survey", stored) >= 300);
        sut.suite.kill("survey");
        sut.suite.restart("survey");
        awaitExactly(() -> sut.count("survey", stored), responses);
    }

    @Test
    @Order(6)
    void killingTaskServiceWhileTasksAreAssignedLosesAndDoublesNothing() throws Exception {
        String run = "kill-task-" + UUID.randomUUID().toString().substring(0, 6);
        int tasks = 300;
        AtomicInteger failures = new AtomicInteger();
        String coordinator = sut.client.userToken("coordinator.snv");
        for (int i = 0; i < tasks; i++) {
            if (i == tasks / 3) {
                sut.suite.kill("task");
                sut.suite.restart("task");
            }
            String body = """
                    {"title": "Nhiệm vụ kiểm thử %s số %d", "leadAgency": "SO-TU-PHAP", "deadline": "2026-12-31"}""".formatted(run, i);
            // an external client retries with the same Idempotency-Key until it gets an answer
            for (int attempt = 0; ; attempt++) {
                try {
                    HttpResponse<String> answer = postBytes(sut.url("task") + "/api/v1/tasks", coordinator,
                            body.getBytes(StandardCharsets.UTF_8), Map.of("Idempotency-Key", run + "-" + i));
                    if (answer.statusCode() == 201 || answer.statusCode() == 200) {
                        break;
                    }
                    throw new IllegalStateException(answer.statusCode() + " " + answer.body());
                } catch (java.io.IOException e) {
                    failures.incrementAndGet();
                    assertThat(attempt).isLessThan(60);
                    Thread.sleep(1000);
                }
            }
        }
        assertThat(sut.count("task", "select count(*) from task where title like '%" + run + "%'")).isEqualTo(tasks);
    }

    @Test
    @Order(7)
    void theBrokerStoppedAndRestartedMidFlowLosesNothing() throws Exception {
        String run = "broker-" + UUID.randomUUID().toString().substring(0, 6);
        int facts = 5_000;
        sendOverdueFacts(run, facts);
        await().atMost(PATIENCE).until(() -> alerts(run) >= 200);
        sut.engines.kafka().stop();
        Thread.sleep(5_000);
        sut.engines.kafka().start();
        awaitExactly(() -> alerts(run), facts);
    }

    @Test
    @Order(8)
    void postgresRestartedMidFlowLosesNothing() throws Exception {
        String run = "pg-" + UUID.randomUUID().toString().substring(0, 6);
        int facts = 3_000;
        sendOverdueFacts(run, facts);
        await().atMost(PATIENCE).until(() -> alerts(run) >= 200);
        Postgres postgres = sut.engines.postgres();
        postgres.restart();
        awaitExactly(() -> alerts(run), facts);
        for (String service : Suite.SERVICES) {
            await().atMost(Duration.ofMinutes(1)).until(() -> sut.client.get(sut.url(service) + "/q/health/ready", null).status() == 200);
        }
    }

    @Test
    @Order(9)
    void twoReplicasOfEveryServiceShareTheWorkWithoutDoubling() throws Exception {
        for (String service : Suite.SERVICES) {
            sut.suite.addReplica(service);
        }
        String run = "replicas-" + UUID.randomUUID().toString().substring(0, 6);
        int facts = 3_000;
        sendOverdueFacts(run, facts);
        awaitExactly(() -> alerts(run), facts);
        for (String service : Suite.SERVICES) {
            for (Suite.Instance instance : sut.suite.instances(service)) {
                assertThat(sut.client.get(instance.url() + "/q/health/ready", null).status()).isEqualTo(200);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** TaskOverdue facts as task-service publishes them, one task each, for Sở Tư pháp. */
    static void sendOverdueFacts(String run, int facts) {
        for (int i = 0; i < facts; i++) {
            String taskId = run + "-" + i;
            ObjectNode data = kafka.example("task-overdue.v1");
            data.put("taskId", taskId).put("leadAgency", "SO-TU-PHAP").put("title", "Nhiệm vụ kiểm thử " + taskId);
            data.putArray("coordinatingAgencies");
            kafka.send("tasks.deadlines.v1", taskId, kafka.envelope("overdue-" + taskId, TASK_OVERDUE, "task-overdue.v1",
                    "/parsipas/task-service", taskId, data));
        }
        kafka.flush();
    }

    static long alerts(String run) {
        return sut.count("notification", "select count(*) from alert where subject_id like '" + run + "-%'");
    }

    /** Waits for the count to reach the expected number, then checks it stays there (no late doubles). */
    static void awaitExactly(java.util.concurrent.Callable<Long> count, long expected) throws Exception {
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(count.call()).isGreaterThanOrEqualTo(expected));
        Thread.sleep(3_000);
        assertThat(count.call()).isEqualTo(expected);
    }

    /** Records with this run's keys on the dead-letter topics. */
    static long deadLetters(String run) {
        java.util.Properties config = new java.util.Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, sut.engines.addresses().get("kafka.bootstrap.servers"));
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of("indicators.observations.v1.dlq", "sipas.responses.v1.dlq")) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new org.apache.kafka.common.TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long found = 0;
            long quiet = System.currentTimeMillis() + 4_000;
            while (System.currentTimeMillis() < quiet) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && new String(record.key(), StandardCharsets.UTF_8).startsWith(run + "-")) {
                        found++;
                        assertThat(record.headers().lastHeader("dead-letter-reason")).as("a dead letter says why").isNotNull();
                    }
                    quiet = System.currentTimeMillis() + 2_000;
                }
            }
            return found;
        }
    }

    /** Malformed or hostile payload fragments, each wrapped below into the door's document shape. */
    static List<byte[]> hostileValues() {
        List<byte[]> values = new ArrayList<>();
        values.add("{\"value\": \"not a number\"}".getBytes(StandardCharsets.UTF_8));
        values.add("{\"value\": 1e999999}".getBytes(StandardCharsets.UTF_8));
        values.add(("{\"text\": \"" + "Đ".repeat(400_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        byte[] badUtf8 = "{\"text\": \"Sở Tư pháp \u0000 XX\"}".getBytes(StandardCharsets.UTF_8);
        badUtf8[badUtf8.length - 4] = (byte) 0xC3;
        badUtf8[badUtf8.length - 3] = (byte) 0x28;
        values.add(badUtf8);
        values.add("{\"code\": \"x'; drop table observation; --\"}".getBytes(StandardCharsets.UTF_8));
        values.add("{\"code\": \"<script>alert('xss')</script>\"}".getBytes(StandardCharsets.UTF_8));
        values.add("{\"source\": \"/finance-system\", \"forged\": true}".getBytes(StandardCharsets.UTF_8));
        values.add("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[".getBytes(StandardCharsets.UTF_8));
        values.add("not json at all".getBytes(StandardCharsets.UTF_8));
        values.add(new byte[0]);
        return values;
    }

    /** Puts a hostile fragment where each door expects its document, so parsing gets past the first brace. */
    static byte[] wrap(int door, byte[] fragment) {
        String text = new String(fragment, StandardCharsets.UTF_8);
        if (!text.startsWith("{")) {
            return fragment;
        }
        String inner = text.substring(1, text.length() - 1);
        String document = switch (door) {
            case 0 -> "{\"observations\":[{\"indicatorCode\":\"" + INDICATOR + "\",\"scope\":\"<script>\",\"period\":\"2025-06\","
                    + inner.replace("\"code\"", "\"indicatorCode\"").replace("\"text\"", "\"note\"") + "}]}";
            case 1 -> "{\"questionnaireId\":\"sipas-2025\",\"questionnaireVersion\":\"one\",\"receiptCode\":\"x'; drop table survey_response; --\","
                    + inner + "}";
            default -> "{\"leadAgency\":\"<script>\",\"deadline\":123," + inner.replace("\"text\"", "\"title\"") + "}";
        };
        return document.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] hostileRecord(int i, String topic) {
        List<byte[]> values = hostileValues();
        byte[] fragment = values.get(i % values.size());
        String text = new String(fragment, StandardCharsets.UTF_8);
        if (i % 5 == 0 || !text.startsWith("{")) {
            return fragment; // not a CloudEvent at all
        }
        boolean observations = topic.startsWith("indicators");
        ObjectNode data = kafka.example(observations ? "indicator-observed.v1" : "survey-response-submitted.v1");
        switch (i % 5) {
            case 1 -> data.put(observations ? "value" : "questionnaireVersion", "wrong type");
            case 2 -> data.put(observations ? "scope" : "agencyCode", "<script>alert(1)</script>");
            case 3 -> data.put(observations ? "indicatorCode" : "receiptCode", "x'; drop table observation; --");
            default -> data.remove(observations ? "value" : "answers");
        }
        // forged: an indicator igate is the only allowed source of, sent as another system
        String source = observations && i % 7 == 0 ? "/tax-system" : observations ? "/igate" : "/survey-kiosk";
        return kafka.envelope("hostile-" + i + "-" + UUID.randomUUID(), observations ? OBSERVED : RESPONSE,
                observations ? "indicator-observed.v1" : "survey-response-submitted.v1", source, "hostile", data)
                .getBytes(StandardCharsets.UTF_8);
    }

    static HttpResponse<String> postBytes(String url, String token, byte[] body) throws Exception {
        return postBytes(url, token, body, Map.of());
    }

    static HttpResponse<String> postBytes(String url, String token, byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static boolean nothingImported(String body) {
        try {
            var summary = SystemUnderTest.JSON.readTree(body);
            return summary.at("/importCount/imported").asInt() == 0 && summary.at("/importCount/updated").asInt() == 0
                    && summary.at("/importCount/rejected").asInt() > 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}

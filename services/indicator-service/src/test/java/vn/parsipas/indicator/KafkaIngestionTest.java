package vn.parsipas.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import vn.parsipas.contracts.Topics;
import vn.parsipas.contracts.indicator.IndicatorObserved;
import vn.parsipas.devstack.TestKafka;
import vn.parsipas.devstack.TestTokens;
import vn.parsipas.platform.time.ShiftableClock;

@QuarkusTest
@IndicatorServiceTest
class KafkaIngestionTest {
    private static final String DLQ = Topics.INDICATORS_OBSERVATIONS + Topics.DLQ_SUFFIX;

    @Inject
    ShiftableClock clock;

    @Inject
    Pool pool;

    @BeforeEach
    void emptyServiceInJuly2025() {
        Fixtures.actAs(TestTokens.coordinator());
        Fixtures.emptyDatabase(pool);
        clock.shiftTo(Instant.parse("2025-07-02T03:00:00Z"));
    }

    @AfterEach
    void resetClockAndCaller() {
        clock.reset();
        Fixtures.actAnonymously();
    }

    @Test
    void structuredAndBinaryCloudEventsAreBothStoredWithTheirSource() {
        String scope = scope();
        try (TestKafka kafka = Fixtures.kafka()) {
            Fixtures.observe(kafka, rate(scope, "2025-05", "58.1"), "/igate");
            Fixtures.observeBinary(kafka, rate(scope, "2025-06", "62.4"), UUID.randomUUID().toString(), "/igate");
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(series(scope)).then()
                .body("values", hasSize(2))
                .body("values[1].period", equalTo("2025-06"))
                .body("values[1].value", equalTo(62.4f))
                .body("values[1].source", equalTo("/igate"))
                .body("values[1].channel", equalTo("kafka"))
                .body("values[1].note", equalTo("Số liệu từ hệ thống một cửa điện tử của tỉnh.")));
    }

    @Test
    void everyInvalidRecordGoesToTheDeadLetterTopicWithItsReasonAndTheValidOneAfterThemIsStored() {
        String scope = scope();
        String key = Fixtures.DOSSIER_RATE + "|" + scope;
        try (TestKafka kafka = Fixtures.kafka()) {
            send(kafka, key, Fixtures.observed("tax-evasion-rate", scope, "2025-06", "3", "percent", "2025-07-01T01:00:00Z"), "/igate");
            send(kafka, key, Fixtures.observed(Fixtures.DOSSIER_RATE, scope, "2025-06", "62", "count", "2025-07-01T01:00:00Z"), "/igate");
            send(kafka, key, rate(scope, "2025-06", "112.5"), "/igate");
            send(kafka, key, rate(scope, "2025-08", "70"), "/igate");
            send(kafka, key, rate(scope, "2025-06", "62.4"), "/finance-system");
            kafka.send(Fixtures.topicOf("/igate"), key, "{\"specversion\":\"1.0\",\"id\":".getBytes(StandardCharsets.UTF_8),
                    Map.of("content-type", "application/cloudevents+json"));
            send(kafka, key, Fixtures.observed(Fixtures.DOSSIER_RATE, scope, "2025-13", "62.4", "percent", "2025-07-01T01:00:00Z"), "/igate");
            send(kafka, key, rate(scope, "2025-06", "62.4"), "/igate");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(series(scope)).then()
                    .body("values", hasSize(1)).body("values[0].value", equalTo(62.4f)));
            List<TestKafka.Received> dead = kafka.readUntil(List.of(DLQ),
                    records -> records.stream().filter(r -> key.equals(r.key())).count() >= 7, Duration.ofSeconds(30))
                    .stream().filter(r -> key.equals(r.key())).toList();
            // In order per producer's topic: igate's six, finance-system's one from its own topic.
            assertThat(dead).filteredOn(r -> Fixtures.topicOf("/igate").equals(r.headers().get("dead-letter-topic")))
                    .extracting(r -> r.headers().get("dead-letter-reason")).satisfiesExactly(
                    reason -> assertThat(reason).startsWith("indicatorCode: unknown indicator 'tax-evasion-rate'"),
                    reason -> assertThat(reason).startsWith("unit: unit 'count' does not match").contains("'percent'"),
                    reason -> assertThat(reason).startsWith("value: value 112.5 is outside the valid range [0, 100]"),
                    reason -> assertThat(reason).startsWith("period: period 2025-08 is in the future"),
                    reason -> assertThat(reason).contains("not valid JSON"),
                    reason -> assertThat(reason).contains("period").contains("pattern"));
            assertThat(dead).filteredOn(r -> Fixtures.topicOf("/finance-system").equals(r.headers().get("dead-letter-topic")))
                    .extracting(r -> r.headers().get("dead-letter-reason")).singleElement().satisfies(reason ->
                            assertThat(reason).startsWith("source: source '/finance-system' may not report").contains("allowed: /igate"));
        }
    }

    /**
     * Security review M3: finance-system may write the observations topic, but only its own; it can
     * neither report as igate nor take the id igate's next record will carry (the README's example).
     */
    @Test
    void aProducerCannotReportAsAnotherNorTakeItsEventId() {
        String scope = scope();
        String key = Fixtures.DOSSIER_RATE + "|" + scope;
        String igatesId = "igate-2025-06-online-rate-" + scope;
        IndicatorObserved forged = rate(scope, "2025-06", "1");
        try (TestKafka kafka = Fixtures.kafka()) {
            kafka.sendStructured(Fixtures.topicOf("/finance-system"), key, Fixtures.envelope(forged, igatesId, "/igate"));
            kafka.sendStructured(Fixtures.topicOf("/finance-system"), key, Fixtures.envelope(forged, igatesId, "/finance-system"));
            kafka.sendStructured(Fixtures.topicOf("/igate"), key, Fixtures.envelope(rate(scope, "2025-06", "62.4"), igatesId, "/igate"));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(series(scope)).then()
                    .body("values", hasSize(1)).body("values[0].value", equalTo(62.4f)).body("values[0].source", equalTo("/igate")));
            List<String> reasons = kafka.readUntil(List.of(DLQ),
                    records -> records.stream().filter(r -> key.equals(r.key())).count() >= 2, Duration.ofSeconds(30))
                    .stream().filter(r -> key.equals(r.key())).map(r -> r.headers().get("dead-letter-reason")).toList();
            assertThat(reasons).satisfiesExactly(
                    reason -> assertThat(reason).isEqualTo("CloudEvent source '/igate' is not the producer of "
                            + Fixtures.topicOf("/finance-system") + ": its records must have source '/finance-system'"),
                    reason -> assertThat(reason).startsWith("source: source '/finance-system' may not report"));
        }
    }

    @Test
    void hugeExponentsAreDeadLetteredWithAShortReasonAndTheNextValueIsStored() {
        String scope = scope();
        String key = Fixtures.DOSSIER_RATE + "|" + scope;
        try (TestKafka kafka = Fixtures.kafka()) {
            for (String huge : List.of("1e999999999", "-1e999999999", "1e-999999999")) {
                send(kafka, key, rate(scope, "2025-06", huge), "/igate");
            }
            send(kafka, key, rate(scope, "2025-06", "62.4"), "/igate");

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get(series(scope)).then()
                    .body("values", hasSize(1)).body("values[0].value", equalTo(62.4f)));
            List<TestKafka.Received> dead = kafka.readUntil(List.of(DLQ),
                    records -> records.stream().filter(r -> key.equals(r.key())).count() >= 3, Duration.ofSeconds(30))
                    .stream().filter(r -> key.equals(r.key())).toList();
            assertThat(dead).hasSize(3).extracting(r -> r.headers().get("dead-letter-reason"))
                    .allSatisfy(reason -> assertThat(reason).contains("value").contains("out of bounds").hasSizeLessThan(300));
        }
    }

    @Test
    void aRedeliveredEventHasOneEffectAndTheSameValueAgainChangesNothing() {
        String scope = scope();
        String id = UUID.randomUUID().toString();
        try (TestKafka kafka = Fixtures.kafka()) {
            IndicatorObserved june = rate(scope, "2025-06", "62.4");
            kafka.sendStructured(Fixtures.topicOf("/igate"), june.subject(), Fixtures.envelope(june, id, "/igate"));
            Fixtures.observeBinary(kafka, june, id, "/igate");
            kafka.sendStructured(Fixtures.topicOf("/igate"), june.subject(), Fixtures.envelope(june, id, "/igate"));
            Fixtures.observe(kafka, june, "/igate");
            Fixtures.observe(kafka, rate(scope, "2025-05", "58"), "/igate");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(series(scope)).then().body("values", hasSize(2)));
        }
        given().get(history(scope, "2025-06")).then().statusCode(200)
                .body("current.revision", equalTo(1))
                .body("current.reference", equalTo(id))
                .body("superseded", hasSize(0));
    }

    @Test
    void aDifferentValueForTheSamePeriodIsACorrectionThatKeepsThePreviousInHistory() {
        String scope = scope();
        try (TestKafka kafka = Fixtures.kafka()) {
            Fixtures.observe(kafka, rate(scope, "2025-06", "62.4"), "/igate");
            Fixtures.observe(kafka, Fixtures.observed(Fixtures.DOSSIER_RATE, scope, "2025-06", "63.1", "percent",
                    "2025-07-01T05:00:00Z"), "/igate");
            // Measured before the current value: a late replay does not undo the correction.
            Fixtures.observe(kafka, Fixtures.observed(Fixtures.DOSSIER_RATE, scope, "2025-06", "50", "percent",
                    "2025-06-30T05:00:00Z"), "/igate");
            Fixtures.observe(kafka, rate(scope, "2025-05", "58"), "/igate");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(series(scope)).then().body("values", hasSize(2)));
        }
        given().get(history(scope, "2025-06")).then().statusCode(200)
                .body("current.value", equalTo(63.1f))
                .body("current.revision", equalTo(2))
                .body("superseded", hasSize(1))
                .body("superseded[0].value", equalTo(62.4f))
                .body("superseded[0].revision", equalTo(1));
    }

    private static IndicatorObserved rate(String scope, String period, String value) {
        return Fixtures.observed(Fixtures.DOSSIER_RATE, scope, period, value, "percent", "2025-07-01T01:00:00Z");
    }

    private static void send(TestKafka kafka, String key, IndicatorObserved data, String source) {
        kafka.sendStructured(Fixtures.topicOf(source), key, Fixtures.envelope(data, UUID.randomUUID().toString(), source));
    }

    /** A locality of its own per test, so tests never see each other's values. */
    private static String scope() {
        return Fixtures.unique("XA").toUpperCase();
    }

    private static String series(String scope) {
        return "/api/v1/indicators/" + Fixtures.DOSSIER_RATE + "/series?scope=" + scope;
    }

    private static String history(String scope, String period) {
        return "/api/v1/indicators/" + Fixtures.DOSSIER_RATE + "/series/" + scope + "/" + period;
    }
}

package vn.parsipas.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static vn.parsipas.indicator.Fixtures.dossierRate;
import static vn.parsipas.indicator.Fixtures.statusChanges;
import static vn.parsipas.indicator.Fixtures.statuses;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.Topics;
import vn.parsipas.contracts.plan.TargetDefined;
import vn.parsipas.devstack.TestKafka;
import vn.parsipas.devstack.TestTokens;
import vn.parsipas.indicator.evaluation.EvaluationClock;
import vn.parsipas.platform.time.ShiftableClock;

@QuarkusTest
@IndicatorServiceTest
class EvaluationTest {
    @Inject
    ShiftableClock clock;

    @Inject
    Pool pool;

    @Inject
    EvaluationClock evaluationClock;

    @BeforeEach
    void emptyService() {
        Fixtures.actAs(TestTokens.coordinator());
        Fixtures.emptyDatabase(pool);
    }

    @AfterEach
    void resetClockAndCaller() {
        clock.reset();
        Fixtures.actAnonymously();
    }

    @Test
    void eachStatusChangeIsPublishedOnceAndMissedComesFromTheClockAlone() {
        clock.shiftTo(Instant.parse("2025-07-02T03:00:00Z"));
        String targetId = Fixtures.unique("dak-lak-2025:t-1.16");
        try (TestKafka kafka = Fixtures.kafka()) {
            // Defined in July without any value: May's value is overdue already.
            Fixtures.define(kafka, Fixtures.dossierRateTarget(targetId));
            assertThat(statuses(statusChanges(kafka, targetId, c -> c.size() >= 1))).containsExactly("NO_DATA");

            // First value: the trajectory starts at it, so it is on track.
            Fixtures.observe(kafka, dossierRate("2025-06", "62.4", "2025-07-01T01:00:00Z"), "/igate");
            assertThat(statuses(statusChanges(kafka, targetId, c -> c.size() >= 2))).endsWith("ON_TRACK");

            // Below the line from 62.4 (30/06) to 80 (31/12): at risk, with where the line stood.
            Fixtures.observe(kafka, dossierRate("2025-07", "62.0", "2025-07-02T01:00:00Z"), "/igate");
            List<JsonNode> changes = statusChanges(kafka, targetId, c -> c.size() >= 3);
            JsonNode atRisk = changes.get(2);
            assertThat(atRisk.get("previousStatus").asText()).isEqualTo("ON_TRACK");
            assertThat(atRisk.get("status").asText()).isEqualTo("AT_RISK");
            assertThat(atRisk.get("value").decimalValue()).isEqualByComparingTo("62.0");
            assertThat(atRisk.get("period").asText()).isEqualTo("2025-07");
            assertThat(atRisk.get("expectedValue").decimalValue()).isEqualByComparingTo("62.59");
            assertThat(atRisk.get("targetValue").decimalValue()).isEqualByComparingTo("80");
            assertThat(atRisk.get("dataProvider").asText()).isEqualTo("VP-UBND-TINH");
            assertThat(atRisk.get("responsibleAgency").asText()).isEqualTo("SO-KHOA-HOC-CONG-NGHE");
            assertThat(atRisk.get("reason").asText()).contains("62%").contains("thấp hơn lộ trình 62,59%").contains("≥ 80%");

            // A correction reaching the target: met. Then a flood of the same value and of other scopes: nothing.
            Fixtures.observe(kafka, dossierRate("2025-07", "85", "2025-07-02T02:00:00Z"), "/igate");
            assertThat(statuses(statusChanges(kafka, targetId, c -> c.size() >= 4))).endsWith("MET");
            for (int i = 0; i < 20; i++) {
                Fixtures.observe(kafka, dossierRate("2025-07", "85", "2025-07-02T02:00:00Z"), "/igate");
                Fixtures.observe(kafka, Fixtures.observed(Fixtures.DOSSIER_RATE, "SO-TU-PHAP", "2025-07", String.valueOf(40 + i),
                        "percent", "2025-07-02T02:00:00Z"), "/igate");
            }
            Fixtures.observe(kafka, dossierRate("2025-07", "70", "2025-07-02T03:00:00Z"), "/igate");
            assertThat(statuses(statusChanges(kafka, targetId, c -> c.size() >= 5)))
                    .containsExactly("NO_DATA", "ON_TRACK", "AT_RISK", "MET", "ON_TRACK");

            // The deadline passes with 70% as the latest value: missed, without any new value.
            clock.shiftTo(Instant.parse("2025-12-31T17:00:01Z"));
            List<JsonNode> all = statusChanges(kafka, targetId, c -> c.size() >= 6);
            assertThat(statuses(all)).containsExactly("NO_DATA", "ON_TRACK", "AT_RISK", "MET", "ON_TRACK", "MISSED");
            assertThat(all.get(5).get("value").decimalValue()).isEqualByComparingTo("70");
            assertThat(all.get(5).get("reason").asText()).contains("Đã hết hạn, không đạt mục tiêu ≥ 80% vào 31/12/2025");
        }
        given().get("/api/v1/targets/" + targetId).then().statusCode(200)
                .body("status", equalTo("MISSED")).body("dataProvider", equalTo("VP-UBND-TINH"));
        // the same changes, newest first, for the console's criterion page
        io.restassured.path.json.JsonPath history = given().get("/api/v1/targets/" + targetId + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getList("toStatus")).containsExactly("MISSED", "ON_TRACK", "MET", "AT_RISK", "ON_TRACK", "NO_DATA");
        assertThat(history.getString("[3].fromStatus")).isEqualTo("ON_TRACK");
        assertThat(history.getString("[5].fromStatus")).isNull();
        assertThat(new BigDecimal(history.getString("[3].value"))).isEqualByComparingTo("62.0");
        assertThat(history.getString("[0].changedAt")).startsWith("2025-12-31T17:00:");
    }

    @Test
    void aMonthlyValueThatDoesNotArriveWithinItsGraceMakesNoDataNamingTheDataProvider() {
        clock.shiftTo(Instant.parse("2025-01-20T03:00:00Z"));
        String targetId = Fixtures.unique("dak-lak-2025:t-1.15");
        try (TestKafka kafka = Fixtures.kafka()) {
            Fixtures.define(kafka, Fixtures.indicatorTarget(targetId, "1.15", "digitised-data-reuse-rate",
                    "Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa", "percent", "gt", new BigDecimal("50"), null,
                    "SO-KHOA-HOC-CONG-NGHE", true));
            awaitTarget(targetId);
            Fixtures.observe(kafka, Fixtures.observed("digitised-data-reuse-rate", "PROVINCE", "2025-01", "40", "percent",
                    "2025-01-20T01:00:00Z"), "/igate");
            assertThat(statuses(statusChanges(kafka, targetId, c -> c.size() >= 1))).containsExactly("ON_TRACK");

            // February's value is due 15 days after the month: on 17 March nothing has come.
            clock.shiftTo(Instant.parse("2025-03-17T03:00:00Z"));
            List<JsonNode> changes = statusChanges(kafka, targetId, c -> c.size() >= 2);
            JsonNode noData = changes.get(1);
            assertThat(noData.get("status").asText()).isEqualTo("NO_DATA");
            assertThat(noData.get("dataProvider").asText()).isEqualTo("VP-UBND-TINH");
            assertThat(noData.get("period").asText()).isEqualTo("2025-02");
            assertThat(noData.get("value").isNull()).isTrue();
            assertThat(noData.get("reason").asText()).contains("tháng 2/2025").contains("VP-UBND-TINH");

            Fixtures.observe(kafka, Fixtures.observed("digitised-data-reuse-rate", "PROVINCE", "2025-02", "55", "percent",
                    "2025-03-17T01:00:00Z"), "/igate");
            assertThat(statuses(statusChanges(kafka, targetId, c -> c.size() >= 3))).containsExactly("ON_TRACK", "NO_DATA", "MET");
        }
    }

    @Test
    void aTargetHigherThanAnUnknownBaselineSaysItCannotBeJudgedOnceWhileValuesArriveUntilTheBaselineYearsValue() {
        clock.shiftTo(Instant.parse("2025-06-10T03:00:00Z"));
        String targetId = Fixtures.unique("dak-lak-2025:t-1.17");
        try (TestKafka kafka = Fixtures.kafka()) {
            Fixtures.define(kafka, Fixtures.indicatorTarget(targetId, "1.17", "online-payment-dossier-rate",
                    "Tỷ lệ hồ sơ thanh toán trực tuyến", "percent", "gt", null, new TargetDefined.Baseline(null, 2024),
                    "SO-KHOA-HOC-CONG-NGHE", true));
            JsonNode noBaseline = statusChanges(kafka, targetId, c -> c.size() >= 1).get(0);
            assertThat(noBaseline.get("status").asText()).isEqualTo("NO_BASELINE");
            assertThat(noBaseline.get("period").asText()).isEqualTo("2024");
            assertThat(noBaseline.get("targetValue").isNull()).isTrue();
            assertThat(noBaseline.get("dataProvider").asText()).isEqualTo("VP-UBND-TINH");
            assertThat(noBaseline.get("reason").asText()).startsWith("Chưa có số liệu năm gốc 2024 của chỉ tiêu")
                    .contains("VP-UBND-TINH cần gửi giá trị kỳ 2024");

            // A value of 2025 arrives: the target still cannot be judged, and says so with the value it has.
            Fixtures.observe(kafka, Fixtures.observed("online-payment-dossier-rate", "PROVINCE", "2025-05", "35", "percent",
                    "2025-06-05T01:00:00Z"), "/igate");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/targets/" + targetId).then()
                    .body("status", equalTo("NO_BASELINE"))
                    .body("reason", org.hamcrest.Matchers.containsString("; đã có giá trị 35% (tháng 5/2025).")));

            // The 2024 value arrives as an observation of the baseline year: it becomes the threshold.
            Fixtures.observe(kafka, Fixtures.observed("online-payment-dossier-rate", "PROVINCE", "2024", "30", "percent",
                    "2025-01-10T01:00:00Z"), "/igate");
            List<JsonNode> changes = statusChanges(kafka, targetId, c -> c.size() >= 2);
            assertThat(statuses(changes)).as("the agency is told once, not at every value").containsExactly("NO_BASELINE", "MET");
            assertThat(changes.get(1).get("targetValue").decimalValue()).isEqualByComparingTo("30");
        }
    }

    @Test
    void aTargetStoredAsNoDataForItsBaselineMovesToNoBaselineOnceAfterTheMigration() throws Exception {
        clock.shiftTo(Instant.parse("2025-06-10T03:00:00Z"));
        String targetId = Fixtures.unique("dak-lak-2025:t-1.17");
        try (TestKafka kafka = Fixtures.kafka()) {
            Fixtures.define(kafka, Fixtures.indicatorTarget(targetId, "1.17", "online-payment-enabled-procedure-rate",
                    "Tỷ lệ TTHC được triển khai thanh toán trực tuyến", "percent", "gt", null,
                    new TargetDefined.Baseline(null, 2024), "SO-KHOA-HOC-CONG-NGHE", true));
            statusChanges(kafka, targetId, c -> c.size() >= 1);
            // as the service stored it before NO_BASELINE: NO_DATA, nothing left for the clock to do
            pool.preparedQuery("update target set status = 'NO_DATA', next_check_at = null where target_id = $1")
                    .execute(Tuple.of(targetId)).await().indefinitely();

            pool.query(new String(getClass().getResourceAsStream("/db/migration/V3__no_baseline_status.sql").readAllBytes(),
                    StandardCharsets.UTF_8)).execute().await().indefinitely();
            evaluationClock.evaluateDue().await().indefinitely();

            JsonNode moved = statusChanges(kafka, targetId, c -> c.size() >= 2).get(1);
            assertThat(moved.get("previousStatus").asText()).isEqualTo("NO_DATA");
            assertThat(moved.get("status").asText()).isEqualTo("NO_BASELINE");
            evaluationClock.evaluateDue().await().indefinitely();
            assertThat(Fixtures.allStatusChanges(kafka, targetId)).as("once").hasSize(2);
        }
    }

    @Test
    void aGroupPublishedTheNextYearIsJudgedOnTheDayItIsExpectedNotAtTheDeadline() {
        // 1 April 2026: past the deadline and the yearly grace, but the PAR Index of 2025 is not out yet
        clock.shiftTo(Instant.parse("2026-04-01T03:00:00Z"));
        String targetId = Fixtures.unique("dak-lak-2025:t-1.19");
        TargetDefined group = Fixtures.indicatorTarget(targetId, "1.19", "state-budget-revenue-group",
                "Nhóm của tỉnh về thực hiện thu ngân sách hàng năm trong kết quả PAR Index (nhóm 1: nhóm địa phương cao)", "group",
                "eq", BigDecimal.ONE, null, "SO-TAI-CHINH", true);
        try (TestKafka kafka = Fixtures.kafka()) {
            Fixtures.define(kafka, new TargetDefined(group.targetId(), group.planId(), 1, group.criterionCode(), group.criterionTitle(),
                    group.kind(), group.description(), group.indicator(), null, "eq", BigDecimal.ONE, null, null, null, null,
                    group.responsibleAgency(), group.deadline(), group.dueAt(), java.time.LocalDate.parse("2026-06-30"), true));
            awaitTarget(targetId);
            given().get("/api/v1/targets/" + targetId).then().statusCode(200).body("status", org.hamcrest.Matchers.nullValue())
                    .body("resultExpectedBy", equalTo("2026-06-30"))
                    .body("reason", org.hamcrest.Matchers.containsString("kết quả dự kiến có trước 30/06/2026"));

            // published in May: the second group, not yet judged
            clock.shiftTo(Instant.parse("2026-05-21T03:00:00Z"));
            // entered by Sở Nội vụ's staff (source /agencies/SO-NOI-VU), as the catalogue says
            given().auth().oauth2(vn.parsipas.devstack.TestTokens.staff("SO-NOI-VU")).contentType("application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .body("{\"observations\": [{\"indicatorCode\": \"state-budget-revenue-group\", \"scope\": \"PROVINCE\", "
                            + "\"period\": \"2025\", \"value\": 2, \"unit\": \"group\", \"observedAt\": \"2026-05-20T03:00:00Z\"}]}")
                    .post("/api/v1/observations").then().statusCode(200).body("counts.imported", equalTo(1));
            assertThat(statuses(statusChanges(kafka, targetId, c -> c.size() >= 1))).containsExactly("AT_RISK");

            // judged the day after the result was expected: missed, to the owner, with the group as people read it
            clock.shiftTo(Instant.parse("2026-06-30T17:00:01Z"));
            JsonNode missed = statusChanges(kafka, targetId, c -> c.size() >= 2).get(1);
            assertThat(missed.get("status").asText()).isEqualTo("MISSED");
            assertThat(missed.get("responsibleAgency").asText()).isEqualTo("SO-TAI-CHINH");
            assertThat(missed.get("reason").asText()).contains("= nhóm 1").contains("nhóm 2 (năm 2025)");
        }
    }

    @Test
    void aRetiredTargetIsNoLongerEvaluatedNorListed() {
        clock.shiftTo(Instant.parse("2025-07-02T03:00:00Z"));
        String targetId = Fixtures.unique("dak-lak-2025:t-1.16");
        try (TestKafka kafka = Fixtures.kafka()) {
            TargetDefined target = Fixtures.dossierRateTarget(targetId);
            Fixtures.define(kafka, target);
            Fixtures.observe(kafka, dossierRate("2025-06", "81", "2025-07-01T01:00:00Z"), "/igate");
            assertThat(statuses(statusChanges(kafka, targetId, c -> statuses(c).contains("MET")))).endsWith("MET");

            Fixtures.define(kafka, new TargetDefined(targetId, "dak-lak-2025", 2, "1.16", target.criterionTitle(),
                    target.kind(), target.description(), target.indicator(), null, "gte", target.value(), null, null, null,
                    null, target.responsibleAgency(), target.deadline(), target.dueAt(), null, false));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().get("/api/v1/targets/" + targetId).then().statusCode(404));
            Fixtures.observe(kafka, dossierRate("2025-06", "50", "2025-07-01T02:00:00Z"), "/igate");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/indicators/" + Fixtures.DOSSIER_RATE
                    + "/series/PROVINCE/2025-06").then().body("current.value", equalTo(50)));
            assertThat(statuses(Fixtures.allStatusChanges(kafka, targetId))).endsWith("MET");
        }
    }

    @Test
    void anIndicatorTargetWithoutComparatorGoesToTheDeadLetterTopicAndOtherKindsAreLeftToOtherServices() {
        String broken = Fixtures.unique("dak-lak-2025:t-1.16");
        String sipas = Fixtures.unique("dak-lak-2025:t-2.2.1");
        String good = Fixtures.unique("dak-lak-2025:t-1.16");
        TargetDefined valid = Fixtures.dossierRateTarget(broken);
        try (TestKafka kafka = Fixtures.kafka()) {
            Fixtures.define(kafka, new TargetDefined(broken, "dak-lak-2025", 1, "1.16", valid.criterionTitle(), valid.kind(),
                    valid.description(), valid.indicator(), null, null, valid.value(), null, null, null, null,
                    valid.responsibleAgency(), valid.deadline(), valid.dueAt(), null, true));
            Fixtures.define(kafka, new TargetDefined(sipas, "dak-lak-2025", 1, "2.2.1", "Tiếp cận dịch vụ", TargetDefined.KIND_SIPAS,
                    "Tăng ít nhất 3% so với năm 2024", null, "2.2.1", "gte", new BigDecimal("84.31"), "percent", null, null,
                    null, "VP-UBND-TINH", valid.deadline(), valid.dueAt(), null, true));
            Fixtures.define(kafka, Fixtures.dossierRateTarget(good));

            awaitTarget(good);
            given().get("/api/v1/targets/" + sipas).then().statusCode(404);
            List<TestKafka.Received> dead = kafka.readUntil(List.of(Topics.PLAN_TARGETS + ".dlq"),
                    records -> records.stream().anyMatch(r -> broken.equals(r.key())), Duration.ofSeconds(30))
                    .stream().filter(r -> broken.equals(r.key())).toList();
            assertThat(dead).singleElement().satisfies(r -> assertThat(r.headers().get("dead-letter-reason"))
                    .contains(broken).contains("needs an indicator and a comparator"));
        }
    }

    private static void awaitTarget(String targetId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/targets/" + targetId).then().statusCode(200));
    }
}

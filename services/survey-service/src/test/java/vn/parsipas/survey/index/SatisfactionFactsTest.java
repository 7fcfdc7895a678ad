package vn.parsipas.survey.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.parsipas.contracts.EventType;
import vn.parsipas.platform.time.ShiftableClock;
import vn.parsipas.survey.Fixtures;
import vn.parsipas.survey.Fixtures.IndexEvent;
import vn.parsipas.survey.SurveyServiceTest;

/** Each test uses its own year, so that its PROVINCE aggregates are its own. Test profile: minimum sample 30, interval 10 min. */
@QuarkusTest
@SurveyServiceTest
class SatisfactionFactsTest {
    @Inject
    ShiftableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aFewUnhappyAnswersRaiseNothingAFullSampleBelowTargetDoesAndRecoveryFollows() {
        String agency = Fixtures.uniqueAgency();
        Fixtures.agencies(agency);
        String targetId = "test-plan:t-2.2.3-" + agency;
        defineTarget(targetId, "2.2.3", 2020, new BigDecimal("83.4"), new BigDecimal("80.4"));
        Instant february = Instant.parse("2020-02-03T02:00:00Z");

        submit(29, agency, february, 1);
        Fixtures.indexEvents(agency, events -> events.stream().anyMatch(updated("2.2.3", "2020-Q1", 29)));
        submit(1, agency, february, 1);

        List<IndexEvent> below = Fixtures.indexEvents(agency, events -> events.stream().filter(of(EventType.SATISFACTION_BELOW_TARGET, "2.2.3"))
                .count() == 2);
        assertThat(below.stream().filter(of(EventType.SATISFACTION_BELOW_TARGET, "2.2.3")).map(IndexEvent::data)).allSatisfy(fact -> {
            assertThat(fact.get("responses").asInt()).isEqualTo(30);
            assertThat(fact.get("satisfiedPercent").decimalValue()).isEqualByComparingTo("0");
            assertThat(fact.get("intervalHighPercent").decimalValue()).isEqualByComparingTo("6.02");
            assertThat(fact.get("targetId").asText()).isEqualTo(targetId);
            assertThat(fact.get("targetPercent").decimalValue()).isEqualByComparingTo("83.4");
            assertThat(fact.get("responsibleAgency").asText()).isEqualTo(agency);
            assertThat(fact.get("subIndexName").asText()).isEqualTo("Chỉ số hài lòng về công chức");
        }).extracting(fact -> fact.get("period").asText()).containsExactlyInAnyOrder("2020-Q1", "2020");
        List<IndexEvent> province = Fixtures.indexEvents("PROVINCE", events -> events.stream()
                .filter(of(EventType.SATISFACTION_BELOW_TARGET, "2.2.3")).filter(e -> e.period().startsWith("2020")).count() == 2);
        assertThat(province.stream().filter(of(EventType.SATISFACTION_BELOW_TARGET, "2.2.3")).filter(e -> e.period().startsWith("2020")))
                .allSatisfy(fact -> assertThat(fact.data().get("responsibleAgency").asText()).isEqualTo("BUU-DIEN-TINH"));
        assertThat(below).noneMatch(of(EventType.SATISFACTION_BELOW_TARGET, "2.2.1"));

        submit(300, agency, february, 5);

        List<IndexEvent> after = Fixtures.indexEvents(agency, events -> events.stream().filter(of(EventType.SATISFACTION_RECOVERED, "2.2.3"))
                .count() == 2);
        assertThat(after.stream().filter(of(EventType.SATISFACTION_RECOVERED, "2.2.3")).map(IndexEvent::data)).allSatisfy(fact -> {
            assertThat(fact.get("responses").asInt()).isEqualTo(330);
            assertThat(fact.get("intervalHighPercent").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("83.4"));
            assertThat(fact.get("responsibleAgency").asText()).isEqualTo(agency);
        });
        assertThat(after.stream().filter(of(EventType.SATISFACTION_BELOW_TARGET, "2.2.3"))).hasSize(2);
        Fixtures.asCoordinator().get("/api/v1/indices/2.2.3/" + agency + "/2020").then().statusCode(200)
                .body("belowTarget", org.hamcrest.Matchers.equalTo(false)).body("targetId", org.hamcrest.Matchers.equalTo(targetId));
    }

    @Test
    void theIndexValueGoesOutAtMostOncePerIntervalPerKey() {
        String agency = Fixtures.uniqueAgency();
        Fixtures.agencies(agency);
        Instant january = Instant.parse("2021-01-15T02:00:00Z");
        submit(1, agency, january, 5);
        Fixtures.indexEvents(agency, events -> events.stream().anyMatch(updated("2.2.1", "2021-Q1", 1)));

        for (int i = 0; i < 3; i++) {
            submit(1, agency, january, 4);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.count("select count(*) from sub_index_stat where sub_index = '2.2.1'"
                + " and scope = $1 and period = '2021-Q1' and responses = 4 and not evaluation_due and publication_due", agency) == 1);
        assertThat(updates(agency)).hasSize(1);

        clock.shiftBy(Duration.ofMinutes(10).plusSeconds(1));

        Fixtures.indexEvents(agency, events -> events.stream().anyMatch(updated("2.2.1", "2021-Q1", 4)));
        assertThat(updates(agency)).extracting(event -> event.data().get("responses").asInt()).containsExactly(1, 4);
    }

    @Test
    void aTargetRelativeToAnUnknownBaselineRaisesNothingUntilTheBaselineIsKnown() {
        String agency = Fixtures.uniqueAgency();
        Fixtures.agencies(agency);
        String targetId = "test-plan:t-2.2.3-baseline-" + agency;
        defineTarget(targetId, "2.2.3", 2022, null, null);
        Instant march = Instant.parse("2022-03-01T02:00:00Z");

        submit(40, agency, march, 2);

        IndexEvent updated = Fixtures.indexEvents(agency, events -> events.stream().anyMatch(updated("2.2.3", "2022-Q1", 40))).stream()
                .filter(updated("2.2.3", "2022-Q1", 40)).findFirst().orElseThrow();
        assertThat(updated.data().get("targetId").asText()).isEqualTo(targetId);
        assertThat(updated.data().get("targetPercent").isNull()).isTrue();
        assertThat(Fixtures.indexEventsNow(agency)).noneMatch(of(EventType.SATISFACTION_BELOW_TARGET, "2.2.3"));

        defineTarget(targetId, "2.2.3", 2022, null, new BigDecimal("80"));

        IndexEvent below = Fixtures.indexEvents(agency, events -> events.stream().anyMatch(of(EventType.SATISFACTION_BELOW_TARGET, "2.2.3")))
                .stream().filter(of(EventType.SATISFACTION_BELOW_TARGET, "2.2.3")).findFirst().orElseThrow();
        assertThat(below.data().get("targetPercent").decimalValue()).isEqualByComparingTo("80");
    }

    @Test
    void aDefinitionOfAnEarlierPlanVersionDeliveredLateChangesNothing() {
        String targetId = "test-plan:t-2.2.1-versions-" + Fixtures.uniqueAgency();
        Fixtures.target(targetId, 3, "2.2.1", 2023, new BigDecimal("85"), null, "BUU-DIEN-TINH");
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.count("select count(*) from sipas_target where target_id = $1"
                + " and plan_version = 3", targetId) == 1);

        long applied = Fixtures.count("select count(*) from inbox where consumer = 'survey-targets'");
        Fixtures.target(targetId, 2, "2.2.1", 2023, new BigDecimal("70"), null, "SO-NOI-VU");
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.count("select count(*) from inbox where consumer = 'survey-targets'")
                > applied);
        assertThat(Fixtures.count("select count(*) from sipas_target where target_id = $1 and plan_version = 3"
                + " and target_percent = 85 and responsible_agency = 'BUU-DIEN-TINH'", targetId)).isOne();
    }

    private static void defineTarget(String targetId, String subIndex, int year, BigDecimal value, BigDecimal baseline) {
        Fixtures.target(targetId, subIndex, year, value, baseline, "BUU-DIEN-TINH");
        String expected = value != null ? value.toPlainString() : baseline == null ? null : baseline.toPlainString();
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.count("select count(*) from sipas_target where target_id = $1"
                + " and target_percent is not distinct from cast(cast($2 as text) as numeric)", targetId, expected) == 1);
    }

    private static List<IndexEvent> updates(String agency) {
        return Fixtures.indexEventsNow(agency).stream().filter(of(EventType.SATISFACTION_INDEX_UPDATED, "2.2.1"))
                .filter(event -> event.period().equals("2021-Q1")).toList();
    }

    private static Predicate<IndexEvent> of(EventType type, String subIndex) {
        return event -> event.is(type) && event.data().get("subIndex").asText().equals(subIndex);
    }

    private static Predicate<IndexEvent> updated(String subIndex, String period, int responses) {
        return event -> of(EventType.SATISFACTION_INDEX_UPDATED, subIndex).test(event) && event.period().equals(period)
                && event.data().get("responses").asInt() == responses;
    }

    private static void submit(int count, String agency, Instant submittedAt, int score) {
        Fixtures.asKiosk().contentType(ContentType.JSON).body(Map.of("responses", IntStream.range(0, count)
                        .mapToObj(i -> Fixtures.json(Fixtures.response(agency, submittedAt, score))).toList()))
                .post("/api/v1/responses/batch").then().statusCode(200)
                .body("counts.accepted", org.hamcrest.Matchers.equalTo(count));
    }
}

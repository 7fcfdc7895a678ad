package vn.parsipas.survey.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.parsipas.contracts.sipas.SurveyResponseSubmitted;
import vn.parsipas.devstack.ListPages;
import vn.parsipas.devstack.TestKafka;
import vn.parsipas.survey.Fixtures;
import vn.parsipas.survey.SurveyServiceTest;

@QuarkusTest
@SurveyServiceTest
class SubIndexStatisticsTest {
    private static final String ALL_AGGREGATES = "select sub_index, scope, period, responses, valid_answers, satisfied_answers"
            + " from sub_index_stat order by sub_index, scope, period";

    @Test
    void knownAnswersGiveKnownSharesAndIntervalsPerScopeAndPeriod() {
        String a = Fixtures.uniqueAgency();
        String b = Fixtures.uniqueAgency();
        Fixtures.agencies(a, b);
        Instant february = Instant.parse("2019-02-10T03:00:00Z");
        Instant may = Instant.parse("2019-05-10T03:00:00Z");
        List<SurveyResponseSubmitted> responses = new ArrayList<>();
        repeat(7, () -> responses.add(Fixtures.response(a, february, 5)));
        repeat(3, () -> responses.add(Fixtures.response(a, february, 2)));
        repeat(10, () -> responses.add(Fixtures.response(a, may, 4)));
        repeat(5, () -> responses.add(Fixtures.response(b, february, 1)));

        batch(responses);

        // Each response answers two questions of 2.2.1: 7 x (5, 5) and 3 x (2, 2) in Q1 -> 14 satisfied of 20.
        expect("2.2.1", a, "2019-Q1", 10, 20, 14, 70.00f, 48.10f, 85.45f);
        expect("2.2.1", a, "2019-Q2", 10, 20, 20, 100.00f, 83.89f, 100.00f);
        expect("2.2.1", a, "2019", 20, 40, 34, 85.00f, 70.93f, 92.94f);
        expect("2.2.1", "PROVINCE", "2019-Q1", 15, 30, 14, 46.67f, 30.23f, 63.86f);
        expect("2.2.3", "PROVINCE", "2019", 25, 50, 34, 68.00f, 54.19f, 79.24f);
        Fixtures.asCoordinator().get("/api/v1/indices/2.2.4/" + a + "/2019").then().statusCode(404);
        Fixtures.asCoordinator().get("/api/v1/indices?scope=" + a + "&period=2019&limit=2").then().statusCode(200)
                .body("items.subIndex", org.hamcrest.Matchers.contains("2.2.1", "2.2.2"))
                .body("items[0].subIndexName", equalTo("Chỉ số hài lòng về tiếp cận dịch vụ"));
    }

    @Test
    void indicesArePagedWithoutGapsOrRepeatsAndAWrongLimitOrCursorIsRefusedNamingIt() {
        String agency = Fixtures.uniqueAgency();
        Fixtures.agencies(agency);
        batch(List.of(Fixtures.response(agency, Instant.parse("2018-02-10T03:00:00Z"), 5),
                Fixtures.response(agency, Instant.parse("2018-05-10T03:00:00Z"), 2)));
        List<String> all = ListPages.all(() -> Fixtures.asCoordinator().queryParam("scope", agency), "/api/v1/indices", 1000)
                .stream().map(SubIndexStatisticsTest::key).toList();
        List<String> paged = ListPages.all(() -> Fixtures.asCoordinator().queryParam("scope", agency), "/api/v1/indices", 2)
                .stream().map(SubIndexStatisticsTest::key).toList();
        assertThat(paged).containsExactlyElementsOf(all).doesNotHaveDuplicates().hasSizeGreaterThan(4)
                .contains("2.2.1 " + agency + " 2018-Q1", "2.2.1 " + agency + " 2018-Q2", "2.2.1 " + agency + " 2018");

        ListPages.refuseWrongPaging(Fixtures::asCoordinator, "/api/v1/indices", 1000);
    }

    private static String key(Map<String, Object> index) {
        return index.get("subIndex") + " " + index.get("scope") + " " + index.get("period");
    }

    @Test
    void theRebuildEqualsTheIncrementalResultAlsoAfterRedeliveriesAndItRepairsADamagedAggregate() throws Throwable {
        String agency = Fixtures.uniqueAgency();
        Fixtures.agencies(agency);
        Instant march = Instant.parse("2023-03-30T18:00:00Z"); // 31 March in Hanoi time: still Q1
        Instant april = Instant.parse("2023-03-31T17:30:00Z"); // 1 April in Hanoi time: Q2
        List<SurveyResponseSubmitted> viaRest = List.of(Fixtures.response(agency, march, 5), Fixtures.response(agency, april, 3),
                Fixtures.response(agency, april, 4));
        batch(viaRest);
        batch(viaRest);
        Fixtures.asKiosk().contentType(ContentType.JSON).body(Fixtures.json(viaRest.get(0))).post("/api/v1/responses").then().statusCode(200);
        SurveyResponseSubmitted viaKafka = Fixtures.response(agency, april, 1);
        List<String> eventIds = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        try (TestKafka kafka = Fixtures.kafka()) {
            Fixtures.sendResponse(kafka, eventIds.get(0), viaKafka);
            Fixtures.sendResponse(kafka, eventIds.get(0), viaKafka);
            Fixtures.sendResponse(kafka, eventIds.get(1), viaKafka);
            Fixtures.sendResponse(kafka, eventIds.get(2), viaRest.get(1));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.count("select count(*) from inbox where consumer = 'survey-responses'"
                + " and source = $1 and event_id in ($2, $3, $4)", Fixtures.SURVEY_PLATFORM, eventIds.get(0), eventIds.get(1),
                eventIds.get(2)) == 3);
        expect("2.2.2", agency, "2023-Q1", 1, 2, 2, 100.00f, 34.24f, 100.00f);
        Fixtures.asCoordinator().get("/api/v1/indices/2.2.2/" + agency + "/2023").then().body("responses", equalTo(4)).body("satisfiedAnswers", equalTo(4));
        List<String> incremental = Fixtures.rows(ALL_AGGREGATES);

        rebuild().body("corrected", equalTo(0)).body("added", equalTo(0)).body("emptied", equalTo(0));
        assertThat(Fixtures.rows(ALL_AGGREGATES)).isEqualTo(incremental);

        Fixtures.rows("update sub_index_stat set responses = responses + 5 where sub_index = '2.2.2' and scope = $1 and period = '2023'",
                agency);
        rebuild().body("corrected", equalTo(1));
        assertThat(Fixtures.rows(ALL_AGGREGATES)).isEqualTo(incremental);
    }

    private static io.restassured.response.ValidatableResponse rebuild() {
        return Fixtures.asCoordinator().post("/api/v1/indices/rebuild").then().statusCode(200);
    }

    private static void batch(List<SurveyResponseSubmitted> responses) {
        List<ObjectNode> documents = responses.stream().map(Fixtures::json).toList();
        Fixtures.asKiosk().contentType(ContentType.JSON).body(Map.of("responses", documents)).post("/api/v1/responses/batch")
                .then().statusCode(200);
    }

    private static void expect(String subIndex, String scope, String period, int responses, int valid, int satisfied, float percent,
            float low, float high) {
        Fixtures.asCoordinator().get("/api/v1/indices/" + subIndex + "/" + scope + "/" + period).then().statusCode(200)
                .body("responses", equalTo(responses)).body("validAnswers", equalTo(valid)).body("satisfiedAnswers", equalTo(satisfied))
                .body("satisfiedPercent", equalTo(percent)).body("intervalLowPercent", equalTo(low))
                .body("intervalHighPercent", equalTo(high));
    }

    private static void repeat(int times, Runnable action) {
        for (int i = 0; i < times; i++) {
            action.run();
        }
    }
}

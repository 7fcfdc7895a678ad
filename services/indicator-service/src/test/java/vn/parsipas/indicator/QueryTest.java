package vn.parsipas.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import vn.parsipas.devstack.ListPages;
import vn.parsipas.devstack.TestKafka;
import vn.parsipas.devstack.TestTokens;
import vn.parsipas.platform.time.ShiftableClock;

@QuarkusTest
@IndicatorServiceTest
class QueryTest {
    @Inject
    ShiftableClock clock;

    @Inject
    Pool pool;

    @BeforeEach
    void threeTargetsInJuly2025() {
        Fixtures.actAs(TestTokens.coordinator());
        Fixtures.emptyDatabase(pool);
        clock.shiftTo(Instant.parse("2025-07-02T03:00:00Z"));
        try (TestKafka kafka = Fixtures.kafka()) {
            Fixtures.define(kafka, Fixtures.dossierRateTarget("dak-lak-2025:t-1.16-online-dossier-rate"));
            Fixtures.define(kafka, Fixtures.indicatorTarget("dak-lak-2025:t-1.8-disbursement-rate", "1.8",
                    "public-investment-disbursement-rate", "Tỷ lệ giải ngân kế hoạch đầu tư vốn ngân sách nhà nước năm 2025",
                    "percent", "gte", new BigDecimal("95"), null, "ALL-DEPARTMENTS", true));
            Fixtures.define(kafka, Fixtures.indicatorTarget("dak-lak-2025:t-1.8-land-use-revenue", "1.8", "land-use-revenue",
                    "Số thu tiền sử dụng đất năm 2025", "billion-vnd", "gte", new BigDecimal("2740"), null, "SO-TAI-CHINH", true));
            Fixtures.observe(kafka, Fixtures.dossierRate("2025-06", "62.4", "2025-07-01T01:00:00Z"), "/igate");
            Fixtures.observe(kafka, Fixtures.observed("public-investment-disbursement-rate", "PROVINCE", "2025-06", "30",
                    "percent", "2025-07-01T01:00:00Z"), "/finance-system");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/targets")
                .then().body("items.status", contains("ON_TRACK", "AT_RISK", "NO_DATA")));
    }

    @AfterEach
    void resetClockAndCaller() {
        clock.reset();
        Fixtures.actAnonymously();
    }

    @Test
    void targetsCanBeFilteredByCriterionAgencyAndStatusAndArePagedByCursor() {
        given().get("/api/v1/targets?criterion=1.8").then().statusCode(200)
                .body("items.targetId", contains("dak-lak-2025:t-1.8-disbursement-rate", "dak-lak-2025:t-1.8-land-use-revenue"));
        given().get("/api/v1/targets?agency=SO-TAI-CHINH").then()
                .body("items.targetId", contains("dak-lak-2025:t-1.8-land-use-revenue"))
                .body("items[0].status", equalTo("NO_DATA"))
                .body("items[0].dataProvider", equalTo("SO-TAI-CHINH"));
        given().get("/api/v1/targets?status=AT_RISK").then()
                .body("items.targetId", contains("dak-lak-2025:t-1.8-disbursement-rate"))
                .body("items[0].expectedValue", equalTo(47.11f));

        String cursor = given().get("/api/v1/targets?limit=2").then()
                .body("items", hasSize(2)).body("nextCursor", notNullValue()).extract().path("nextCursor");
        given().get("/api/v1/targets?limit=2&cursor=" + cursor).then()
                .body("items.targetId", contains("dak-lak-2025:t-1.8-land-use-revenue")).body("nextCursor", nullValue());
        given().get("/api/v1/targets?status=LOST").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void targetsArePagedOneByOneWithoutGapsOrRepeatsAndAWrongLimitOrCursorIsRefusedNamingIt() {
        List<String> all = given().get("/api/v1/targets").then().statusCode(200).extract().jsonPath().getList("items.targetId");
        assertThat(ListPages.field(RestAssured::given, "/api/v1/targets", 1, "targetId"))
                .containsExactlyElementsOf(all).hasSize(3).doesNotHaveDuplicates();

        ListPages.refuseWrongPaging(RestAssured::given, "/api/v1/targets", 500);
        given().queryParam("limit", 500).get("/api/v1/targets").then().statusCode(200);
        given().queryParam("cursor", "not-a-cursor!").get("/api/v1/targets").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void aSeriesShowsItsValuesAndTheLineOfEachTarget() {
        given().get("/api/v1/indicators/public-investment-disbursement-rate/series").then().statusCode(200)
                .body("indicator.dataProvider", equalTo("SO-TAI-CHINH"))
                .body("indicator.cadence", equalTo("monthly"))
                .body("values.period", contains("2025-06"))
                .body("targets[0].targetId", equalTo("dak-lak-2025:t-1.8-disbursement-rate"))
                .body("targets[0].startDay", equalTo("2024-12-31"))
                .body("targets[0].startValue", equalTo(0))
                .body("targets[0].deadline", equalTo("2025-12-31"))
                .body("targets[0].threshold", equalTo(95));
        given().get("/api/v1/indicators/no-such-indicator/series").then().statusCode(404);
    }

    @Test
    void theOverviewCountsTargetsByStatusAndGroupsThemByCriterion() {
        given().get("/api/v1/overview").then().statusCode(200)
                .body("counts.ON_TRACK", equalTo(1))
                .body("counts.AT_RISK", equalTo(1))
                .body("counts.NO_DATA", equalTo(1))
                .body("criteria.criterionCode", contains("1.16", "1.8"))
                .body("criteria[1].counts.AT_RISK", equalTo(1))
                .body("criteria[1].targets", hasSize(2));
    }
}

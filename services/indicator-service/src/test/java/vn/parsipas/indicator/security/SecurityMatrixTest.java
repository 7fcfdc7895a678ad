package vn.parsipas.indicator.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import vn.parsipas.devstack.TestKafka;
import vn.parsipas.devstack.TestTokens;
import vn.parsipas.indicator.Fixtures;
import vn.parsipas.indicator.IndicatorServiceTest;
import vn.parsipas.platform.time.ShiftableClock;

/**
 * Every endpoint × every kind of caller → the expected status, each request really sent; and a
 * check that the table covers every operation of the service's OpenAPI document.
 */
@QuarkusTest
@IndicatorServiceTest
class SecurityMatrixTest {
    private static final String OWN = "SO-TAI-CHINH";
    private static final String OTHER = "SO-TU-PHAP";
    private static final String LAND = "land-use-revenue";
    private static final String LAND_TARGET = "dak-lak-2025:t-sec-land-use-revenue";
    private static final String DOSSIER_TARGET = "dak-lak-2025:t-sec-online-dossier-rate";
    private static final String LAND_ITEM = "{\"indicatorCode\": \"land-use-revenue\", \"scope\": \"PROVINCE\", \"period\": \"2025-05\", "
            + "\"value\": 900, \"unit\": \"billion-vnd\", \"observedAt\": \"2025-06-01T01:00:00Z\"}";
    private static final String LAND_CSV = "indicatorCode,scope,period,value,unit,observedAt\n"
            + "land-use-revenue,PROVINCE,2025-05,900,billion-vnd,2025-06-01T01:00:00Z\n";

    /** The callers, in the order of the expectation columns below. */
    enum Who {
        ANONYMOUS, COORDINATOR, OWN_STAFF, OTHER_STAFF, PROVIDER, PROVIDER_OTHER, PROVIDER_NONE, OPERATOR;

        String token() {
            return switch (this) {
                case ANONYMOUS -> null;
                case COORDINATOR -> TestTokens.coordinator();
                case OWN_STAFF -> TestTokens.staff(OWN);
                case OTHER_STAFF -> TestTokens.staff(OTHER);
                // finance-system is registered for land-use-revenue, igate is not, survey-kiosk for no indicator.
                case PROVIDER -> TestTokens.dataProvider("finance-system", List.of("public-investment-disbursement-rate",
                        "state-budget-revenue-growth", LAND, "psu-partial-self-financing-count"), List.of());
                case PROVIDER_OTHER -> Fixtures.igate();
                case PROVIDER_NONE -> TestTokens.dataProvider("survey-kiosk", List.of(), List.of("sipas-2025"));
                case OPERATOR -> TestTokens.operator();
            };
        }
    }

    /** One operation (its OpenAPI method and path), a concrete request, and per caller "status" or "status:outcome". */
    record Row(String method, String template, String path, String contentType, String body, String expected) {
        String operation() {
            return method + " " + template;
        }
    }

    private static final List<Row> MATRIX = List.of(
            // expected:                                                               anon coord own other prov p-other p-none oper
            get("/api/v1/targets", "/api/v1/targets",                                  "401 200 200 200 403 403 403 403"),
            get("/api/v1/targets/{targetId}", "/api/v1/targets/" + LAND_TARGET,        "401 200 200 403 403 403 403 403"),
            get("/api/v1/targets/{targetId}/history", "/api/v1/targets/" + LAND_TARGET + "/history",
                                                                                       "401 200 200 403 403 403 403 403"),
            get("/api/v1/overview", "/api/v1/overview",                                "401 200 200 200 403 403 403 403"),
            get("/api/v1/indicators", "/api/v1/indicators",                            "401 200 200 200 200 200 200 403"),
            get("/api/v1/indicators/{code}", "/api/v1/indicators/" + LAND,             "401 200 200 200 200 200 200 403"),
            get("/api/v1/indicators/{code}/series", "/api/v1/indicators/" + LAND + "/series",
                                                                                       "401 200 200 403 403 403 403 403"),
            get("/api/v1/indicators/{code}/series/{scope}/{period}", "/api/v1/indicators/" + LAND + "/series/PROVINCE/2025-06",
                                                                                       "401 200 200 403 403 403 403 403"),
            new Row("POST", "/api/v1/observations", "/api/v1/observations?dryRun=true", "application/json",
                    "{\"observations\": [" + LAND_ITEM + "]}",
                    "401 200:rejected 200:imported 200:rejected 200:imported 200:rejected 403 403"),
            new Row("POST", "/api/v1/observations", "/api/v1/observations?dryRun=true", "text/csv", LAND_CSV,
                    "401 200:rejected 200:imported 200:rejected 200:imported 200:rejected 403 403"),
            // Dead letters: operators only; a reason no record has replays and discards nothing.
            new Row("GET", "/api/v1/admin/dead-letters", "/api/v1/admin/dead-letters", null, null, "401 403 403 403 403 403 403 200"),
            new Row("GET", "/api/v1/admin/dead-letters/{topic}", "/api/v1/admin/dead-letters/plan.targets.v1.dlq", null, null,
                                                                                       "401 403 403 403 403 403 403 200"),
            new Row("POST", "/api/v1/admin/dead-letters/{topic}/replays", "/api/v1/admin/dead-letters/plan.targets.v1.dlq/replays",
                    "application/json", "{\"reason\": \"no such reason\"}",                "401 403 403 403 403 403 403 200"),
            new Row("POST", "/api/v1/admin/dead-letters/{topic}/discards", "/api/v1/admin/dead-letters/plan.targets.v1.dlq/discards",
                    "application/json", "{\"reason\": \"no such reason\", \"comment\": \"kiểm tra quyền\"}",
                                                                                       "401 403 403 403 403 403 403 200"),
            new Row("GET", "/api/v1/admin/dead-letter-actions", "/api/v1/admin/dead-letter-actions", null, null,
                                                                                       "401 403 403 403 403 403 403 200"),
            // The clock is adjustable only in demo profiles: an operator gets 404 here, everyone else never reaches it.
            new Row("GET", "/api/v1/admin/clock", "/api/v1/admin/clock", null, null,  "401 403 403 403 403 403 403 404"),
            new Row("PUT", "/api/v1/admin/clock", "/api/v1/admin/clock", "application/json", "{\"now\": \"2025-07-02T03:00:00Z\"}",
                                                                                       "401 403 403 403 403 403 403 404"));

    @TestHTTPResource("/api/v1/observations")
    URI observations;

    @Inject
    ShiftableClock clock;

    @Inject
    Pool pool;

    @BeforeEach
    void twoAgenciesTargetsAndALandRevenueValue() {
        Fixtures.actAnonymously();
        Fixtures.emptyDatabase(pool);
        clock.shiftTo(Instant.parse("2025-07-02T03:00:00Z"));
        try (TestKafka kafka = Fixtures.kafka()) {
            Fixtures.define(kafka, Fixtures.indicatorTarget(LAND_TARGET, "1.8", LAND, "Số thu tiền sử dụng đất năm 2025",
                    "billion-vnd", "gte", new BigDecimal("2740"), null, OWN, true));
            Fixtures.define(kafka, Fixtures.indicatorTarget(DOSSIER_TARGET, "1.16", Fixtures.DOSSIER_RATE,
                    "Tỷ lệ hồ sơ trực tuyến toàn trình", "percent", "gte", new BigDecimal("80"), null, "VP-UBND-TINH", true));
            Fixtures.observe(kafka, Fixtures.observed(LAND, "PROVINCE", "2025-06", "1200", "billion-vnd", "2025-07-01T01:00:00Z"),
                    "/finance-system");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(Who.COORDINATOR).get("/api/v1/targets")
                .then().body("items.targetId", contains(LAND_TARGET, DOSSIER_TARGET)).body("items[0].value", equalTo(1200)));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void everyEndpointAnswersEachCallerAsThePolicySays() {
        List<String> failures = new ArrayList<>();
        for (Row row : MATRIX) {
            String[] expected = row.expected().split(" +");
            for (Who who : Who.values()) {
                String[] want = expected[who.ordinal()].split(":");
                Response response = send(row, who);
                String outcome = want.length > 1 ? response.path("items[0].outcome") : null;
                if (response.statusCode() != Integer.parseInt(want[0]) || (want.length > 1 && !want[1].equals(outcome))) {
                    failures.add(row.operation() + " " + row.contentType() + " as " + who + ": expected " + expected[who.ordinal()]
                            + ", got " + response.statusCode() + (outcome == null ? "" : ":" + outcome));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theMatrixCoversEveryOperationOfTheOpenApiDocument() {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(method -> Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(method))
                .forEach(method -> documented.add(method.toUpperCase() + " " + path)));
        Set<String> tested = new TreeSet<>(MATRIX.stream().map(Row::operation).toList());

        assertThat(tested).as("operations of the matrix").isEqualTo(documented);
    }

    @Test
    void staffListsHoldTheirOwnAgencysTargetsOnlyWhateverTheFilter() {
        as(Who.OWN_STAFF).get("/api/v1/targets").then().body("items.targetId", contains(LAND_TARGET))
                .body("items.responsibleAgency", everyItem(equalTo(OWN)));
        as(Who.OWN_STAFF).get("/api/v1/targets?agency=VP-UBND-TINH").then().body("items", empty());
        as(Who.OTHER_STAFF).get("/api/v1/targets").then().statusCode(200).body("items", empty());
        as(Who.OTHER_STAFF).get("/api/v1/targets?agency=" + OWN).then().body("items", empty());

        as(Who.OWN_STAFF).get("/api/v1/overview").then().body("criteria.targets.flatten().targetId", contains(LAND_TARGET));
        Map<String, Integer> counts = as(Who.OTHER_STAFF).get("/api/v1/overview").then().body("criteria", empty())
                .extract().jsonPath().getMap("counts");
        assertThat(counts.values()).containsOnly(0);
        as(Who.COORDINATOR).get("/api/v1/overview").then().body("criteria.criterionCode", contains("1.16", "1.8"));
    }

    @Test
    void staffReadTheValuesOfTheirIndicatorsForTheProvinceOrTheirAgencyOnly() {
        as(Who.OWN_STAFF).get("/api/v1/indicators/" + LAND + "/series").then().statusCode(200)
                .body("values.source", contains("/finance-system"))
                .body("targets.targetId", contains(LAND_TARGET));
        as(Who.OWN_STAFF).get("/api/v1/indicators/" + LAND + "/series?scope=" + OWN).then().statusCode(200)
                .body("values", empty());
        as(Who.OWN_STAFF).get("/api/v1/indicators/" + LAND + "/series?scope=SO-NOI-VU").then().statusCode(403);
        as(Who.OWN_STAFF).get("/api/v1/indicators/" + Fixtures.DOSSIER_RATE + "/series").then().statusCode(403);
        as(Who.OTHER_STAFF).get("/api/v1/indicators/" + LAND + "/series/PROVINCE/2025-06").then().statusCode(403);
        // The responsible agency of a target reads the values it is measured by, though another agency provides them.
        given().auth().oauth2(TestTokens.staff("VP-UBND-TINH"))
                .get("/api/v1/indicators/" + Fixtures.DOSSIER_RATE + "/series").then().statusCode(200)
                .body("targets.targetId", contains(DOSSIER_TARGET));
    }

    @Test
    void unauthorisedAndForbiddenAreProblemDocumentsWithoutInternals() {
        given().get("/api/v1/targets/" + LAND_TARGET).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"))
                .body(not(containsString("Exception")));
        given().auth().oauth2(TestTokens.coordinator() + "x").get("/api/v1/targets").then().statusCode(401)
                .contentType("application/problem+json");

        String forbidden = as(Who.OTHER_STAFF).get("/api/v1/targets/" + LAND_TARGET).then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("title", equalTo("Forbidden"))
                .extract().asString();
        assertThat(forbidden).doesNotContain(OWN, "Exception", "select", "at vn.parsipas");
    }

    @Test
    void anOversizedUploadIsRefusedBeforeItIsRead() throws Exception {
        byte[] body = new byte[5 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        // Expect: 100-continue, as a well-behaved client sends a large body: the service answers before it is sent.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(observations)
                .header("Authorization", "Bearer " + Who.PROVIDER.token()).header("Content-Type", "text/csv")
                .header("Idempotency-Key", "too-big").expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        as(Who.COORDINATOR).get("/api/v1/indicators/" + LAND + "/series").then().body("values.period", contains("2025-06"));
    }

    private static Row get(String template, String path, String expected) {
        return new Row("GET", template, path, null, null, expected);
    }

    private static RequestSpecification as(Who who) {
        RequestSpecification request = given();
        return who.token() == null ? request : request.auth().oauth2(who.token());
    }

    private static Response send(Row row, Who who) {
        RequestSpecification request = as(who).header("Idempotency-Key", "matrix");
        if (row.body() != null) {
            request = request.contentType(row.contentType()).body(row.body());
        }
        return request.request(row.method(), row.path());
    }
}

package vn.parsipas.indicator.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import vn.parsipas.devstack.TestTokens;
import vn.parsipas.indicator.Fixtures;
import vn.parsipas.indicator.IndicatorServiceTest;
import vn.parsipas.platform.time.ShiftableClock;

/** The source of a REST push is the token's, never the caller's choice; each item must be the caller's to push. */
@QuarkusTest
@IndicatorServiceTest
class SourceFromTokenTest {
    private static final String LAND = "land-use-revenue";

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
    void aClientPushesAsItsClientIdOnlyTheIndicatorsItIsRegisteredFor() {
        push(Fixtures.igate(), item(Fixtures.DOSSIER_RATE, "PROVINCE", "2025-06", "62.4", "percent", "\"finance-system\""),
                item(LAND, "PROVINCE", "2025-06", "1200", "billion-vnd", null))
                .then().statusCode(200)
                .body("items.outcome", contains("imported", "rejected"))
                .body("items[1].field", equalTo("indicatorCode"))
                .body("items[1].reason", equalTo("client 'igate' is not registered for indicator 'land-use-revenue'"));
        given().get(history(Fixtures.DOSSIER_RATE, "PROVINCE")).then().statusCode(200)
                .body("current.source", equalTo("/igate"))
                .body("current.sourceSystem", equalTo("finance-system"));

        // A token allowing more than the catalogue lets the client's source report is still refused by the catalogue.
        push(TestTokens.dataProvider("igate", List.of(LAND), List.of()), item(LAND, "PROVINCE", "2025-06", "1200", "billion-vnd", null))
                .then().statusCode(200).body("status", equalTo("ERROR")).body("items[0].field", equalTo("source"));
        push(TestTokens.dataProvider("survey-kiosk", List.of(), List.of("sipas-2025")),
                item(Fixtures.DOSSIER_RATE, "PROVINCE", "2025-05", "60", "percent", null))
                .then().statusCode(403).contentType("application/problem+json");
        given().get("/api/v1/indicators/" + Fixtures.DOSSIER_RATE + "/series").then().body("values.period", contains("2025-06"));
    }

    @Test
    void agencyStaffEnterTheirAgencysIndicatorsForTheProvinceOrTheirAgencyOnly() {
        push(TestTokens.staff("SO-TAI-CHINH"), item(LAND, "PROVINCE", "2025-06", "1200", "billion-vnd", null),
                item(LAND, "SO-TAI-CHINH", "2025-06", "1200", "billion-vnd", null),
                item(LAND, "SO-NOI-VU", "2025-06", "1200", "billion-vnd", null),
                item(Fixtures.DOSSIER_RATE, "PROVINCE", "2025-06", "62.4", "percent", null))
                .then().statusCode(200)
                .body("items.outcome", contains("imported", "imported", "rejected", "rejected"))
                .body("items[2].field", equalTo("scope"))
                .body("items[3].field", equalTo("source"));
        given().get(history(LAND, "PROVINCE")).then().body("current.source", equalTo("/agencies/SO-TAI-CHINH"));

        push(TestTokens.coordinator(), "{\"indicatorCode\": \"par-index-rank\", \"scope\": \"PROVINCE\", \"period\": \"2024\", "
                + "\"value\": 20, \"unit\": \"places\", \"observedAt\": \"2025-05-01T01:00:00Z\"}")
                .then().statusCode(200).body("items[0].outcome", equalTo("imported"));
        given().get("/api/v1/indicators/par-index-rank/series/PROVINCE/2024").then()
                .body("current.source", equalTo("/agencies/SO-NOI-VU"));
        push(TestTokens.user("no-agency", "agency-staff", null), item(LAND, "PROVINCE", "2025-05", "900", "billion-vnd", null))
                .then().statusCode(403);
    }

    @Test
    void idempotencyKeysBelongToTheSourceThatUsedThem() {
        String key = UUID.randomUUID().toString();
        pushWithKey(Fixtures.igate(), key, item(Fixtures.DOSSIER_RATE, "PROVINCE", "2025-06", "62.4", "percent", null))
                .then().statusCode(200).body("counts.imported", equalTo(1));

        pushWithKey(TestTokens.staff("SO-TAI-CHINH"), key, item(LAND, "PROVINCE", "2025-06", "1200", "billion-vnd", null))
                .then().statusCode(200).body("counts.imported", equalTo(1));
    }

    private static Response push(String token, String... items) {
        return pushWithKey(token, UUID.randomUUID().toString(), items);
    }

    private static Response pushWithKey(String token, String key, String... items) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"observations\": [" + String.join(",", items) + "]}").post("/api/v1/observations");
    }

    private static String item(String code, String scope, String period, String value, String unit, String sourceSystem) {
        return "{\"indicatorCode\": \"" + code + "\", \"scope\": \"" + scope + "\", \"period\": \"" + period + "\", \"value\": "
                + value + ", \"unit\": \"" + unit + "\", \"observedAt\": \"2025-07-01T01:00:00Z\""
                + (sourceSystem == null ? "" : ", \"sourceSystem\": " + sourceSystem) + "}";
    }

    private static String history(String code, String scope) {
        return "/api/v1/indicators/" + code + "/series/" + scope + "/2025-06";
    }
}

package vn.parsipas.indicator.security;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import vn.parsipas.devstack.DevStackTestResource;
import vn.parsipas.devstack.TestKafka;
import vn.parsipas.indicator.Fixtures;

/**
 * End to end against the real Keycloak devstack starts with the parsipas realm: tokens are obtained
 * as an external system and a person would (client credentials, password grant), nothing is minted.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "indicator"), @ResourceArg(name = "keycloak", value = "true") })
class KeycloakEndToEndTest {
    private static final String DEMO_PASSWORD = "local-only-demo";
    private static final String TARGET = "dak-lak-2025:t-e2e-online-dossier-rate";
    private static final String HISTORY = "/api/v1/indicators/" + Fixtures.DOSSIER_RATE + "/series/PROVINCE/2025-06";

    @Inject
    Pool pool;

    @BeforeEach
    void emptyService() {
        Fixtures.actAnonymously();
        Fixtures.emptyDatabase(pool);
    }

    @Test
    void igatePushesWithItsClientCredentialsAndTheValueIsStoredWithSourceIgate() {
        String igate = clientToken("igate", "local-only-igate-secret");

        push(igate, "62.4").then().statusCode(200)
                .body("status", equalTo("OK"))
                .body("items[0].outcome", equalTo("imported"));

        given().auth().oauth2(userToken("coordinator.snv")).get(HISTORY).then().statusCode(200)
                .body("current.source", equalTo("/igate"))
                .body("current.value", equalTo(62.4f));
    }

    @Test
    void aClientNotRegisteredForTheIndicatorIsRefused() {
        push(clientToken("finance-system", "local-only-finance-system-secret"), "70").then().statusCode(200)
                .body("status", equalTo("ERROR"))
                .body("items[0].outcome", equalTo("rejected"))
                .body("items[0].reason", equalTo("client 'finance-system' is not registered for indicator '"
                        + Fixtures.DOSSIER_RATE + "'"));
        push(clientToken("survey-kiosk", "local-only-survey-kiosk-secret"), "70").then().statusCode(403)
                .contentType("application/problem+json");

        given().auth().oauth2(userToken("coordinator.snv")).get(HISTORY).then().statusCode(404);
    }

    /** A service's own client logs in to Kafka (client credentials); its token is not for the APIs (audience). */
    @Test
    void aServicesKafkaLoginCannotCallTheApis() {
        String serviceAccount = clientToken("indicator-service", "local-only-indicator-service-secret");

        push(serviceAccount, "62.4").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(serviceAccount).get("/api/v1/targets").then().statusCode(401);
    }

    @Test
    void staffOfTheProvidingAgencyReadTheValueAndStaffOfAnotherAgencyCannot() {
        try (TestKafka kafka = Fixtures.kafka()) {
            Fixtures.define(kafka, Fixtures.indicatorTarget(TARGET, "1.16", Fixtures.DOSSIER_RATE, "Tỷ lệ hồ sơ trực tuyến toàn trình",
                    "percent", "gte", new BigDecimal("80"), null, "VP-UBND-TINH", true));
        }
        push(clientToken("igate", "local-only-igate-secret"), "62.4").then().statusCode(200)
                .body("items[0].outcome", equalTo("imported"));
        String ownAgency = userToken("staff.vpubnd");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(ownAgency).get("/api/v1/targets")
                .then().statusCode(200).body("items.targetId", contains(TARGET)).body("items[0].value", equalTo(62.4f)));

        given().auth().oauth2(ownAgency).get(HISTORY).then().statusCode(200)
                .body("current.source", equalTo("/igate"));
        String otherAgency = userToken("staff.stp");
        given().auth().oauth2(otherAgency).get(HISTORY).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(otherAgency).get("/api/v1/indicators/" + Fixtures.DOSSIER_RATE + "/series").then().statusCode(403);
        given().auth().oauth2(otherAgency).get("/api/v1/targets").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(otherAgency).get("/api/v1/targets/" + TARGET).then().statusCode(403);
        given().auth().oauth2(userToken("operator")).get(HISTORY).then().statusCode(403);
        given().auth().oauth2(userToken("coordinator.snv")).get("/api/v1/indicators/" + Fixtures.DOSSIER_RATE + "/series")
                .then().body("values.source", contains("/igate"));
    }

    private static Response push(String token, String value) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"observations\": [{\"indicatorCode\": \"" + Fixtures.DOSSIER_RATE + "\", \"scope\": \"PROVINCE\", "
                        + "\"period\": \"2025-06\", \"value\": " + value + ", \"unit\": \"percent\", "
                        + "\"observedAt\": \"2025-07-01T01:00:00Z\"}]}")
                .post("/api/v1/observations");
    }

    /** Client credentials, as an external system gets its token. */
    private static String clientToken(String clientId, String secret) {
        return token("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret);
    }

    /** Password grant through the public web client, as a demo user signs in. */
    private static String userToken(String username) {
        return token("grant_type", "password", "client_id", "parsipas-web", "username", username, "password", DEMO_PASSWORD);
    }

    private static String token(String... form) {
        var request = given().contentType(ContentType.URLENC);
        for (int i = 0; i < form.length; i += 2) {
            request = request.formParam(form[i], form[i + 1]);
        }
        return request.post(ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class)
                        + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}

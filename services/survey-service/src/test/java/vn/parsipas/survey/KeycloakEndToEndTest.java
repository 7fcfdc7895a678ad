package vn.parsipas.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import vn.parsipas.contracts.sipas.SurveyResponseSubmitted;
import vn.parsipas.devstack.DevStackTestResource;

/**
 * Real tokens from the real Keycloak with the realm of deploy/keycloak: the one-stop shop registers
 * a receipt code, a kiosk submits the response for it, staff read their own agency's index only.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = { @ResourceArg(name = "database", value = "survey"),
        @ResourceArg(name = "keycloak", value = "true") })
class KeycloakEndToEndTest {
    private static final String AGENCY = "SO-TU-PHAP";

    @Test
    void theOneStopShopRegistersAKioskSubmitsAndOnlyTheAgencysStaffReadTheIndex() {
        Fixtures.agencies(AGENCY, "SO-KHOA-HOC-CONG-NGHE");
        String igate = clientToken("igate", "local-only-igate-secret");
        String kiosk = clientToken("survey-kiosk", "local-only-survey-kiosk-secret");
        String code = Fixtures.uniqueReceipt();
        Map<String, Object> registration = Map.of("receiptCodes", List.of(Map.of("receiptCode", code, "agencyCode", AGENCY)));

        bearer(kiosk).contentType(ContentType.JSON).body(registration).post("/api/v1/receipt-codes").then().statusCode(403)
                .contentType("application/problem+json");
        bearer(igate).contentType(ContentType.JSON).body(registration)
                .post("/api/v1/receipt-codes").then().statusCode(200).body("items[0].outcome", equalTo("registered"));
        SurveyResponseSubmitted response = Fixtures.response(AGENCY, code, Instant.parse("2024-06-12T03:40:00Z"), 5);
        bearer(kiosk).contentType(ContentType.JSON)
                .body(Fixtures.json(response)).post("/api/v1/responses").then().statusCode(201);
        assertThat(Fixtures.rows("select source from survey_response where response_id = $1", response.responseId()))
                .containsExactly("{\"source\":\"/survey-kiosk\"}");
        bearer(igate).get("/api/v1/indices").then().statusCode(403);

        bearer(userToken("staff.stp")).get("/api/v1/indices/2.2.1/" + AGENCY + "/2024-Q2").then().statusCode(200)
                .body("responses", greaterThanOrEqualTo(1));
        bearer(userToken("staff.skhcn")).get("/api/v1/indices/2.2.1/" + AGENCY + "/2024-Q2").then().statusCode(403);
        bearer(userToken("staff.skhcn")).get("/api/v1/indices?scope=" + AGENCY).then().statusCode(200).body("items", empty());
        bearer(userToken("coordinator.snv")).get("/api/v1/indices/2.2.1/" + AGENCY + "/2024-Q2").then().statusCode(200);
    }

    private static RequestSpecification bearer(String token) {
        return RestAssured.given().auth().oauth2(token);
    }

    private static String clientToken(String clientId, String secret) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** Password grant through the realm's public web client, as a demo user logs in. */
    private static String userToken(String username) {
        return token(Map.of("grant_type", "password", "client_id", "parsipas-web", "username", username,
                "password", "local-only-demo"));
    }

    private static String token(Map<String, String> form) {
        String issuer = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        return RestAssured.given().contentType(ContentType.URLENC).formParams(form).post(issuer + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}

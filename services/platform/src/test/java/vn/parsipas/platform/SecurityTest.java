package vn.parsipas.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.parsipas.devstack.TestTokens;

@QuarkusTest
@PlatformTest
class SecurityTest {
    private static final String SO_KHCN = "/api/v1/test/agencies/SO-KHOA-HOC-CONG-NGHE";

    @Test
    void anonymousAndForgedTokensGet401AsProblemJson() {
        given().get(SO_KHCN).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
        String forged = TestTokens.coordinator();
        forged = forged.substring(0, forged.length() - 4) + "AAAA";
        given().auth().oauth2(forged).get(SO_KHCN).then().statusCode(401).contentType("application/problem+json");
    }

    /** Security review M8: a realm token minted for another client (here the account console) is not for these APIs. */
    @Test
    void aTokenWithoutTheApiAudienceGets401() {
        String otherClient = TestTokens.mint("coordinator.test", List.of("coordinator"),
                Map.of("aud", "account", "azp", "account-console", "agency", "SO-NOI-VU"));
        given().auth().oauth2(otherClient).get(SO_KHCN).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.coordinator()).get(SO_KHCN).then().statusCode(200);
    }

    @Test
    void staffActOnlyForTheirOwnAgencyAndCoordinatorsForAll() {
        given().auth().oauth2(TestTokens.staff("SO-KHOA-HOC-CONG-NGHE")).get(SO_KHCN).then().statusCode(200)
                .body("agency", equalTo("SO-KHOA-HOC-CONG-NGHE"))
                .body("visibleAgencies", containsInAnyOrder("SO-KHOA-HOC-CONG-NGHE"));
        given().auth().oauth2(TestTokens.staff("SO-TAI-CHINH")).get(SO_KHCN).then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", not(equalTo(null)));
        given().auth().oauth2(TestTokens.coordinator()).get(SO_KHCN).then().statusCode(200)
                .body("visibleAgencies", nullValue());
    }

    @Test
    void theOperatorRoleNeverWidensTheAgenciesACallerSeesOrActsFor() {
        String operatorAndStaff = TestTokens.mint("it.stp", List.of("operator", "agency-staff"),
                Map.of("preferred_username", "it.stp", "azp", "parsipas-web", "agency", "SO-TU-PHAP"));
        given().auth().oauth2(operatorAndStaff).get(SO_KHCN).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(operatorAndStaff).get("/api/v1/test/agencies/SO-TU-PHAP").then().statusCode(200)
                .body("visibleAgencies", containsInAnyOrder("SO-TU-PHAP"));
        given().auth().oauth2(TestTokens.operator()).get(SO_KHCN).then().statusCode(403);
    }

    @Test
    void rolesAreCheckedAndDataProvidersAreTheirClient() {
        String igate = TestTokens.dataProvider("igate", List.of("online-end-to-end-dossier-rate"), List.of());
        given().auth().oauth2(igate).get(SO_KHCN).then().statusCode(403);
        given().auth().oauth2(TestTokens.coordinator()).get("/api/v1/test/agencies/provider").then().statusCode(403);
        given().auth().oauth2(igate).get("/api/v1/test/agencies/provider").then().statusCode(200)
                .body("", containsInAnyOrder("igate", "online-end-to-end-dossier-rate"));
    }

    @Test
    void onlyAnOperatorMovesTheClockWhereItIsAdjustable() {
        given().auth().oauth2(TestTokens.coordinator()).get("/api/v1/admin/clock").then().statusCode(403);
        given().get("/api/v1/admin/clock").then().statusCode(401);
        given().auth().oauth2(TestTokens.operator()).contentType("application/json")
                .body(Map.of("now", "2025-12-31T17:00:01Z"))
                .put("/api/v1/admin/clock").then().statusCode(200)
                .body("now", startsWith("2025-12-31T17:00:0"));
        given().auth().oauth2(TestTokens.operator()).contentType("application/json")
                .body(Map.of("now", java.time.Instant.now().toString()))
                .put("/api/v1/admin/clock").then().statusCode(200);
    }

    @Test
    void healthAndMetricsStayOpen() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }
}

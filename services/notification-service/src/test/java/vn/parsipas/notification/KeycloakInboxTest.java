package vn.parsipas.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import vn.parsipas.contracts.directory.AgencyUpserted;
import vn.parsipas.contracts.task.TaskOverdue;
import vn.parsipas.devstack.DevStackTestResource;
import vn.parsipas.devstack.OpenApiContract;
import vn.parsipas.devstack.TestTokens;

/**
 * End to end with the real Keycloak that devstack starts, the parsipas realm imported: demo users log
 * in through the public client {@code parsipas-web} (password grant) and the service verifies their
 * tokens against the realm's keys. Staff read their own agency's inbox, live stream included, and
 * nothing of another agency's.
 */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
@WithTestResource(value = DevStackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "notification"), @ResourceArg(name = "keycloak", value = "true") })
@WithTestResource(SmtpTestResource.class)
class KeycloakInboxTest {
    private static final String SKHCN = "SO-KHOA-HOC-CONG-NGHE";
    private static final String STC = "SO-TAI-CHINH";
    private static final String DEMO_PASSWORD = "local-only-demo";

    @Test
    void staffLoggedInThroughKeycloakReadTheirAgencysAlertsAndNoOneElses() throws Exception {
        String coordinator = login("coordinator.snv");
        String skhcn = login("staff.skhcn");
        String stc = login("staff.stc");
        try (Scenario scenario = new Scenario()) {
            scenario.send(new AgencyUpserted(SKHCN, "Sở Khoa học và Công nghệ", "department", "VP-UBND-TINH",
                    List.of(Scenario.email(SKHCN)), null, true, Instant.parse("2025-05-27T02:00:00Z")));
            await().atMost(Scenario.WAIT).until(() -> given().auth().oauth2(coordinator)
                    .get("/api/v1/agencies/{code}/webhook", SKHCN).statusCode() == 200);
            TaskOverdue task = Scenario.overdue(Scenario.taskId(), SKHCN, List.of());
            String fingerprint = "task-overdue:" + task.taskId();

            try (SseClient live = new SseClient(streamUrl(SKHCN), skhcn)) {
                scenario.send(task);

                await().atMost(Scenario.WAIT).until(() -> given().auth().oauth2(skhcn).get("/api/v1/agencies/{code}/alerts", SKHCN)
                        .then().statusCode(200).extract().jsonPath().getList("items.fingerprint").contains(fingerprint));
                await().atMost(Scenario.WAIT).until(() -> live.events().stream().anyMatch(e -> e.data().contains(fingerprint)));
            }
            String alertId = given().auth().oauth2(skhcn).get("/api/v1/agencies/{code}/alerts", SKHCN).jsonPath()
                    .getString("items.find { it.fingerprint == '" + fingerprint + "' }.alertId");

            given().auth().oauth2(stc).get("/api/v1/agencies/{code}/alerts", SKHCN).then().statusCode(403)
                    .contentType("application/problem+json");
            given().auth().oauth2(stc).get("/api/v1/alerts/{alertId}", alertId).then().statusCode(403);
            assertThat(given().auth().oauth2(stc).get("/api/v1/alerts?limit=200").then().statusCode(200).extract().jsonPath()
                    .getList("items.agencyCode", String.class)).doesNotContain(SKHCN);
            assertThat(given().auth().oauth2(stc).get("/api/v1/agencies/{code}/alerts/stream", SKHCN).statusCode()).isEqualTo(403);

            given().auth().oauth2(skhcn).contentType(ContentType.JSON).body(Map.of("agencyCode", SKHCN))
                    .post("/api/v1/alerts/{alertId}/acknowledgements", alertId)
                    .then().statusCode(200).body("acknowledgedBy", equalTo("staff.skhcn"));
        }
    }

    @Test
    void aForgedOrMintedTokenIsNotAcceptedWhereKeycloakIssuesThem() {
        given().auth().oauth2(TestTokens.coordinator()).get("/api/v1/alerts").then().statusCode(401)
                .contentType("application/problem+json");
    }

    /** A password grant through the public client, as the web app and the CLI log in. */
    private static String login(String username) {
        String token = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class)
                + "/protocol/openid-connect/token";
        return given().contentType(ContentType.URLENC).formParam("grant_type", "password").formParam("client_id", "parsipas-web")
                .formParam("username", username).formParam("password", DEMO_PASSWORD)
                .post(token).then().statusCode(200).extract().path("access_token");
    }

    private static String streamUrl(String agency) {
        return "http://127.0.0.1:" + RestAssured.port + "/api/v1/agencies/" + agency + "/alerts/stream";
    }
}

package vn.parsipas.task.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static vn.parsipas.task.Fixtures.api;

import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.parsipas.devstack.TestTokens;
import vn.parsipas.task.Fixtures;
import vn.parsipas.task.TaskServiceTest;

/**
 * What agency staff see and may do beyond the status table: lists and dashboards hold only their
 * agency's tasks, only the lead agency reports, who acts comes from the token, and refusals are
 * problem+json without internals.
 */
@QuarkusTest
@TaskServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgencyScopeTest {
    private static final LocalDate DEADLINE = LocalDate.of(2035, 6, 30);

    @TestHTTPResource("/api/v1/tasks")
    String tasksUri;

    @TestHTTPResource("/api/v1/plans")
    String plansUri;

    private String lead;
    private String coordinating;
    private String other;
    private String task;

    /** Once per class, before the first test (RestAssured knows the port only from then on). */
    @BeforeEach
    void twoAgenciesShareATaskAndAThirdHasNone() {
        if (task != null) {
            return;
        }
        lead = Fixtures.createAgency("Sở chủ trì");
        coordinating = Fixtures.createAgency("Sở phối hợp");
        other = Fixtures.createAgency("Sở không liên quan");
        task = Fixtures.createTask("Công khai kết quả đánh giá chỉ số CCHC.", lead, List.of(coordinating), DEADLINE);
    }

    @Test
    void staffListOnlyTasksTheirAgencyLeadsOrCoordinates() {
        assertThat(taskIds(TestTokens.staff(lead), Map.of())).contains(task);
        assertThat(taskIds(TestTokens.staff(coordinating), Map.of())).contains(task);
        assertThat(taskIds(TestTokens.staff(other), Map.of())).isEmpty();
        assertThat(taskIds(TestTokens.staff(other), Map.of("agency", lead))).as("asking for another agency").isEmpty();

        JsonPath seedAgency = api(TestTokens.staff("SO-NOI-VU")).queryParam("limit", 200).get("/api/v1/tasks")
                .then().statusCode(200).extract().jsonPath();
        List<String> leads = seedAgency.getList("items.leadAgency");
        List<List<String>> coordinatingAgencies = seedAgency.getList("items.coordinatingAgencies");
        assertThat(leads).isNotEmpty();
        for (int i = 0; i < leads.size(); i++) {
            assertThat(leads.get(i).equals("SO-NOI-VU") || coordinatingAgencies.get(i).contains("SO-NOI-VU"))
                    .as("task %d of SO-NOI-VU's list", i).isTrue();
        }
        assertThat(taskIds(TestTokens.staff("SO-NOI-VU"), Map.of("limit", 200))).doesNotContain(task);
        assertThat(taskIds(TestTokens.coordinator(), Map.of("agency", lead))).contains(task);
    }

    @Test
    void staffDashboardsCountOnlyTheirAgencysTasks() {
        List<String> seenByLead = api(TestTokens.staff(lead)).queryParam("role", "any").get("/api/v1/summaries/agencies")
                .then().statusCode(200).extract().jsonPath().getList("agency");
        assertThat(seenByLead).containsExactly(lead);
        List<String> seenByCoordinating = api(TestTokens.staff(coordinating)).queryParam("role", "any")
                .get("/api/v1/summaries/agencies").then().statusCode(200).extract().jsonPath().getList("agency");
        assertThat(seenByCoordinating).containsExactly(coordinating);
        assertThat(api(TestTokens.staff(other)).queryParam("role", "any").get("/api/v1/summaries/agencies")
                .then().statusCode(200).extract().jsonPath().getList("$")).isEmpty();
        assertThat(api(TestTokens.staff(other)).queryParam("planId", "dak-lak-2025").get("/api/v1/summaries/criteria")
                .then().statusCode(200).extract().jsonPath().getList("$")).isEmpty();
        assertThat(api().queryParam("role", "any").get("/api/v1/summaries/agencies").then().statusCode(200)
                .extract().jsonPath().getList("agency")).contains(lead, coordinating, "SO-NOI-VU");
    }

    @Test
    void onlyTheLeadAgencyReportsAndTheReportIsSignedByTheToken() {
        String id = Fixtures.createTask("Cập nhật danh mục TTHC.", lead, List.of(coordinating), DEADLINE);

        api(TestTokens.staff(lead)).body(Map.of("percentComplete", 30, "note", "Đã rà soát 30 thủ tục."))
                .post("/api/v1/tasks/" + id + "/progress-reports").then().statusCode(201)
                .body("reportingAgency", equalTo(lead)).body("reportedBy", equalTo("staff." + lead.toLowerCase()));
        api(TestTokens.staff(lead)).body(Map.of("percentComplete", 40, "reportingAgency", coordinating))
                .post("/api/v1/tasks/" + id + "/progress-reports").then().statusCode(403);
        api(TestTokens.staff(coordinating)).body(Map.of("percentComplete", 40, "reportingAgency", coordinating))
                .post("/api/v1/tasks/" + id + "/progress-reports").then().statusCode(403);
        api().body(Map.of("percentComplete", 50, "reportingAgency", coordinating))
                .post("/api/v1/tasks/" + id + "/progress-reports").then().statusCode(201).body("reportedBy", equalTo("coordinator.test"));

        assertThat(api(TestTokens.staff(coordinating)).get("/api/v1/tasks/" + id + "/progress-reports").then().statusCode(200)
                .extract().jsonPath().getList("reportingAgency")).containsExactly(lead, coordinating);
        api(TestTokens.staff(lead)).body(Map.of()).post("/api/v1/tasks/" + id + "/complete").then().statusCode(200)
                .body("status", equalTo("completed")).body("completedBy", equalTo("staff." + lead.toLowerCase()));
    }

    @Test
    void webhookUrlsAreShownToCoordinatorsOnly() {
        String code = Fixtures.createAgency("Sở có webhook");
        api().body(Map.of("name", "Sở có webhook", "kind", "department", "webhookUrl", "https://hooks.example.vn/bi-mat-123"))
                .put("/api/v1/agencies/" + code).then().statusCode(200);

        api().get("/api/v1/agencies/" + code).then().statusCode(200).body("webhookUrl", equalTo("https://hooks.example.vn/bi-mat-123"));
        api(TestTokens.staff(lead)).get("/api/v1/agencies/" + code).then().statusCode(200).body("webhookUrl", nullValue());
        String listed = api(TestTokens.staff(lead)).queryParam("limit", 200).get("/api/v1/agencies").then().statusCode(200)
                .extract().asString();
        assertThat(listed).doesNotContain("bi-mat-123");
    }

    @Test
    void refusalsAreProblemJsonWithoutInternals() {
        String unauthorized = api(null).get("/api/v1/tasks/" + task).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401)).body("title", equalTo("Unauthorized")).extract().asString();
        String forbidden = api(TestTokens.staff(other)).get("/api/v1/tasks/" + task).then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403)).body("title", equalTo("Forbidden"))
                .extract().asString();
        for (String body : List.of(unauthorized, forbidden)) {
            assertThat(body).doesNotContain(lead).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("select");
        }
    }

    @Test
    void expiredForgedAndAgencylessTokensAreRefused() {
        String expired = TestTokens.mint("coordinator.old", List.of("coordinator"),
                Map.of("exp", java.time.Instant.now().minusSeconds(600).getEpochSecond()));
        api(expired).get("/api/v1/tasks").then().statusCode(401).contentType("application/problem+json");
        String coordinator = TestTokens.coordinator();
        String forged = coordinator.substring(0, coordinator.lastIndexOf('.') + 1) + "AAAA";
        api(forged).get("/api/v1/tasks").then().statusCode(401);
        assertThat(taskIds(TestTokens.user("staff.nowhere", "agency-staff", null), Map.of())).as("staff without agency").isEmpty();
    }

    /** Sent with Expect: 100-continue, as a well-behaved client does: the server refuses before the upload. */
    @Test
    void oversizedBodiesAreRejected() throws Exception {
        byte[] huge = ("{\"title\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String[] target : new String[][] {{tasksUri, "application/json"}, {plansUri, "application/yaml"}}) {
            HttpRequest post = HttpRequest.newBuilder(URI.create(target[0])).expectContinue(true)
                    .header("Content-Type", target[1]).header("Authorization", "Bearer " + TestTokens.coordinator())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build();
            assertThat(http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode()).as(target[0]).isEqualTo(413);
        }
    }

    private static List<String> taskIds(String token, Map<String, Object> query) {
        return api(token).queryParams(query).get("/api/v1/tasks").then().statusCode(200).extract().jsonPath().getList("items.id");
    }
}

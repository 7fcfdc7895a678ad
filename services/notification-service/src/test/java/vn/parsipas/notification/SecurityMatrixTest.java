package vn.parsipas.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.parsipas.notification.SecurityMatrixTest.Who.ANONYMOUS;
import static vn.parsipas.notification.SecurityMatrixTest.Who.COORDINATOR;
import static vn.parsipas.notification.SecurityMatrixTest.Who.OPERATOR;
import static vn.parsipas.notification.SecurityMatrixTest.Who.OTHER_STAFF;
import static vn.parsipas.notification.SecurityMatrixTest.Who.OWN_STAFF;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import vn.parsipas.contracts.EventJson;
import vn.parsipas.devstack.TestTokens;

/**
 * Every endpoint × every kind of caller, each request really sent with a minted token, against the
 * status the role policy gives (docs/security/notification-service.md). The table must name every
 * operation of the OpenAPI document, so an endpoint added later cannot go untested.
 */
@QuarkusTest
@NotificationServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityMatrixTest {
    enum Who { ANONYMOUS, COORDINATOR, OWN_STAFF, OTHER_STAFF, DATA_PROVIDER, OPERATOR }

    /** One operation: its path parameters and body for each caller, and the status each must get, in {@link Who} order. */
    record Endpoint(String method, String path, Function<Who, List<String>> params, Function<Who, Object> body,
            List<Integer> expected) {
        String operation() {
            return method + " " + path;
        }
    }

    record Answer(int status, String contentType, String body) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Scenario scenario;
    private String own;
    private String other;
    private String readAlert;
    private Map<Who, String> alertToAcknowledge;
    private String silenceId;
    private List<String> deadDeliveries;
    private JsonNode rules;

    /** Once per class; in @BeforeEach because RestAssured knows the test port only there. */
    @BeforeEach
    void createTwoAgenciesWithAlertsAndDeadLetters() {
        if (scenario != null) {
            return;
        }
        scenario = new Scenario();
        own = Scenario.code("SO-KHCN");
        other = Scenario.code("SO-TAI-CHINH");
        String failing = Scenario.code("SO-DAN-TOC");
        scenario.agency(own, "Sở Khoa học và Công nghệ", "VP-UBND-TINH");
        scenario.agency(other, "Sở Tài chính", "VP-UBND-TINH");
        scenario.receiver.failNext(Scenario.hookPath(failing), 1000);
        scenario.agency(failing, "Sở Dân tộc và Tôn giáo", "VP-UBND-TINH");
        for (int i = 0; i < 3; i++) {
            scenario.send(Scenario.overdue(Scenario.taskId(), own, List.of()));
        }
        scenario.send(Scenario.overdue(Scenario.taskId(), failing, List.of()));
        scenario.send(Scenario.overdue(Scenario.taskId(), failing, List.of()));
        List<String> alerts = Scenario.inbox(own, 3).getList("items.alertId", String.class);
        readAlert = alerts.get(0);
        alertToAcknowledge = Map.of(COORDINATOR, alerts.get(1), OWN_STAFF, alerts.get(2));
        await().atMost(Scenario.WAIT).until(() -> Scenario.asCoordinator().get("/api/v1/agencies/{code}/webhook", failing)
                .jsonPath().getLong("deadLetters") == 2);
        deadDeliveries = Scenario.asCoordinator().get("/api/v1/agencies/{code}/webhook/deliveries?status=dead", failing)
                .jsonPath().getList("items.deliveryId", String.class);
        silenceId = Scenario.asCoordinator().contentType("application/json").body(silence()).post("/api/v1/silences")
                .then().statusCode(201).extract().path("id");
        rules = json(Scenario.asCoordinator().get("/api/v1/rules").asString()).get("rules");
    }

    @AfterAll
    void close() {
        scenario.close();
    }

    private List<Endpoint> table() {
        Function<Who, List<String>> ownAgency = who -> List.of(own);
        Function<Who, List<String>> none = who -> List.of();
        Function<Who, Object> noBody = who -> null;
        Map<String, Object> clock = Map.of("now", Instant.now().toString());
        return List.of(
                // method, path, parameters, body, then: anonymous, coordinator, own staff, other staff, data provider, operator
                new Endpoint("GET", "/api/v1/agencies/{code}/alerts", ownAgency, noBody, List.of(401, 200, 200, 403, 403, 403)),
                new Endpoint("GET", "/api/v1/agencies/{code}/alerts/counts", ownAgency, noBody, List.of(401, 200, 200, 403, 403, 403)),
                new Endpoint("GET", "/api/v1/alerts", none, noBody, List.of(401, 200, 200, 200, 403, 403)),
                new Endpoint("GET", "/api/v1/alerts/{alertId}", who -> List.of(readAlert), noBody, List.of(401, 200, 200, 403, 403, 403)),
                new Endpoint("POST", "/api/v1/alerts/{alertId}/acknowledgements",
                        who -> List.of(alertToAcknowledge.getOrDefault(who, readAlert)),
                        who -> Map.of("agencyCode", who == OTHER_STAFF ? other : own, "comment", "Đã tiếp nhận để xử lý."),
                        List.of(401, 200, 200, 403, 403, 403)),
                new Endpoint("GET", "/api/v1/agencies/{code}/alerts/stream", ownAgency, noBody, List.of(401, 200, 200, 403, 403, 403)),
                new Endpoint("GET", "/api/v1/rules", none, noBody, List.of(401, 200, 403, 403, 403, 403)),
                new Endpoint("PUT", "/api/v1/rules", none, who -> Map.of("rules", rules), List.of(401, 200, 403, 403, 403, 403)),
                new Endpoint("POST", "/api/v1/rules/reload", none, noBody, List.of(401, 200, 403, 403, 403, 403)),
                new Endpoint("GET", "/api/v1/silences", none, noBody, List.of(401, 200, 403, 403, 403, 403)),
                new Endpoint("POST", "/api/v1/silences", none, who -> silence(), List.of(401, 201, 403, 403, 403, 403)),
                new Endpoint("DELETE", "/api/v1/silences/{id}", who -> List.of(silenceId), noBody, List.of(401, 200, 403, 403, 403, 403)),
                new Endpoint("PUT", "/api/v1/agencies/{code}/webhook-secret", ownAgency,
                        who -> Map.of("secret", Scenario.secret(own)), List.of(401, 204, 204, 403, 403, 403)),
                new Endpoint("GET", "/api/v1/webhooks", none, noBody, List.of(401, 200, 200, 200, 403, 200)),
                new Endpoint("GET", "/api/v1/agencies/{code}/webhook", ownAgency, noBody, List.of(401, 200, 200, 403, 403, 200)),
                new Endpoint("GET", "/api/v1/agencies/{code}/webhook/deliveries", ownAgency, noBody,
                        List.of(401, 200, 200, 403, 403, 200)),
                new Endpoint("POST", "/api/v1/agencies/{code}/webhook/test", ownAgency, noBody, List.of(401, 200, 200, 403, 403, 403)),
                new Endpoint("POST", "/api/v1/webhook-deliveries/{id}/retry",
                        who -> List.of(deadDeliveries.get(who == OPERATOR ? 1 : 0)), noBody, List.of(401, 204, 403, 403, 403, 204)),
                // Dead letters: operators only; a reason no record has replays and discards nothing.
                new Endpoint("GET", "/api/v1/admin/dead-letters", none, noBody, List.of(401, 403, 403, 403, 403, 200)),
                new Endpoint("GET", "/api/v1/admin/dead-letters/{topic}", who -> List.of("tasks.deadlines.v1.dlq"), noBody,
                        List.of(401, 403, 403, 403, 403, 200)),
                new Endpoint("POST", "/api/v1/admin/dead-letters/{topic}/replays", who -> List.of("tasks.deadlines.v1.dlq"),
                        who -> Map.of("reason", "no such reason"), List.of(401, 403, 403, 403, 403, 200)),
                new Endpoint("POST", "/api/v1/admin/dead-letters/{topic}/discards", who -> List.of("tasks.deadlines.v1.dlq"),
                        who -> Map.of("reason", "no such reason", "comment", "kiểm tra quyền"), List.of(401, 403, 403, 403, 403, 200)),
                new Endpoint("GET", "/api/v1/admin/dead-letter-actions", none, noBody, List.of(401, 403, 403, 403, 403, 200)),
                // The clock moves only where parsipas.clock.adjustable is on (not here): an operator gets 404, the others never reach it.
                new Endpoint("GET", "/api/v1/admin/clock", none, noBody, List.of(401, 403, 403, 403, 403, 404)),
                new Endpoint("PUT", "/api/v1/admin/clock", none, who -> clock, List.of(401, 403, 403, 403, 403, 404)));
    }

    @Test
    void everyEndpointAnswersEachCallerAsThePolicySaysAndNeverReturnsAWebhookSecret() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (Endpoint endpoint : table()) {
            for (Who who : Who.values()) {
                Answer answer = send(endpoint.method(), endpoint.path(), endpoint.params().apply(who), endpoint.body().apply(who), who);
                int expected = endpoint.expected().get(who.ordinal());
                if (answer.status() != expected) {
                    mismatches.add(endpoint.operation() + " as " + who + ": " + answer.status() + " (expected " + expected + ") "
                            + answer.body());
                }
                if (answer.status() == 401 || answer.status() == 403) {
                    assertThat(answer.contentType()).as(endpoint.operation() + " as " + who).startsWith("application/problem+json");
                }
                assertThat(answer.body()).as(endpoint.operation() + " as " + who).doesNotContain(Scenario.secret(own));
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theTableNamesEveryOperationOfTheOpenApiDocument() throws Exception {
        JsonNode paths = json(send("GET", "/q/openapi?format=json", List.of(), null, ANONYMOUS).body()).get("paths");
        Set<String> documented = new HashSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(method)) {
                documented.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        Set<String> tested = new HashSet<>(table().stream().map(Endpoint::operation).toList());

        assertThat(tested).as("operations in the matrix").containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    void listsShowStaffOnlyTheirOwnAgencysRows() throws Exception {
        assertThat(json(send("GET", "/api/v1/alerts", List.of(), null, OTHER_STAFF).body()).get("items")).isEmpty();
        assertThat(json(send("GET", "/api/v1/agencies/{code}/alerts", List.of(other), null, OTHER_STAFF).body()).get("items"))
                .isEmpty();
        JsonNode webhooks = json(send("GET", "/api/v1/webhooks", List.of(), null, OTHER_STAFF).body());
        assertThat(webhooks.findValuesAsText("agencyCode")).containsExactly(other);

        JsonNode mine = json(send("GET", "/api/v1/alerts?limit=200", List.of(), null, OWN_STAFF).body()).get("items");
        assertThat(mine.findValuesAsText("alertId")).contains(readAlert);
        assertThat(mine).allSatisfy(alert -> assertThat(alert.get("agencyCode").asText()).isEqualTo(own));
        assertThat(json(send("GET", "/api/v1/webhooks", List.of(), null, OWN_STAFF).body()).findValuesAsText("agencyCode"))
                .containsExactly(own);
    }

    @Test
    void refusalsAreProblemJsonWithoutInternals() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri("/api/v1/alerts/" + readAlert)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        JsonNode unauthorized = json(anonymous.body());
        assertThat(unauthorized.get("status").asInt()).isEqualTo(401);
        assertThat(unauthorized.get("title").asText()).isEqualTo("Unauthorized");

        Answer forbidden = send("GET", "/api/v1/alerts/{alertId}", List.of(readAlert), null, OTHER_STAFF);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        JsonNode problem = json(forbidden.body());
        assertThat(problem.get("status").asInt()).isEqualTo(403);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(forbidden.body()).doesNotContain("Exception", "\tat ", "select ", own);
    }

    /** Sent with Expect: 100-continue, as a well-behaved client sends a large body: 413 before the upload. */
    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        byte[] huge = ("{\"reason\":\"" + "x".repeat(1_200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest post = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/silences"))
                .expectContinue(true).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestTokens.coordinator())
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build();
        assertThat(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(post, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(413);
    }

    @Test
    void noResponseOfTheApiCarriesAWebhookSecret() throws Exception {
        JsonNode schemas = json(send("GET", "/q/openapi?format=json", List.of(), null, ANONYMOUS).body())
                .at("/components/schemas");
        List<String> withSecret = new ArrayList<>();
        schemas.fields().forEachRemaining(schema -> {
            if (schema.getValue().at("/properties/secret").isObject()) {
                withSecret.add(schema.getKey());
            }
        });
        assertThat(withSecret).as("schemas with a secret").containsExactly("SecretBody");
    }

    @Test
    void theLiveStreamNeedsATokenForThatAgencyAndEndsWhenTheTokenExpires() throws Exception {
        String url = uri("/api/v1/agencies/" + own + "/alerts/stream").toString();
        String shortLived = TestTokens.mint("staff.short", List.of("agency-staff"), Map.of("preferred_username", "staff.short",
                "azp", "parsipas-web", "agency", own, "exp", Instant.now().plusSeconds(3).getEpochSecond()));
        try (SseClient live = new SseClient(url, shortLived)) {
            await().atMost(Scenario.WAIT).until(live::ended);
        }
        assertThat(send("GET", "/api/v1/agencies/{code}/alerts/stream", List.of(own), null, OTHER_STAFF).status()).isEqualTo(403);
    }

    private Answer send(String method, String path, List<String> params, Object body, Who who) throws Exception {
        String resolved = path;
        for (String param : params) {
            resolved = resolved.replaceFirst("\\{[^}]+}", param);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(resolved)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(EventJson.mapper().writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        String token = token(who);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<java.io.InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        try (java.io.InputStream stream = response.body()) {
            // A live stream never ends: its status and type are the answer.
            String text = contentType.startsWith("text/event-stream") ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(response.statusCode(), contentType, text);
        }
    }

    private String token(Who who) {
        return switch (who) {
            case ANONYMOUS -> null;
            case COORDINATOR -> TestTokens.coordinator();
            case OWN_STAFF -> TestTokens.staff(own);
            case OTHER_STAFF -> TestTokens.staff(other);
            case DATA_PROVIDER -> TestTokens.dataProvider("igate", List.of("online-end-to-end-dossier-rate"), List.of());
            case OPERATOR -> TestTokens.operator();
        };
    }

    private static Map<String, Object> silence() {
        return Map.of("fingerprintPattern", "matrix-none:*", "endsAt", Instant.now().plusSeconds(3600).toString(),
                "reason", "Kiểm thử phân quyền");
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + RestAssured.port + path);
    }

    private static JsonNode json(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(text, e);
        }
    }
}

package vn.parsipas.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import vn.parsipas.devstack.TestTokens;

/**
 * Every endpoint x every kind of caller -> the status the role policy promises, each request
 * really sent; and a check against the OpenAPI document that no endpoint is missing from the table.
 */
@QuarkusTest
@SurveyServiceTest
class SecurityMatrixTest {
    enum Role { ANONYMOUS, COORDINATOR, OWN_STAFF, OTHER_STAFF, PROVIDER, OTHER_PROVIDER, OPERATOR }

    private static final Instant JUNE = Instant.parse("2024-06-12T03:40:00Z");

    /** An endpoint, the status each role gets (in {@link Role} order), and the request as a role sends it. */
    private record Row(String method, String path, String expected, Function<RequestSpecification, Response> send) {
    }

    String own;
    String other;

    @BeforeEach
    void twoAgenciesWithResponses() {
        own = Fixtures.uniqueAgency();
        other = Fixtures.uniqueAgency();
        Fixtures.agencies(own, other);
        for (String agency : List.of(own, other)) {
            spec(Role.PROVIDER).contentType(ContentType.JSON).body(Fixtures.json(Fixtures.response(agency, JUNE, 5)))
                    .post("/api/v1/responses").then().statusCode(201);
        }
    }

    /**
     * PROVIDER is the one-stop-shop client igate (registers receipt codes; sipas-2025 is in its
     * allowed_questionnaires, as in the realm); OTHER_PROVIDER is finance-system (no questionnaires).
     */
    private List<Row> table() throws Exception {
        // The platform's clock answers 404 to an operator here: it is adjustable only where configured (not in this service).
        Object questionnaire = shippedQuestionnaire();
        String responses = "/api/v1/exports/responses.csv?questionnaireId=sipas-2025&version=1&from=2024-06-01&to=2024-06-30&agency=" + own;
        return List.of(
                //                                                                       anon coord own other prov other-prov operator
                new Row("GET", "/api/v1/questionnaires", "401 200 200 200 200 200 403", s -> s.get("/api/v1/questionnaires")),
                new Row("GET", "/api/v1/questionnaires/{id}/versions/{version}", "401 200 200 200 200 200 403",
                        s -> s.get("/api/v1/questionnaires/sipas-2025/versions/1")),
                new Row("POST", "/api/v1/questionnaires", "401 200 403 403 403 403 403",
                        s -> s.contentType(ContentType.JSON).body(questionnaire).post("/api/v1/questionnaires")),
                new Row("POST", "/api/v1/receipt-codes", "401 403 403 403 200 403 403",
                        s -> s.contentType(ContentType.JSON).body(Map.of("receiptCodes", List.of(Map.of(
                                "receiptCode", Fixtures.uniqueReceipt(), "agencyCode", own)))).post("/api/v1/receipt-codes")),
                new Row("POST", "/api/v1/responses", "401 403 403 403 201 403 403",
                        s -> s.contentType(ContentType.JSON).body(Fixtures.json(Fixtures.response(own, JUNE, 4)))
                                .post("/api/v1/responses")),
                new Row("POST", "/api/v1/responses/batch", "401 403 403 403 200 403 403",
                        s -> s.contentType(ContentType.JSON).body(Map.of("responses", List.of(Fixtures.json(
                                Fixtures.response(own, JUNE, 4))))).post("/api/v1/responses/batch")),
                new Row("GET", "/api/v1/indices", "401 200 200 200 403 403 403", s -> s.get("/api/v1/indices?scope=" + own)),
                new Row("GET", "/api/v1/indices/{subIndex}/{scope}/{period}", "401 200 200 403 403 403 403",
                        s -> s.get("/api/v1/indices/2.2.1/" + own + "/2024-Q2")),
                new Row("POST", "/api/v1/indices/rebuild", "401 200 403 403 403 403 200", s -> s.post("/api/v1/indices/rebuild")),
                new Row("GET", "/api/v1/exports/indices.csv", "401 200 200 200 403 403 403",
                        s -> s.get("/api/v1/exports/indices.csv?scope=" + own)),
                new Row("GET", "/api/v1/exports/responses.csv", "401 200 200 403 403 403 403", s -> s.get(responses)),
                // Dead letters: operators only; a reason no record has replays and discards nothing.
                new Row("GET", "/api/v1/admin/dead-letters", "401 403 403 403 403 403 200", s -> s.get("/api/v1/admin/dead-letters")),
                new Row("GET", "/api/v1/admin/dead-letters/{topic}", "401 403 403 403 403 403 200",
                        s -> s.get("/api/v1/admin/dead-letters/sipas.responses.v1.dlq")),
                new Row("POST", "/api/v1/admin/dead-letters/{topic}/replays", "401 403 403 403 403 403 200",
                        s -> s.contentType(ContentType.JSON).body(Map.of("reason", "no such reason"))
                                .post("/api/v1/admin/dead-letters/sipas.responses.v1.dlq/replays")),
                new Row("POST", "/api/v1/admin/dead-letters/{topic}/discards", "401 403 403 403 403 403 200",
                        s -> s.contentType(ContentType.JSON).body(Map.of("reason", "no such reason", "comment", "kiểm tra quyền"))
                                .post("/api/v1/admin/dead-letters/sipas.responses.v1.dlq/discards")),
                new Row("GET", "/api/v1/admin/dead-letter-actions", "401 403 403 403 403 403 200",
                        s -> s.get("/api/v1/admin/dead-letter-actions")),
                new Row("GET", "/api/v1/admin/clock", "401 403 403 403 403 403 404", s -> s.get("/api/v1/admin/clock")),
                new Row("PUT", "/api/v1/admin/clock", "401 403 403 403 403 403 404",
                        s -> s.contentType(ContentType.JSON).body(Map.of("now", Instant.now().toString())).put("/api/v1/admin/clock")),
                new Row("GET", "/khao-sat", "200 200 200 200 200 200 200", s -> s.get("/khao-sat")),
                new Row("POST", "/khao-sat", "200 200 200 200 200 200 200", s -> {
                    String code = Fixtures.uniqueReceipt();
                    String pin = Fixtures.registerReceipt(code, own);
                    return s.contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(citizenAnswers(code, pin))
                            .post("/khao-sat");
                }));
    }

    @Test
    void everyEndpointAnswersEveryRoleAsThePolicySays() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (Row row : table()) {
            String[] expected = row.expected().split(" ");
            for (Role role : Role.values()) {
                int status = row.send().apply(spec(role)).statusCode();
                if (status != Integer.parseInt(expected[role.ordinal()])) {
                    mismatches.add(row.method() + " " + row.path() + " as " + role + ": " + status + ", expected " + expected[role.ordinal()]);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theTableCoversEveryOperationOfTheOpenApiDocument() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString()).get("paths");
        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(method)) {
                    documented.add(method.toUpperCase() + " " + path.getKey());
                }
            });
        }
        Set<String> tabled = new TreeSet<>();
        table().forEach(row -> tabled.add(row.method() + " " + row.path()));
        assertThat(documented).contains("POST /api/v1/responses", "GET /api/v1/indices/{subIndex}/{scope}/{period}");
        assertThat(tabled).containsAll(documented);
    }

    @Test
    void staffOfAnotherAgencySeeNoneOfItsRows() {
        RequestSpecification otherStaff = spec(Role.OTHER_STAFF);
        otherStaff.get("/api/v1/indices?scope=" + own).then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        List<String> scopes = spec(Role.OTHER_STAFF).get("/api/v1/indices?period=2024-Q2&limit=1000").then().statusCode(200)
                .extract().jsonPath().getList("items.scope", String.class);
        assertThat(scopes).contains(other, "PROVINCE").allMatch(scope -> scope.equals(other) || scope.equals("PROVINCE"));
        spec(Role.OWN_STAFF).get("/api/v1/indices?scope=" + own).then().statusCode(200)
                .body("items.scope", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo(own)))
                .body("items", org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()));

        String indices = spec(Role.OTHER_STAFF).get("/api/v1/exports/indices.csv?scope=" + own).then().statusCode(200).extract().asString();
        assertThat(indices.split("\r\n")).hasSize(1);
        String responses = spec(Role.OTHER_STAFF).get("/api/v1/exports/responses.csv?questionnaireId=sipas-2025&version=1"
                + "&from=2024-06-01&to=2024-06-30").then().statusCode(200).extract().asString();
        assertThat(responses).contains(other).doesNotContain(own);
        assertThat(spec(Role.OWN_STAFF).get("/api/v1/exports/responses.csv?questionnaireId=sipas-2025&version=1"
                + "&from=2024-06-01&to=2024-06-30").then().statusCode(200).extract().asString()).contains(own).doesNotContain(other);
    }

    @Test
    void unauthorizedAndForbiddenAreProblemJsonWithoutInternals() {
        String unauthorized = RestAssured.given().get("/api/v1/indices").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                .body("status", org.hamcrest.Matchers.equalTo(401)).extract().asString();
        String forbidden = spec(Role.OTHER_STAFF).get("/api/v1/indices/2.2.1/" + own + "/2024-Q2").then().statusCode(403)
                .contentType("application/problem+json").body("status", org.hamcrest.Matchers.equalTo(403)).extract().asString();
        String notRegistered = spec(Role.OTHER_PROVIDER).contentType(ContentType.JSON)
                .body(Fixtures.json(Fixtures.response(own, JUNE, 4))).post("/api/v1/responses").then().statusCode(403)
                .contentType("application/problem+json").extract().asString();
        for (String body : List.of(unauthorized, forbidden, notRegistered)) {
            assertThat(body).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("select ").doesNotContain("sipas-2025");
        }
    }

    /**
     * Sent with Expect: 100-continue, as a well-behaved client sends a large body: the service answers
     * 413 before the upload (a client that pushes the whole body anyway gets the connection closed).
     */
    @Test
    void oversizedBodiesAreRefusedBeforeTheyAreRead() throws Exception {
        byte[] batch = ("{\"responses\": [\"" + "x".repeat(3 * 1024 * 1024) + "\"]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(postExpectingContinue("/api/v1/responses/batch", "application/json",
                TestTokens.dataProvider(Fixtures.ONE_STOP_SHOP, List.of(), List.of(Fixtures.QUESTIONNAIRE)), batch)).isEqualTo(413);
        byte[] form = ("receiptCode=" + "x".repeat(3 * 1024 * 1024)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(postExpectingContinue("/khao-sat", "application/x-www-form-urlencoded", null, form)).isEqualTo(413);
    }

    private static int postExpectingContinue(String path, String contentType, String token, byte[] body) throws Exception {
        java.net.http.HttpRequest.Builder post = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(RestAssured.baseURI + ":" + RestAssured.port + path)).expectContinue(true)
                .header("Content-Type", contentType).POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            post.header("Authorization", "Bearer " + token);
        }
        return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(post.build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void theSourceOfAResponseIsWhoDeliveredItAndOnlyTheOneStopShopRegistersCodes() {
        var response = Fixtures.response(own, JUNE, 3);
        Fixtures.asKiosk().contentType(ContentType.JSON).body(Fixtures.json(response)).post("/api/v1/responses").then().statusCode(201);
        assertThat(Fixtures.rows("select source from survey_response where response_id = $1", response.responseId()))
                .containsExactly("{\"source\":\"/survey-kiosk\"}");

        String code = Fixtures.uniqueReceipt();
        Fixtures.asKiosk().contentType(ContentType.JSON).body(Map.of("receiptCodes", List.of(Map.of("receiptCode", code,
                "agencyCode", own)))).post("/api/v1/receipt-codes").then().statusCode(403);
        String pin = Fixtures.registerReceipt(code, own);
        RestAssured.given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(citizenAnswers(code, pin))
                .post("/khao-sat").then().statusCode(200);
        assertThat(Fixtures.rows("select source, door from survey_response where receipt_code = $1", code))
                .containsExactly("{\"source\":\"/khao-sat\",\"door\":\"form\"}");
    }

    @Test
    void anIdempotencyKeyBelongsToTheClientThatUsedIt() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> batch = Map.of("responses", List.of(Fixtures.json(Fixtures.response(own, JUNE, 4))));
        spec(Role.PROVIDER).contentType(ContentType.JSON).header("Idempotency-Key", key).body(batch)
                .post("/api/v1/responses/batch").then().statusCode(200).body("items[0].outcome", org.hamcrest.Matchers.equalTo("accepted"));
        Fixtures.asKiosk().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("responses", List.of(Fixtures.json(Fixtures.response(own, JUNE, 2)))))
                .post("/api/v1/responses/batch").then().statusCode(200).body("items[0].outcome", org.hamcrest.Matchers.equalTo("accepted"));
    }

    private RequestSpecification spec(Role role) {
        String token = switch (role) {
            case ANONYMOUS -> null;
            case COORDINATOR -> TestTokens.coordinator();
            case OWN_STAFF -> TestTokens.staff(own);
            case OTHER_STAFF -> TestTokens.staff(other);
            case PROVIDER -> Fixtures.provider(Fixtures.ONE_STOP_SHOP, List.of(Fixtures.QUESTIONNAIRE), List.of("*"), null);
            case OTHER_PROVIDER -> TestTokens.dataProvider("finance-system", List.of("state-budget-revenue-growth"), List.of());
            case OPERATOR -> TestTokens.operator();
        };
        return token == null ? RestAssured.given() : RestAssured.given().auth().oauth2(token);
    }

    private static Map<String, String> citizenAnswers(String code, String pin) {
        Map<String, String> form = new HashMap<>(Map.of("receiptCode", code, "pin", pin, "responseId", UUID.randomUUID().toString(),
                "questionnaireVersion", "1", "channel", "online"));
        Fixtures.REQUIRED.forEach(question -> form.put("q_" + question, "4"));
        return form;
    }

    private static Object shippedQuestionnaire() throws Exception {
        try (InputStream in = SecurityMatrixTest.class.getClassLoader().getResourceAsStream("questionnaires/sipas-2025.v1.yaml")) {
            return new ObjectMapper().convertValue(new ObjectMapper(new YAMLFactory()).readTree(in), LinkedHashMap.class);
        }
    }
}

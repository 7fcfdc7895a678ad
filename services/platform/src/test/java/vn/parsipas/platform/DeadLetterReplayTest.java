package vn.parsipas.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.EventJson;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.Topics;
import vn.parsipas.contracts.directory.AgencyUpserted;
import vn.parsipas.devstack.ListPages;
import vn.parsipas.devstack.OpenApiContract;
import vn.parsipas.devstack.TestKafka;
import vn.parsipas.devstack.TestTokens;
import vn.parsipas.platform.events.CloudEventReader;

/**
 * The operators' dead-letter API against the real broker and database: the test consumer refuses an
 * agency whose parent it does not know yet, as survey-service refuses a response for an agency the
 * directory has not announced; once the parent is known, a replay applies it, once.
 */
@QuarkusTest
@PlatformTest
@ExtendWith(OpenApiContract.class)
class DeadLetterReplayTest {
    private static final String TOPIC = Topics.DIRECTORY_AGENCIES;
    private static final String DLQ = TOPIC + Topics.DLQ_SUFFIX;
    private static final String LETTERS = "/api/v1/admin/dead-letters/" + DLQ;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    @Test
    void aDeadLetterReplayedAfterItsCauseIsFixedIsAppliedOnceKeepsItsIdAndIsNotOfferedAgain() {
        String parent = Fixtures.uniqueCode();
        String child = Fixtures.uniqueCode();
        String eventId = UUID.randomUUID().toString();
        try (TestKafka kafka = Fixtures.kafka()) {
            kafka.sendStructured(TOPIC, child, envelope(eventId, child, "Phòng Hộ tịch bí mật", parent));

            Map<String, Object> letter = awaitWaiting(eventId);
            assertThat(letter).containsEntry("reason", "unknown parent agency " + parent)
                    .containsEntry("originalTopic", TOPIC).containsEntry("eventType", EventType.AGENCY_UPSERTED.type())
                    .containsEntry("eventSource", "/igate").containsEntry("subject", child).containsEntry("key", child);
            assertThat((Map<String, String>) letter.get("headers")).containsEntry("dead-letter-service", "platform-test")
                    .containsEntry("dead-letter-topic", TOPIC).containsKey("dead-letter-offset");
            assertThat((String) letter.get("body")).contains("\"id\":\"" + eventId + "\"").contains("‹string›")
                    .doesNotContain("Phòng Hộ tịch bí mật").doesNotContain("vanthu@daklak.gov.vn");
            assertThat(applied(child)).isNull();

            kafka.sendStructured(TOPIC, parent, envelope(UUID.randomUUID().toString(), parent, "Sở Tư pháp", null));
            await().atMost(PATIENCE).until(() -> applied(parent) != null);

            asOperator().contentType(ContentType.JSON).body(Map.of("eventIds", List.of(eventId), "comment", "cha đã có trong danh bạ"))
                    .post(LETTERS + "/replays").then().statusCode(200)
                    .body("action", equalTo("replayed")).body("count", equalTo(1)).body("records[0].eventId", equalTo(eventId));
            await().atMost(PATIENCE).until(() -> applied(child) != null);

            List<TestKafka.Received> sent = kafka.readUntil(List.of(TOPIC),
                    records -> records.stream().filter(r -> child.equals(r.key())).count() >= 2, PATIENCE)
                    .stream().filter(r -> child.equals(r.key())).toList();
            TestKafka.Received replayed = sent.get(sent.size() - 1);
            assertThat(EventJson.mapper().readTree(replayed.value()).get("id").asText()).isEqualTo(eventId);
            assertThat(replayed.headerNames()).noneMatch(name -> name.startsWith("dead-letter-"));

            // Sent once more by hand (a second replay): the inbox knows the id, nothing changes.
            String marker = Fixtures.uniqueCode();
            kafka.sendStructured(TOPIC, child, envelope(eventId, child, "Phòng Hộ tịch bí mật", parent));
            kafka.sendStructured(TOPIC, child, envelope(UUID.randomUUID().toString(), marker, "Sở Y tế", null));
            await().atMost(PATIENCE).until(() -> applied(marker) != null);
            assertThat(applied(child)).isOne();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }

        assertThat(waiting(null)).noneMatch(letter -> eventId.equals(letter.get("eventId")));
        asOperator().contentType(ContentType.JSON).body(Map.of("eventIds", List.of(eventId))).post(LETTERS + "/replays")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("eventIds[0]"));
        JsonPath actions = asOperator().queryParam("topic", DLQ).queryParam("limit", 200).get("/api/v1/admin/dead-letter-actions")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> action = actions.<Map<String, Object>>getList("items").stream()
                .filter(a -> eventId.equals(a.get("eventId"))).findFirst().orElseThrow();
        assertThat(action).containsEntry("action", "replayed").containsEntry("actor", "operator.test")
                .containsEntry("reason", "unknown parent agency " + parent).containsEntry("comment", "cha đã có trong danh bạ")
                .containsEntry("originalTopic", TOPIC).containsKey("actedAt");
        asOperator().contentType(ContentType.JSON)
                .body(Map.of("offsets", List.of(Map.of("partition", action.get("partition"), "offset", action.get("offset")))))
                .post(LETTERS + "/replays").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void everyDeadLetterWithAReasonIsReplayedTogetherAndADiscardNeedsAReasonAndIsRecorded() {
        String parent = Fixtures.uniqueCode();
        List<String> children = List.of(Fixtures.uniqueCode(), Fixtures.uniqueCode());
        String refused = Fixtures.uniqueCode();
        String refusedId = UUID.randomUUID().toString();
        String reason = "unknown parent agency " + parent;
        try (TestKafka kafka = Fixtures.kafka()) {
            children.forEach(child -> kafka.sendStructured(TOPIC, child, envelope(UUID.randomUUID().toString(), child, "Phòng", parent)));
            kafka.sendStructured(TOPIC, refused, envelope(refusedId, refused, "Cơ quan BỊ TỪ CHỐI", null));
            await().atMost(PATIENCE).until(() -> waiting(reason).size() == 2 && isWaiting(refusedId));

            JsonPath first = asOperator().queryParam("reason", reason).queryParam("limit", 1).get(LETTERS)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(first.getList("items")).hasSize(1);
            // The children went to different partitions of the source topic: which one was refused first is the broker's affair.
            String second = asOperator().queryParam("reason", reason).queryParam("limit", 1)
                    .queryParam("cursor", first.getString("nextCursor")).get(LETTERS).then().statusCode(200).body("items.size()", equalTo(1)).body("nextCursor", nullValue())
                    .extract().path("items[0].subject");
            assertThat(List.of(first.getString("items[0].subject"), second)).containsExactlyInAnyOrderElementsOf(children);
            asOperator().get("/api/v1/admin/dead-letters").then().statusCode(200)
                    .body("topic", hasItem(DLQ)).body("find { it.topic == '" + DLQ + "' }.channel", equalTo("directory"))
                    .body("find { it.topic == '" + DLQ + "' }.reasons.reason", hasItem(reason));

            kafka.sendStructured(TOPIC, parent, envelope(UUID.randomUUID().toString(), parent, "Sở Nội vụ", null));
            await().atMost(PATIENCE).until(() -> applied(parent) != null);
            asOperator().contentType(ContentType.JSON).body(Map.of("reason", reason)).post(LETTERS + "/replays")
                    .then().statusCode(200).body("count", equalTo(2));
            await().atMost(PATIENCE).until(() -> children.stream().allMatch(child -> Integer.valueOf(1).equals(applied(child))));
        }

        asOperator().contentType(ContentType.JSON).body(Map.of("eventIds", List.of(refusedId))).post(LETTERS + "/discards")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("comment"));
        asOperator().contentType(ContentType.JSON).body(Map.of("eventIds", List.of(refusedId), "comment", "cơ quan không còn tồn tại"))
                .post(LETTERS + "/discards").then().statusCode(200).body("action", equalTo("discarded")).body("count", equalTo(1));
        assertThat(waiting(null)).noneMatch(letter -> refusedId.equals(letter.get("eventId")));
        asOperator().queryParam("topic", DLQ).get("/api/v1/admin/dead-letter-actions").then().statusCode(200)
                .body("items[0].action", equalTo("discarded")).body("items[0].eventId", equalTo(refusedId))
                .body("items[0].comment", equalTo("cơ quan không còn tồn tại"));
        assertThat(applied(refused)).isNull();
    }

    @Test
    void bothDeadLetterListsPageWithACursorAndRefuseAWrongLimitOrCursorNamingIt() {
        String parent = Fixtures.uniqueCode();
        List<String> children = List.of(Fixtures.uniqueCode(), Fixtures.uniqueCode(), Fixtures.uniqueCode());
        String reason = "unknown parent agency " + parent;
        try (TestKafka kafka = Fixtures.kafka()) {
            children.forEach(child -> kafka.sendStructured(TOPIC, child, envelope(UUID.randomUUID().toString(), child, "Phòng", parent)));
            await().atMost(PATIENCE).until(() -> waiting(reason).size() == 3);
        }
        assertThat(ListPages.field(() -> asOperator().queryParam("reason", reason), LETTERS, 1, "subject"))
                .containsExactlyInAnyOrderElementsOf(children);

        asOperator().contentType(ContentType.JSON).body(Map.of("reason", reason, "comment", "thử phân trang"))
                .post(LETTERS + "/discards").then().statusCode(200).body("count", equalTo(3));
        String actions = "/api/v1/admin/dead-letter-actions";
        List<Object> everyAction = asOperator().queryParam("topic", DLQ).queryParam("limit", 200).get(actions)
                .then().statusCode(200).extract().jsonPath().getList("items.eventId");
        List<Object> paged = ListPages.field(() -> asOperator().queryParam("topic", DLQ), actions, 2, "eventId");
        assertThat(paged).containsExactlyElementsOf(everyAction).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(3);

        for (String list : List.of(LETTERS, actions)) {
            ListPages.refuseWrongPaging(DeadLetterReplayTest::asOperator, list, 200);
        }
    }

    @Test
    void aWrongRequestIsRefusedNamingTheFieldAndOnlyAnOperatorSeesOrActsOnDeadLetters() {
        asOperator().contentType(ContentType.JSON).body(Map.of("reason", "x", "eventIds", List.of("y"))).post(LETTERS + "/replays")
                .then().statusCode(400).body("errors[0].field", equalTo("offsets"));
        asOperator().contentType(ContentType.JSON).body(Map.of("offsets", List.of(Map.of("partition", 0, "offset", Long.MAX_VALUE - 1))))
                .post(LETTERS + "/replays").then().statusCode(400).body("errors[0].field", equalTo("offsets[0]"));
        asOperator().queryParam("cursor", "not-a-cursor").get(LETTERS).then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        asOperator().get("/api/v1/admin/dead-letters/tasks.lifecycle.v1.dlq").then().statusCode(404)
                .contentType("application/problem+json");

        given().get(LETTERS).then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("reason", "x")).post(LETTERS + "/replays").then().statusCode(401);
        for (String token : List.of(TestTokens.coordinator(), TestTokens.staff("SO-TU-PHAP"))) {
            given().auth().oauth2(token).get("/api/v1/admin/dead-letters").then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", "x", "comment", "y"))
                    .post(LETTERS + "/discards").then().statusCode(403);
            given().auth().oauth2(token).get("/api/v1/admin/dead-letter-actions").then().statusCode(403);
        }
    }

    private boolean isWaiting(String eventId) {
        return waiting(null).stream().anyMatch(letter -> eventId.equals(letter.get("eventId")));
    }

    private Map<String, Object> awaitWaiting(String eventId) {
        List<Map<String, Object>> found = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            waiting(null).stream().filter(letter -> eventId.equals(letter.get("eventId"))).forEach(found::add);
            return !found.isEmpty();
        });
        return found.get(0);
    }

    /** Every waiting dead letter of the topic, page by page. */
    private static List<Map<String, Object>> waiting(String reason) {
        return ListPages.all(() -> reason == null ? asOperator() : asOperator().queryParam("reason", reason), LETTERS, 200);
    }

    private Integer applied(String code) {
        var rows = pool.preparedQuery("select applied from agency_copy where code = $1").execute(Tuple.of(code)).await().indefinitely();
        return rows.size() == 0 ? null : ((Row) rows.iterator().next()).getInteger(0);
    }

    private static RequestSpecification asOperator() {
        return given().auth().oauth2(TestTokens.operator());
    }

    private static String envelope(String id, String code, String name, String parentCode) {
        AgencyUpserted agency = new AgencyUpserted(code, name, "department", parentCode, List.of("vanthu@daklak.gov.vn"), null, true,
                java.time.Instant.parse("2025-05-27T02:00:00Z"));
        return CloudEventReader.envelope(EventType.AGENCY_UPSERTED, id, "/igate", code, EventJson.mapper().valueToTree(agency))
                .toString();
    }
}

package vn.parsipas.task.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static vn.parsipas.task.Fixtures.api;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.Topics;
import vn.parsipas.devstack.TestTokens;
import vn.parsipas.platform.idempotency.IdempotentRequests;
import vn.parsipas.platform.time.ShiftableClock;
import vn.parsipas.task.Fixtures;
import vn.parsipas.task.TaskServiceTest;

/** Each REST operation on a task, and the event it publishes, read back from Kafka. */
@QuarkusTest
@TaskServiceTest
class TaskLifecycleTest {
    private static final LocalDate DEADLINE = LocalDate.parse("2035-09-30");

    @Inject
    ShiftableClock clock;

    @Inject
    Pool pool;

    private String lead;
    private String partner;

    @BeforeEach
    void givenTwoAgenciesInJune2035() {
        clock.shiftTo(Fixtures.local("2035-06-02T09:00:00"));
        lead = Fixtures.createAgency("Sở Văn hóa, Thể thao và Du lịch");
        partner = Fixtures.createAgency("Sở Y tế");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void assigningATaskPublishesTaskAssignedAndARetryWithTheSameKeyAssignsNothingMore() {
        Map<String, Object> body = Map.of("title", "Rà soát, công bố danh mục thủ tục hành chính lĩnh vực văn hóa.",
                "leadAgency", lead, "coordinatingAgencies", List.of(partner), "deadline", DEADLINE.toString(),
                "planId", "dak-lak-2025", "criterionCode", "1.16");

        JsonPath created = api().header("Idempotency-Key", "create-" + lead).body(body).post("/api/v1/tasks")
                .then().statusCode(201).body("id", matchesPattern("[0-9a-f-]{36}")).body("status", equalTo("open"))
                .body("dueAt", equalTo("2035-09-30T17:00:00Z")).extract().jsonPath();
        String id = created.getString("id");
        api().header("Idempotency-Key", "create-" + lead).body(body).post("/api/v1/tasks")
                .then().statusCode(201).body("id", equalTo(id));
        api().header("Idempotency-Key", "create-" + lead).body(Map.of("title", "Một nhiệm vụ khác", "leadAgency", lead,
                        "deadline", DEADLINE.toString()))
                .post("/api/v1/tasks").then().statusCode(422).contentType("application/problem+json");

        List<JsonNode> events = Fixtures.events(Topics.TASKS_LIFECYCLE, id, 1);
        assertThat(events).hasSize(1);
        JsonNode data = events.get(0).get("data");
        assertThat(events.get(0).get("type").asText()).isEqualTo(EventType.TASK_ASSIGNED.type());
        assertThat(data.get("title").asText()).isEqualTo("Rà soát, công bố danh mục thủ tục hành chính lĩnh vực văn hóa.");
        assertThat(data.get("leadAgency").asText()).isEqualTo(lead);
        assertThat(data.get("coordinatingAgencies").get(0).asText()).isEqualTo(partner);
        assertThat(data.get("criterionCode").asText()).isEqualTo("1.16");
        assertThat(data.get("deadline").asText()).isEqualTo("2035-09-30");
        assertThat(data.get("assignedBy").asText()).as("the token's user").isEqualTo("coordinator.test");
    }

    @Test
    void reassigningPublishesTheNewLeadWithThePreviousOne() {
        String id = Fixtures.createTask("Tổ chức tập huấn nghiệp vụ một cửa.", lead, List.of(), DEADLINE);

        api().body(Map.of("leadAgency", partner, "coordinatingAgencies", List.of(lead), "reason", "Chuyển chức năng."))
                .post("/api/v1/tasks/" + id + "/reassign")
                .then().statusCode(200).body("leadAgency", equalTo(partner)).body("coordinatingAgencies", equalTo(List.of(lead)));

        JsonNode updated = Fixtures.ofType(Fixtures.events(Topics.TASKS_LIFECYCLE, id, 2), EventType.TASK_UPDATED).get(0);
        assertThat(updated.at("/data/change").asText()).isEqualTo("reassigned");
        assertThat(updated.at("/data/previousLeadAgency").asText()).isEqualTo(lead);
        assertThat(updated.at("/data/leadAgency").asText()).isEqualTo(partner);
        assertThat(updated.at("/data/reason").asText()).isEqualTo("Chuyển chức năng.");
    }

    @Test
    void aDeadlineChangeNeedsAReasonAndIsKeptInTheHistory() {
        String id = Fixtures.createTask("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.", lead, List.of(partner), DEADLINE);

        api().body(Map.of("deadline", "2035-12-31")).post("/api/v1/tasks/" + id + "/change-deadline")
                .then().statusCode(400).body("errors.field", hasItems("reason"));
        api().body(Map.of("deadline", "2035-12-31", "reason", "Chờ hướng dẫn của Bộ Nội vụ."))
                .post("/api/v1/tasks/" + id + "/change-deadline").then().statusCode(200).body("deadline", equalTo("2035-12-31"));

        JsonPath history = api().get("/api/v1/tasks/" + id + "/history").then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("change")).containsExactly("assigned", "deadline-changed");
        assertThat(history.getString("[1].previousDeadline")).isEqualTo("2035-09-30");
        assertThat(history.getString("[1].deadline")).isEqualTo("2035-12-31");
        assertThat(history.getString("[1].reason")).isEqualTo("Chờ hướng dẫn của Bộ Nội vụ.");
        assertThat(history.getString("[1].actor")).as("the token's user").isEqualTo("coordinator.test");
        JsonNode updated = Fixtures.ofType(Fixtures.events(Topics.TASKS_LIFECYCLE, id, 2), EventType.TASK_UPDATED).get(0);
        assertThat(updated.at("/data/change").asText()).isEqualTo("deadline-changed");
        assertThat(updated.at("/data/previousDeadline").asText()).isEqualTo("2035-09-30");
        assertThat(updated.at("/data/dueAt").asText()).isEqualTo("2035-12-31T17:00:00Z");
        assertThat(updated.at("/data/reason").asText()).isEqualTo("Chờ hướng dẫn của Bộ Nội vụ.");
    }

    @Test
    void progressThenCompletionThenReopeningEachPublishTheirEvent() {
        String id = Fixtures.createTask("Triển khai đánh giá chất lượng giải quyết TTHC.", lead, List.of(partner), DEADLINE);

        String reportId = api().header("Idempotency-Key", "progress-1-" + id)
                .body(Map.of("percentComplete", 40.5, "note", "Đã hoàn thành khảo sát tại 10 xã.",
                        "evidenceUrl", "https://vbdh.daklak.gov.vn/van-ban/2035/123", "reportingAgency", partner))
                .post("/api/v1/tasks/" + id + "/progress-reports").then().statusCode(201)
                .body("percentComplete", equalTo(40.5f)).extract().path("id");
        api().get("/api/v1/tasks/" + id).then().body("status", equalTo("in-progress")).body("percentComplete", equalTo(40.5f));
        clock.shiftTo(Fixtures.local("2035-09-20T10:00:00"));
        api().body(Map.of("note", "Đã ban hành báo cáo đánh giá."))
                .post("/api/v1/tasks/" + id + "/complete").then().statusCode(200)
                .body("status", equalTo("completed")).body("completedOnTime", equalTo(true));
        api().body(Map.of("reason", "Báo cáo chưa đủ số liệu cấp xã."))
                .post("/api/v1/tasks/" + id + "/reopen").then().statusCode(200).body("status", equalTo("in-progress"));

        List<JsonNode> events = Fixtures.events(Topics.TASKS_LIFECYCLE, id, 4);
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly(EventType.TASK_ASSIGNED.type(),
                EventType.TASK_PROGRESS_REPORTED.type(), EventType.TASK_COMPLETED.type(), EventType.TASK_UPDATED.type());
        assertThat(events.get(1).at("/data/reportId").asText()).isEqualTo(reportId);
        assertThat(events.get(1).at("/data/percentComplete").decimalValue()).isEqualByComparingTo("40.5");
        assertThat(events.get(1).at("/data/reportingAgency").asText()).isEqualTo(partner);
        assertThat(events.get(1).at("/data/evidenceUrl").asText()).isEqualTo("https://vbdh.daklak.gov.vn/van-ban/2035/123");
        assertThat(events.get(2).at("/data/onTime").asBoolean()).isTrue();
        assertThat(events.get(2).at("/data/completedAt").asText()).startsWith("2035-09-20T03:00");
        assertThat(events.get(2).at("/data/note").asText()).isEqualTo("Đã ban hành báo cáo đánh giá.");
        assertThat(events.get(3).at("/data/change").asText()).isEqualTo("reopened");
        assertThat(events.get(3).at("/data/reason").asText()).isEqualTo("Báo cáo chưa đủ số liệu cấp xã.");
        assertThat(api().get("/api/v1/tasks/" + id + "/progress-reports").jsonPath().getList("id")).containsExactly(reportId);
    }

    @Test
    void illegalStateChangesAreConflictsThatChangeNothing() {
        String id = Fixtures.createTask("Công khai kết quả xử lý phản ánh, kiến nghị.", lead, List.of(), DEADLINE);
        api().body(Map.of()).post("/api/v1/tasks/" + id + "/complete").then().statusCode(200);

        api().body(Map.of("percentComplete", 50, "reportingAgency", lead))
                .post("/api/v1/tasks/" + id + "/progress-reports").then().statusCode(409).contentType("application/problem+json");
        api().body(Map.of()).post("/api/v1/tasks/" + id + "/complete").then().statusCode(409);
        api().body(Map.of("leadAgency", partner)).post("/api/v1/tasks/" + id + "/reassign").then().statusCode(409);
        api().body(Map.of("deadline", "2035-12-31", "reason", "x")).post("/api/v1/tasks/" + id + "/change-deadline")
                .then().statusCode(409);
        String open = Fixtures.createTask("Một nhiệm vụ chưa hoàn thành.", lead, List.of(), DEADLINE);
        api().body(Map.of("reason", "Mở lại")).post("/api/v1/tasks/" + open + "/reopen").then().statusCode(409);
        api().body(Map.of()).post("/api/v1/tasks/no-such-task/complete").then().statusCode(404);

        assertThat(Fixtures.events(Topics.TASKS_LIFECYCLE, id, 2)).extracting(e -> e.get("type").asText())
                .containsExactly(EventType.TASK_ASSIGNED.type(), EventType.TASK_COMPLETED.type());
        assertThat(Fixtures.events(Topics.TASKS_LIFECYCLE, open, 1)).hasSize(1);
        assertThat(api().get("/api/v1/tasks/" + id + "/history").jsonPath().getList("change")).containsExactly("assigned", "completed");
    }

    @Test
    void badInputIsRejectedNamingTheFieldAndNothingIsAssigned() {
        String unknown = Fixtures.uniqueCode();
        Map<String, Object> valid = Map.of("title", "Nhiệm vụ thử", "leadAgency", lead, "deadline", DEADLINE.toString());

        reject(with(valid, "leadAgency", unknown), "leadAgency");
        reject(with(valid, "coordinatingAgencies", List.of(partner, unknown)), "coordinatingAgencies[1]");
        reject(with(valid, "coordinatingAgencies", List.of(lead)), "coordinatingAgencies");
        reject(with(valid, "deadline", "2035-06-01"), "deadline");
        reject(with(valid, "deadline", "30/09/2035"), "deadline");
        reject(with(valid, "title", " "), "title");
        reject(with(valid, "criterionCode", "1.16"), "planId");
        reject(with(with(valid, "planId", "dak-lak-2025"), "criterionCode", "1.9"), "criterionCode");
        reject(with(valid, "planId", "no-such-plan"), "planId");
        reject(with(valid, "deadLine", "2035-09-30"), "deadLine");

        assertThat(api().queryParam("agency", lead).get("/api/v1/tasks").jsonPath().getList("items")).isEmpty();
        String id = Fixtures.createTask("Nhiệm vụ hợp lệ.", lead, List.of(), DEADLINE);
        api().body(Map.of("deadline", "2035-05-01", "reason", "Sớm hơn"))
                .post("/api/v1/tasks/" + id + "/change-deadline").then().statusCode(400).body("errors.field", hasItems("deadline"));
        api().body(Map.of("percentComplete", 120, "reportingAgency", lead))
                .post("/api/v1/tasks/" + id + "/progress-reports").then().statusCode(400).body("errors.field", hasItems("percentComplete"));
        api().body(Map.of("percentComplete", 10, "reportingAgency", unknown))
                .post("/api/v1/tasks/" + id + "/progress-reports").then().statusCode(400).body("errors.field", hasItems("reportingAgency"));
        api().get("/api/v1/tasks/" + id).then().body("deadline", equalTo("2035-09-30")).body("status", equalTo("open"));
        assertThat(Fixtures.events(Topics.TASKS_LIFECYCLE, id, 1)).hasSize(1);
    }

    /** The first request's transaction is played by a connection holding the key: a retry then is told to retry later. */
    @Test
    void aRetryWhileTheFirstNewTaskIsStillBeingAssignedIsRefusedUntilItIsAnswered() {
        String coordinator = TestTokens.user("coordinator.retry", "coordinator", "SO-NOI-VU");
        String key = "create-" + java.util.UUID.randomUUID();
        Map<String, Object> body = Map.of("title", "Tổng hợp kết quả tự chấm điểm CCHC.", "leadAgency", lead,
                "deadline", DEADLINE.toString());
        SqlConnection first = pool.getConnection().await().atMost(Duration.ofSeconds(30));
        try {
            first.begin().await().atMost(Duration.ofSeconds(30));
            assertThat(first.preparedQuery(IdempotentRequests.TAKE)
                    .execute(Tuple.of(IdempotentRequests.keyed(key, () -> "", "tasks", "coordinator.retry").scopedKey()))
                    .await().atMost(Duration.ofSeconds(30)).iterator().next().getBoolean("taken")).isTrue();

            Fixtures.api(coordinator).header("Idempotency-Key", key).body(body).post("/api/v1/tasks")
                    .then().statusCode(409).contentType("application/problem+json").body("detail", containsString(key));
        } finally {
            first.close().await().atMost(Duration.ofSeconds(30));
        }
        String id = Fixtures.api(coordinator).header("Idempotency-Key", key).body(body).post("/api/v1/tasks")
                .then().statusCode(201).extract().path("id");
        Fixtures.api(coordinator).header("Idempotency-Key", key).body(body).post("/api/v1/tasks")
                .then().statusCode(201).body("id", equalTo(id));
    }

    @Test
    void aNewTaskNeedsAnIdempotencyKeyAndEachCallerHasKeysOfTheirOwn() {
        Map<String, Object> body = Map.of("title", "Tổng hợp báo cáo CCHC quý III.", "leadAgency", lead, "deadline", DEADLINE.toString());
        String key = "create-" + java.util.UUID.randomUUID();
        String otherCoordinator = TestTokens.user("coordinator.other", "coordinator", "SO-NOI-VU");

        api().body(body).post("/api/v1/tasks").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
        String first = api().header("Idempotency-Key", key).body(body).post("/api/v1/tasks")
                .then().statusCode(201).extract().path("id");
        String second = Fixtures.api(otherCoordinator).header("Idempotency-Key", key)
                .body(Map.of("title", "Một nhiệm vụ khác của người khác", "leadAgency", lead, "deadline", DEADLINE.toString()))
                .post("/api/v1/tasks").then().statusCode(201).extract().path("id");
        api().header("Idempotency-Key", key).body(body).post("/api/v1/tasks").then().statusCode(201).body("id", equalTo(first));

        assertThat(second).isNotEqualTo(first);
        assertThat(api().queryParam("agency", lead).get("/api/v1/tasks").jsonPath().getList("items")).hasSize(2);
    }

    private static void reject(Map<String, Object> body, String field) {
        api().header("Idempotency-Key", java.util.UUID.randomUUID().toString()).body(body).post("/api/v1/tasks")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItems(field));
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(body);
        copy.put(field, value);
        return copy;
    }
}

package vn.parsipas.task.security;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.parsipas.task.Fixtures.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import vn.parsipas.contracts.EventJson;
import vn.parsipas.devstack.TestTokens;
import vn.parsipas.task.Fixtures;
import vn.parsipas.task.TaskServiceTest;
import vn.parsipas.task.plan.PlanFormat;

/**
 * Every endpoint of task-service × every kind of caller → the status each gets, each request really
 * sent; and a check that the table covers every operation of the OpenAPI document, so a new endpoint
 * cannot be added without deciding who may call it.
 */
@QuarkusTest
@TaskServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityMatrixTest {
    private static final String PLAN = "dak-lak-2025";
    private static final LocalDate DEADLINE = LocalDate.of(2035, 9, 30);
    private static final String XLSX = PlanFormat.XLSX_MEDIA_TYPE;

    /** The callers, in the column order of the table. */
    enum Who {
        ANONYMOUS, COORDINATOR, LEAD_STAFF, COORDINATING_STAFF, OTHER_STAFF, DATA_PROVIDER, OPERATOR
    }

    private record Call(String path, Object body, String contentType, String accept) {
        Call(String path, Object body, String contentType) {
            this(path, body, contentType, null);
        }
    }

    private record Row(String method, String template, Supplier<Call> call, int... expected) {
        String operation() {
            return method + " " + template;
        }
    }

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
        lead = Fixtures.createAgency("Sở chủ trì thử nghiệm");
        coordinating = Fixtures.createAgency("Sở phối hợp thử nghiệm");
        other = Fixtures.createAgency("Sở khác thử nghiệm");
        task = Fixtures.createTask("Rà soát quy trình nội bộ giải quyết TTHC.", lead, List.of(coordinating), DEADLINE);
    }

    private String token(Who who) {
        return switch (who) {
            case ANONYMOUS -> null;
            case COORDINATOR -> TestTokens.coordinator();
            case LEAD_STAFF -> TestTokens.staff(lead);
            case COORDINATING_STAFF -> TestTokens.staff(coordinating);
            case OTHER_STAFF -> TestTokens.staff(other);
            case DATA_PROVIDER -> TestTokens.dataProvider("igate", List.of("PAR-1.1"), List.of("sipas-2025"));
            case OPERATOR -> TestTokens.operator();
        };
    }

    private List<Row> table() {
        Supplier<String> freshTask = () -> Fixtures.createTask("Nhiệm vụ kiểm thử phân quyền.", lead, List.of(coordinating), DEADLINE);
        String tasks = "/api/v1/tasks/";
        return List.of(
                // agency directory: reference data for staff, changed by coordinators only
                new Row("GET", "/api/v1/agencies", () -> at("/api/v1/agencies"), 401, 200, 200, 200, 200, 403, 403),
                new Row("POST", "/api/v1/agencies", () -> post("/api/v1/agencies", Map.of("code", Fixtures.uniqueCode(),
                        "name", "Sở mới", "kind", "department")), 401, 201, 403, 403, 403, 403, 403),
                new Row("GET", "/api/v1/agencies/{code}", () -> at("/api/v1/agencies/" + lead), 401, 200, 200, 200, 200, 403, 403),
                new Row("PUT", "/api/v1/agencies/{code}", () -> new Call("/api/v1/agencies/" + Fixtures.createAgency("Sở đổi tên"),
                        Map.of("name", "Sở đã đổi tên", "kind", "department"), null), 401, 200, 403, 403, 403, 403, 403),
                new Row("DELETE", "/api/v1/agencies/{code}", () -> at("/api/v1/agencies/" + Fixtures.createAgency("Sở giải thể")),
                        401, 200, 403, 403, 403, 403, 403),
                // plans: the published plan is readable by staff; only coordinators import (the seed again: unchanged)
                new Row("POST", "/api/v1/plans", () -> new Call("/api/v1/plans", Fixtures.seedPlan(), "application/yaml"),
                        401, 200, 403, 403, 403, 403, 403),
                new Row("POST", "/api/v1/plans", () -> new Call("/api/v1/plans?dryRun=true", Fixtures.seedPlan(), "application/yaml"),
                        401, 200, 403, 403, 403, 403, 403),
                // the template (deploy/plans/README.md): versions export to it for staff, coordinators get it empty and convert
                new Row("GET", "/api/v1/plans/{id}/workbook", () -> new Call("/api/v1/plans/" + PLAN + "/workbook", null, null, XLSX),
                        401, 200, 200, 200, 200, 403, 403),
                new Row("GET", "/api/v1/plans/{id}/versions/{version}/workbook",
                        () -> new Call("/api/v1/plans/" + PLAN + "/versions/1/workbook", null, null, XLSX), 401, 200, 200, 200, 200, 403, 403),
                new Row("GET", "/api/v1/plan-template", () -> new Call("/api/v1/plan-template", null, null, XLSX),
                        401, 200, 403, 403, 403, 403, 403),
                new Row("POST", "/api/v1/plan-conversions", () -> new Call("/api/v1/plan-conversions", Fixtures.seedPlan(),
                        "application/yaml", XLSX), 401, 200, 403, 403, 403, 403, 403),
                new Row("GET", "/api/v1/plans", () -> at("/api/v1/plans"), 401, 200, 200, 200, 200, 403, 403),
                new Row("GET", "/api/v1/plans/{id}", () -> at("/api/v1/plans/" + PLAN), 401, 200, 200, 200, 200, 403, 403),
                new Row("GET", "/api/v1/plans/{id}/versions", () -> at("/api/v1/plans/" + PLAN + "/versions"),
                        401, 200, 200, 200, 200, 403, 403),
                new Row("GET", "/api/v1/plans/{id}/criteria", () -> at("/api/v1/plans/" + PLAN + "/criteria"),
                        401, 200, 200, 200, 200, 403, 403),
                new Row("GET", "/api/v1/plans/{id}/targets", () -> at("/api/v1/plans/" + PLAN + "/targets"),
                        401, 200, 200, 200, 200, 403, 403),
                // dashboards: scoped to the caller's agency (asserted below)
                new Row("GET", "/api/v1/summaries/agencies", () -> at("/api/v1/summaries/agencies"), 401, 200, 200, 200, 200, 403, 403),
                new Row("GET", "/api/v1/summaries/criteria", () -> at("/api/v1/summaries/criteria?planId=" + PLAN),
                        401, 200, 200, 200, 200, 403, 403),
                // tasks: read by their lead and coordinating agencies; lead reports and completes; coordinators manage
                new Row("GET", "/api/v1/tasks", () -> at("/api/v1/tasks"), 401, 200, 200, 200, 200, 403, 403),
                new Row("POST", "/api/v1/tasks", () -> post("/api/v1/tasks", Map.of("title", "Nhiệm vụ mới", "leadAgency", lead,
                        "deadline", DEADLINE.toString())), 401, 201, 403, 403, 403, 403, 403),
                new Row("GET", "/api/v1/tasks/{id}", () -> at(tasks + task), 401, 200, 200, 200, 403, 403, 403),
                new Row("GET", "/api/v1/tasks/{id}/history", () -> at(tasks + task + "/history"), 401, 200, 200, 200, 403, 403, 403),
                new Row("GET", "/api/v1/tasks/{id}/progress-reports", () -> at(tasks + task + "/progress-reports"),
                        401, 200, 200, 200, 403, 403, 403),
                new Row("POST", "/api/v1/tasks/{id}/progress-reports", () -> post(tasks + freshTask.get() + "/progress-reports",
                        Map.of("percentComplete", 20)), 401, 201, 201, 403, 403, 403, 403),
                new Row("POST", "/api/v1/tasks/{id}/reassign", () -> post(tasks + freshTask.get() + "/reassign",
                        Map.of("leadAgency", coordinating, "reason", "Điều chỉnh chức năng.")), 401, 200, 403, 403, 403, 403, 403),
                new Row("POST", "/api/v1/tasks/{id}/change-deadline", () -> post(tasks + freshTask.get() + "/change-deadline",
                        Map.of("deadline", "2036-03-31", "reason", "Chờ hướng dẫn.")), 401, 200, 403, 403, 403, 403, 403),
                new Row("POST", "/api/v1/tasks/{id}/complete", () -> post(tasks + freshTask.get() + "/complete", Map.of()),
                        401, 200, 200, 403, 403, 403, 403),
                new Row("POST", "/api/v1/tasks/{id}/reopen", () -> post(tasks + completed(freshTask.get()) + "/reopen",
                        Map.of("reason", "Chưa đạt yêu cầu.")), 401, 200, 403, 403, 403, 403, 403),
                // dead letters: operators only; task-service consumes nothing, so it has no dead-letter topic
                new Row("GET", "/api/v1/admin/dead-letters", () -> at("/api/v1/admin/dead-letters"), 401, 403, 403, 403, 403, 403, 200),
                new Row("GET", "/api/v1/admin/dead-letters/{topic}", () -> at("/api/v1/admin/dead-letters/tasks.lifecycle.v1.dlq"),
                        401, 403, 403, 403, 403, 403, 404),
                new Row("POST", "/api/v1/admin/dead-letters/{topic}/replays", () -> new Call(
                        "/api/v1/admin/dead-letters/tasks.lifecycle.v1.dlq/replays", Map.of("reason", "no such reason"), null),
                        401, 403, 403, 403, 403, 403, 404),
                new Row("POST", "/api/v1/admin/dead-letters/{topic}/discards", () -> new Call(
                        "/api/v1/admin/dead-letters/tasks.lifecycle.v1.dlq/discards",
                        Map.of("reason", "no such reason", "comment", "kiểm tra quyền"), null), 401, 403, 403, 403, 403, 403, 404),
                new Row("GET", "/api/v1/admin/dead-letter-actions", () -> at("/api/v1/admin/dead-letter-actions"),
                        401, 403, 403, 403, 403, 403, 200),
                // the platform's clock: operators only, and not adjustable in this service's configuration
                new Row("GET", "/api/v1/admin/clock", () -> at("/api/v1/admin/clock"), 401, 403, 403, 403, 403, 403, 404),
                new Row("PUT", "/api/v1/admin/clock", () -> new Call("/api/v1/admin/clock", Map.of("now", "2035-01-01T00:00:00Z"), null),
                        401, 403, 403, 403, 403, 403, 404));
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheTableSays() {
        List<String> mismatches = new ArrayList<>();
        for (Row row : table()) {
            assertThat(row.expected()).as(row.operation()).hasSize(Who.values().length);
            for (Who who : Who.values()) {
                Call call = row.call().get();
                int status = send(row.method(), call, token(who)).statusCode();
                if (status != row.expected()[who.ordinal()]) {
                    mismatches.add(row.operation() + " as " + who + ": " + status + ", expected " + row.expected()[who.ordinal()]);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theTableCoversEveryOperationOfTheOpenApiDocument() throws Exception {
        JsonNode paths = EventJson.mapper().readTree(api(null).get("/q/openapi?format=json").then().statusCode(200)
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
        Set<String> inTable = new TreeSet<>(table().stream().map(Row::operation).toList());

        assertThat(documented).as("operations of /q/openapi").isNotEmpty();
        assertThat(inTable).as("every documented operation has a row in the security table").containsAll(documented);
    }

    private Response send(String method, Call call, String token) {
        var request = api(token).header("Idempotency-Key", java.util.UUID.randomUUID().toString());
        if (call.contentType() != null) {
            request.contentType(call.contentType());
        }
        if (call.accept() != null) {
            request.accept(call.accept());
        }
        if (call.body() instanceof byte[] bytes) {
            request.body(bytes);
        } else if (call.body() != null) {
            request.body(call.body());
        }
        return request.request(method, call.path());
    }

    private static Call at(String path) {
        return new Call(path, null, null);
    }

    private static Call post(String path, Object body) {
        return new Call(path, body, null);
    }

    private static String completed(String taskId) {
        api().body(Map.of()).post("/api/v1/tasks/" + taskId + "/complete").then().statusCode(200);
        return taskId;
    }
}

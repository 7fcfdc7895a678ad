package vn.parsipas.task.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static vn.parsipas.task.Fixtures.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.parsipas.devstack.ListPages;
import vn.parsipas.platform.time.ShiftableClock;
import vn.parsipas.task.Fixtures;
import vn.parsipas.task.TaskServiceTest;

/** Task lists by agency, status, deadline and overdue, page by page; per-agency and per-criterion summaries. */
@QuarkusTest
@TaskServiceTest
class TaskQueryTest {
    @Inject
    ShiftableClock clock;

    private String agency;
    private String other;
    private final List<String> led = new ArrayList<>();
    private String coordinated;
    private String doneOnTime;
    private String doneLate;

    /**
     * On 2036-03-01 the agency leads five tasks (due 03-10, 03-20, 04-15, 06-30, 12-31) and coordinates
     * one (due 05-31). On 03-05 it completes the one due 03-20; on 03-15 the one due 03-10, late.
     */
    @BeforeEach
    void givenAnAgencyWithTasksInVariousStates() {
        clock.shiftTo(Fixtures.local("2036-03-01T08:00:00"));
        agency = Fixtures.createAgency("Sở Ngoại vụ");
        other = Fixtures.createAgency("Sở Lao động");
        for (String deadline : List.of("2036-03-10", "2036-03-20", "2036-04-15", "2036-06-30", "2036-12-31")) {
            led.add(Fixtures.createTask("Nhiệm vụ hạn " + deadline, agency, List.of(), LocalDate.parse(deadline)));
        }
        coordinated = Fixtures.createTask("Nhiệm vụ phối hợp", other, List.of(agency), LocalDate.parse("2036-05-31"));
        clock.shiftTo(Fixtures.local("2036-03-05T08:00:00"));
        doneOnTime = complete(led.get(1));
        clock.shiftTo(Fixtures.local("2036-03-15T08:00:00"));
        doneLate = complete(led.get(0));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void tasksAreFoundByAgencyRoleStatusDeadlineAndOverdue() {
        clock.shiftTo(Fixtures.local("2036-04-20T08:00:00"));

        assertThat(ids(Map.of("agency", agency, "role", "lead"))).containsExactlyElementsOf(led);
        assertThat(ids(Map.of("agency", agency, "role", "coordinating"))).containsExactly(coordinated);
        assertThat(ids(Map.of("agency", agency))).containsExactly(led.get(0), led.get(1), led.get(2), coordinated,
                led.get(3), led.get(4));
        assertThat(ids(Map.of("agency", agency, "status", "completed"))).containsExactly(doneLate, doneOnTime);
        assertThat(ids(Map.of("agency", agency, "dueAfter", "2036-03-20", "dueBefore", "2036-06-30")))
                .containsExactly(led.get(2), coordinated);
        assertThat(ids(Map.of("agency", agency, "overdue", "true"))).containsExactly(led.get(2));
        assertThat(ids(Map.of("agency", agency, "overdue", "false"))).hasSize(5).doesNotContain(led.get(2));
        assertThat(ids(Map.of("agency", other))).containsExactly(coordinated);
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        List<String> all = ids(Map.of("agency", agency));
        assertThat(ListPages.field(() -> api().queryParam("agency", agency), "/api/v1/tasks", 4, "id"))
                .containsExactlyElementsOf(all).hasSize(6);
        api().queryParam("limit", 1000).get("/api/v1/tasks").then().statusCode(400).body("errors.field", hasItems("limit"));
        ListPages.refuseWrongPaging(Fixtures::api, "/api/v1/tasks", 200);
        api().queryParam("role", "boss").get("/api/v1/tasks").then().statusCode(400).body("errors.field", hasItems("role"));
        api().queryParam("status", "late").get("/api/v1/tasks").then().statusCode(400).body("errors.field", hasItems("status"));
        // a NUL would reach PostgreSQL, which refuses it: a 400 naming the parameter, not a 500
        api().urlEncodingEnabled(false).get("/api/v1/tasks?agency=SO-TU%00PHAP").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItems("agency"));
        api().urlEncodingEnabled(false).get("/api/v1/tasks/abc%00def").then().statusCode(400).body("errors.field", hasItems("id"));
    }

    @Test
    void theAgencySummaryPutsEachTaskInOneState() {
        clock.shiftTo(Fixtures.local("2036-06-05T08:00:00"));

        Map<String, Object> asLead = summary("lead");
        assertThat(asLead).containsEntry("name", "Sở Ngoại vụ");
        assertThat(asLead.get("tasks")).isEqualTo(Map.of("total", 5, "open", 1, "dueSoon", 1, "overdue", 1,
                "doneOnTime", 1, "doneLate", 1));
        assertThat(summary("any").get("tasks")).isEqualTo(Map.of("total", 6, "open", 1, "dueSoon", 1, "overdue", 2,
                "doneOnTime", 1, "doneLate", 1));
    }

    @Test
    void theProvinceSummaryCountsThePlansTasksPerCriterion() {
        List<Map<String, Object>> criteria = api().queryParam("planId", "dak-lak-2025").get("/api/v1/summaries/criteria")
                .then().statusCode(200).extract().jsonPath().getList("$");

        assertThat(criteria).hasSize(32);
        assertThat(criteria.get(0)).containsEntry("criterionCode", "1.1").containsEntry("leadAgency", "VP-UBND-TINH");
        assertThat(criteria.get(0).get("title")).isEqualTo("Thực hiện nhiệm vụ được Chính phủ, Thủ tướng Chính phủ giao");
        Map<String, Object> c122 = criteria.stream().filter(c -> "1.22".equals(c.get("criterionCode"))).findFirst().orElseThrow();
        assertThat(tasks(c122)).containsEntry("total", 17).containsEntry("overdue", 17);
        assertThat(tasks(criteria.get(31))).containsEntry("total", 13);
        assertThat(criteria.get(31).get("criterionCode")).isNull();
        api().get("/api/v1/summaries/criteria").then().statusCode(400).body("errors.field", hasItems("planId"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tasks(Map<String, Object> summary) {
        return (Map<String, Object>) summary.get("tasks");
    }

    private Map<String, Object> summary(String role) {
        return api().queryParam("role", role).get("/api/v1/summaries/agencies").then().statusCode(200).extract().jsonPath()
                .getMap("find { it.agency == '" + agency + "' }");
    }

    private static List<String> ids(Map<String, String> query) {
        return api().queryParams(query).queryParam("limit", 200).get("/api/v1/tasks").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
    }

    private static String complete(String id) {
        api().body(Map.of()).post("/api/v1/tasks/" + id + "/complete").then().statusCode(200);
        return id;
    }
}

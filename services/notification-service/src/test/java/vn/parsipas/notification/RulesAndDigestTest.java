package vn.parsipas.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.parsipas.contracts.Topics;
import vn.parsipas.contracts.task.TaskDueSoon;

@QuarkusTest
@NotificationServiceTest
class RulesAndDigestTest {

    @Test
    void theDefaultRulesComeFromTheRulesFileAndCanBeReplacedThroughTheApi() {
        Scenario.asCoordinator().get("/api/v1/rules").then().statusCode(200)
                .body("rules.name", hasItems("due-soon", "overdue-and-missed", "at-risk-and-no-data"))
                .body("rules.find { it.name == 'overdue-and-missed' }.channels", equalTo(List.of("inbox", "email", "webhook")))
                .body("rules.find { it.name == 'overdue-and-missed' }.repeatEvery", equalTo("PT72H"))
                .body("rules.find { it.name == 'overdue-and-missed' }.escalateAfter", equalTo("PT120H"));

        try (Scenario scenario = new Scenario()) {
            String agency = Scenario.code("SO-TTTT");
            scenario.agency(agency, "Sở Thông tin (thử nghiệm)", "VP-UBND-TINH");
            Map<String, Object> loud = Map.of("name", "due-soon-for-" + agency, "kinds", List.of("task-due-soon"),
                    "agencies", List.of(agency), "channels", List.of("inbox", "webhook"));
            List<Object> rules = new java.util.ArrayList<>(Scenario.asCoordinator().get("/api/v1/rules").jsonPath().getList("rules"));
            rules.add(0, loud);
            int version = Scenario.asCoordinator().contentType(ContentType.JSON).body(Map.of("rules", rules)).put("/api/v1/rules")
                    .then().statusCode(200).extract().path("version");

            scenario.send(new TaskDueSoon(Scenario.taskId(), "dak-lak-2025", "1.3", "Rà soát thủ tục hành chính.", agency,
                    List.of(), Scenario.DEADLINE, Instant.parse("2025-12-31T17:00:00Z"), 7, Instant.parse("2025-12-24T17:00:05Z")));

            await().atMost(Scenario.WAIT).until(() -> scenario.receiver.delivered(Scenario.hookPath(agency)).size() == 1);
            assertThat(Scenario.inbox(agency, 1).getString("items[0].rule")).isEqualTo("due-soon-for-" + agency);
            Scenario.asCoordinator().post("/api/v1/rules/reload").then().statusCode(200).body("version", equalTo(version + 1))
                    .body("rules.name", equalTo(List.of("due-soon", "overdue-and-missed", "at-risk-and-no-data", "no-baseline")));
        }
    }

    @Test
    void invalidRulesAreRefusedNamingTheField() {
        Scenario.asCoordinator().contentType(ContentType.JSON)
                .body(Map.of("rules", List.of(Map.of("name", "x", "channels", List.of("sms")))))
                .put("/api/v1/rules").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("rules[0].channels[0]"));
        Scenario.asCoordinator().contentType(ContentType.JSON)
                .body(Map.of("rules", List.of(Map.of("name", "x", "channels", List.of("inbox"), "repeatEvery", "-PT1H"))))
                .put("/api/v1/rules").then().statusCode(400).body("errors[0].field", equalTo("rules[0].repeatEvery"));
    }

    @Test
    void alertsOpeningTogetherForOneAgencyLeaveAsOneDigestEmail() {
        try (Scenario scenario = new Scenario()) {
            String agency = Scenario.code("UBND-XA");
            scenario.agency(agency, "UBND xã Hòa Phú", "VP-UBND-TINH");

            for (int i = 0; i < 3; i++) {
                scenario.send(Scenario.overdue(Scenario.taskId(), agency, List.of()));
            }

            await().atMost(Scenario.WAIT).until(() -> Mailbox.to(Scenario.email(agency)).size() == 1
                    && Scenario.inbox(agency, 3).getList("items").size() == 3);
            Mailbox.Mail digest = Mailbox.to(Scenario.email(agency)).get(0);
            assertThat(digest.subject()).isEqualTo("[PAR·SIPAS] 3 thông báo cảnh báo gửi UBND xã Hòa Phú");
            assertThat(digest.text()).contains("tổng hợp 3 thông báo").contains("1. [Cảnh báo mới]").contains("3. [Cảnh báo mới]");
            assertThat(digest.html()).contains("<strong>3 thông báo</strong>");
            await().atMost(Scenario.WAIT).until(() -> scenario.receiver.delivered(Scenario.hookPath(agency)).size() == 3);
        }
    }

    @Test
    void aFactThatBreaksItsContractGoesToTheDeadLetterTopic() {
        try (Scenario scenario = new Scenario()) {
            String key = Scenario.taskId();
            scenario.kafka.sendStructured(Topics.TASKS_DEADLINES, key, "{\"specversion\":\"1.0\",\"id\":\"x-" + key
                    + "\",\"source\":\"/parsipas/task-service\",\"type\":\"vn.parsipas.task.overdue.v1\",\"data\":{\"taskId\":\""
                    + key + "\"}}");
            assertThat(scenario.kafka.readUntil(List.of(Topics.TASKS_DEADLINES + Topics.DLQ_SUFFIX),
                    records -> records.stream().anyMatch(r -> key.equals(r.key())), Scenario.WAIT))
                    .filteredOn(r -> key.equals(r.key()))
                    .singleElement().satisfies(r -> assertThat(r.headers().get("dead-letter-reason")).contains("leadAgency"));
        }
    }
}

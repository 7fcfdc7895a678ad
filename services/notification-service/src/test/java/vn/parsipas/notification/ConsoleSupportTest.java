package vn.parsipas.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import vn.parsipas.contracts.task.TaskOverdue;
import vn.parsipas.devstack.ListPages;
import vn.parsipas.notification.alert.AlertPasses;
import vn.parsipas.notification.webhook.WebhookSigner;
import vn.parsipas.platform.time.BusinessTime;
import vn.parsipas.platform.time.ShiftableClock;

/**
 * What the agency console needs from the inbox API (issue 13): the tabs' counts, filters by severity,
 * criterion, period and how the agency holds an alert, a re-read of what changed since an instant, links
 * to the console's alert page in e-mails and webhooks, and a test send to an agency's webhook.
 */
@QuarkusTest
@NotificationServiceTest
class ConsoleSupportTest {
    @Inject
    ShiftableClock clock;

    @Inject
    AlertPasses passes;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theTabsCountAndTheFiltersSelectByCriterionSeverityPeriodHoldingAndChangeInstant() throws Throwable {
        try (Scenario scenario = new Scenario()) {
            String supervisor = Scenario.code("VP-UBND");
            String lead = Scenario.code("SO-TU-PHAP");
            scenario.agency(supervisor, "Văn phòng UBND tỉnh (thử nghiệm)", null);
            scenario.agency(lead, "Sở Tư pháp", supervisor);
            TaskOverdue onCriterion116 = Scenario.overdue(Scenario.taskId(), lead, List.of());
            TaskOverdue base = Scenario.overdue(Scenario.taskId(), lead, List.of());
            TaskOverdue onCriterion23 = new TaskOverdue(base.taskId(), base.planId(), "2.3", base.title(), lead, List.of(),
                    base.deadline(), base.dueAt(), base.detectedAt());
            scenario.send(onCriterion116);
            scenario.send(onCriterion23);
            JsonPath inbox = Scenario.inbox(lead, 2);
            String acknowledged = idOf(inbox, onCriterion116.taskId());
            String escalated = idOf(inbox, onCriterion23.taskId());
            assertThat(inbox.getList("items.criterionCode", String.class)).containsExactlyInAnyOrder("1.16", "2.3");

            Instant beforeAcknowledgement = clock.instant();
            Scenario.asStaffOf(lead).contentType(ContentType.JSON).body(Map.of("agencyCode", lead, "comment", "Đang xử lý."))
                    .post("/api/v1/alerts/{alertId}/acknowledgements", acknowledged).then().statusCode(200);
            clock.shiftBy(Duration.ofDays(6));
            VertxContextSupport.subscribeAndAwait(passes::escalate);
            assertThat(Scenario.alert(escalated).getInt("alert.escalationLevel")).isEqualTo(1);

            JsonPath leadCounts = counts(lead, Map.of());
            assertThat(leadCounts.getLong("open")).isEqualTo(1);
            assertThat(leadCounts.getLong("acknowledged")).isEqualTo(1);
            assertThat(leadCounts.getLong("escalated")).isZero();
            assertThat(leadCounts.getLong("resolved")).isZero();
            assertThat(leadCounts.getString("lastUpdatedAt")).isNotNull();
            JsonPath supervisorCounts = counts(supervisor, Map.of());
            assertThat(supervisorCounts.getLong("escalated")).isEqualTo(1);
            assertThat(supervisorCounts.getLong("open")).isZero();
            assertThat(counts(lead, Map.of("criterion", "1.16")).getLong("open")).isZero();

            assertThat(ids(lead, Map.of("criterion", "1.16"))).containsExactly(acknowledged);
            assertThat(ids(lead, Map.of("criterion", "2"))).containsExactly(escalated);
            assertThat(ids(lead, Map.of("severity", "info"))).isEmpty();
            assertThat(ids(lead, Map.of("severity", "critical"))).containsExactlyInAnyOrder(acknowledged, escalated);
            assertThat(ids(supervisor, Map.of("holding", "escalation", "status", "active"))).containsExactly(escalated);
            assertThat(ids(supervisor, Map.of("holding", "own"))).isEmpty();
            assertThat(ids(lead, Map.of("holding", "own", "status", "open"))).containsExactly(escalated);

            LocalDate raisedOn = LocalDate.ofInstant(beforeAcknowledgement, BusinessTime.ZONE);
            assertThat(ids(lead, Map.of("raisedFrom", raisedOn.toString(), "raisedTo", raisedOn.toString()))).hasSize(2);
            assertThat(ids(lead, Map.of("raisedTo", raisedOn.minusDays(1).toString()))).isEmpty();
            assertThat(ids(lead, Map.of("raisedFrom", raisedOn.plusDays(1).toString()))).isEmpty();
            assertThat(ids(lead, Map.of("updatedSince", beforeAcknowledgement.toString()))).containsExactlyInAnyOrder(acknowledged, escalated);
            assertThat(ids(lead, Map.of("updatedSince", clock.instant().plusSeconds(1).toString()))).isEmpty();

            Scenario.asStaffOf(lead).queryParams(Map.of("raisedFrom", "2026-01-10", "raisedTo", "2026-01-01"))
                    .get("/api/v1/agencies/{code}/alerts", lead).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.containsString("raisedTo"));
            Scenario.asStaffOf(lead).queryParam("holding", "everyone").get("/api/v1/agencies/{code}/alerts", lead).then().statusCode(400);
        }
    }

    @Test
    void eMailsAndWebhooksLinkToTheAlertsPageInTheConsole() {
        try (Scenario scenario = new Scenario()) {
            String lead = Scenario.code("SO-NONG-NGHIEP");
            scenario.agency(lead, "Sở Nông nghiệp và Môi trường", "VP-UBND-TINH");
            scenario.send(Scenario.overdue(Scenario.taskId(), lead, List.of()));
            String alertId = Scenario.inbox(lead, 1).getString("items[0].alertId");
            String page = "http://127.0.0.1:8085/canh-bao/" + alertId;

            await().atMost(Duration.ofSeconds(90)).until(() -> Mailbox.to(Scenario.email(lead)).size() == 1
                    && scenario.receiver.delivered(Scenario.hookPath(lead)).size() == 1);
            assertThat(Mailbox.to(Scenario.email(lead)).get(0).html()).contains("href=\"" + page + "\"");
            assertThat(Mailbox.to(Scenario.email(lead)).get(0).text()).contains(page);
            assertThat(scenario.receiver.delivered(Scenario.hookPath(lead)).get(0).body()).contains("\"url\":\"" + page + "\"");
        }
    }

    @Test
    void aTestSendSignsAPingToTheAgencysWebhookAndSaysWhatTheReceiverAnswered() {
        try (Scenario scenario = new Scenario()) {
            String agency = Scenario.code("SO-XAY-DUNG");
            scenario.agency(agency, "Sở Xây dựng", "VP-UBND-TINH");

            JsonPath delivered = Scenario.asStaffOf(agency).post("/api/v1/agencies/{code}/webhook/test", agency)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(delivered.getBoolean("delivered")).isTrue();
            assertThat(delivered.getInt("statusCode")).isBetween(200, 299);
            WebhookReceiver.Call ping = scenario.receiver.delivered(Scenario.hookPath(agency)).get(0);
            assertThat(ping.header(WebhookSigner.EVENT)).isEqualTo("ping");
            assertThat(ping.header(WebhookSigner.SIGNATURE)).isEqualTo(WebhookSigner.signature(Scenario.secret(agency),
                    Long.parseLong(ping.header(WebhookSigner.TIMESTAMP)), ping.body()));
            assertThat(ping.body()).contains("\"agencyCode\":\"" + agency + "\"");

            scenario.receiver.failNext(Scenario.hookPath(agency), 1);
            JsonPath refused = Scenario.asStaffOf(agency).post("/api/v1/agencies/{code}/webhook/test", agency)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(refused.getBoolean("delivered")).isFalse();
            assertThat(refused.getString("error")).isEqualTo("HTTP 500");
            // a test send is not a delivery: the log of the agency's webhook holds none
            assertThat(Scenario.asStaffOf(agency).get("/api/v1/agencies/{code}/webhook/deliveries", agency).jsonPath()
                    .getList("items")).isEmpty();

            String withoutSecret = Scenario.code("SO-DU-LICH");
            scenario.upsert(new vn.parsipas.contracts.directory.AgencyUpserted(withoutSecret, "Sở Du lịch", "department",
                    "VP-UBND-TINH", List.of(), scenario.receiver.url(Scenario.hookPath(withoutSecret)), true, Instant.now()));
            Scenario.asCoordinator().post("/api/v1/agencies/{code}/webhook/test", withoutSecret).then().statusCode(409);
        }
    }

    @Test
    void theInboxEveryAlertAndTheWebhookLogArePagedByCursorAndAWrongLimitOrCursorIsRefusedNamingIt() {
        try (Scenario scenario = new Scenario()) {
            String lead = Scenario.code("SO-CONG-THUONG");
            scenario.agency(lead, "Sở Công Thương", "VP-UBND-TINH");
            for (int i = 0; i < 3; i++) {
                scenario.send(Scenario.overdue(Scenario.taskId(), lead, List.of()));
            }
            Scenario.inbox(lead, 3);
            String inbox = "/api/v1/agencies/" + lead + "/alerts";
            String deliveries = "/api/v1/agencies/" + lead + "/webhook/deliveries";
            await().atMost(Duration.ofSeconds(90)).until(() -> Scenario.asStaffOf(lead).get(deliveries).jsonPath()
                    .getList("items").size() == 3);

            for (String[] list : new String[][] {{inbox, "alertId"}, {"/api/v1/alerts", "alertId"}, {deliveries, "deliveryId"}}) {
                List<String> all = Scenario.asStaffOf(lead).queryParam("limit", 200).get(list[0]).then().statusCode(200)
                        .extract().jsonPath().getList("items." + list[1], String.class);
                assertThat(ListPages.field(() -> Scenario.asStaffOf(lead), list[0], 1, list[1])).as(list[0])
                        .containsExactlyElementsOf(all).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(3);
                ListPages.refuseWrongPaging(() -> Scenario.asStaffOf(lead), list[0], 200);
            }
        }
    }

    private static JsonPath counts(String agency, Map<String, String> filter) {
        return Scenario.asStaffOf(agency).queryParams(filter).get("/api/v1/agencies/{code}/alerts/counts", agency)
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<String> ids(String agency, Map<String, String> filter) {
        return Scenario.asStaffOf(agency).queryParams(filter).get("/api/v1/agencies/{code}/alerts", agency)
                .then().statusCode(200).extract().jsonPath().getList("items.alertId", String.class);
    }

    private static String idOf(JsonPath inbox, String taskId) {
        return inbox.getList("items", Map.class).stream().filter(item -> taskId.equals(item.get("subjectId")))
                .map(item -> (String) item.get("alertId")).findFirst().orElseThrow();
    }
}

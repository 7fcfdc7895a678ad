package vn.parsipas.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.JsonSchemas;
import vn.parsipas.contracts.indicator.TargetStatusChanged;
import vn.parsipas.contracts.task.TaskOverdue;
import vn.parsipas.contracts.task.TaskUpdated;
import vn.parsipas.notification.alert.AlertPasses;
import vn.parsipas.notification.webhook.WebhookSigner;
import vn.parsipas.platform.time.ShiftableClock;

@QuarkusTest
@NotificationServiceTest
class EscalationTest {
    @Inject
    ShiftableClock clock;

    @Inject
    AlertPasses passes;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anUnacknowledgedAlertEscalatesOnceToTheSupervisingAgencyEvenWhenTwoReplicasRunThePass() throws Throwable {
        try (Scenario scenario = new Scenario()) {
            String supervisor = Scenario.code("VP-UBND");
            String lead = Scenario.code("SO-VHTT");
            scenario.agency(supervisor, "Văn phòng UBND tỉnh (thử nghiệm)", null);
            scenario.agency(lead, "Sở Văn hóa, Thể thao và Du lịch", supervisor);
            TaskOverdue task = Scenario.overdue(Scenario.taskId(), lead, List.of());
            scenario.send(task);
            String alertId = Scenario.inbox(lead, 1).getString("items[0].alertId");

            clock.shiftBy(Duration.ofDays(4));
            escalateTwiceConcurrently();
            assertThat(Scenario.alert(alertId).getInt("alert.escalationLevel")).isZero();
            clock.shiftBy(Duration.ofDays(1).plusMinutes(1));
            assertThat(escalateTwiceConcurrently()).isPositive();
            VertxContextSupport.subscribeAndAwait(passes::escalate);

            assertThat(Scenario.alert(alertId).getInt("alert.escalationLevel")).isEqualTo(1);
            assertThat(Scenario.alert(alertId).getString("alert.escalatedTo")).isEqualTo(supervisor);
            assertThat(Scenario.inbox(supervisor, 1).getString("items[0].alertId")).isEqualTo(alertId);
            await().atMost(Scenario.WAIT).until(() -> scenario.receiver.delivered(Scenario.hookPath(supervisor)).size() == 1
                    && Mailbox.to(Scenario.email(supervisor)).size() == 1);
            assertThat(scenario.receiver.delivered(Scenario.hookPath(supervisor)).get(0).header(WebhookSigner.EVENT))
                    .isEqualTo("alert.escalated");
            assertThat(Mailbox.to(Scenario.email(supervisor)).get(0).subject()).startsWith("[Chuyển cấp trên]");
            List<JsonNode> events = scenario.alertEvents("task-overdue:" + task.taskId(), 2);
            assertThat(events).hasSize(2);
            assertThat(events.get(1).get("type").asText()).isEqualTo(EventType.ALERT_ESCALATED.type());
            assertThat(events.get(1).at("/data/escalatedTo").asText()).isEqualTo(supervisor);
            assertThat(JsonSchemas.validate(EventType.ALERT_ESCALATED, events.get(1).get("data"))).isEmpty();
        }
    }

    @Test
    void anAcknowledgedAlertDoesNotEscalate() throws Throwable {
        try (Scenario scenario = new Scenario()) {
            String lead = Scenario.code("SO-Y-TE");
            scenario.agency(lead, "Sở Y tế", "VP-UBND-TINH");
            TaskOverdue task = Scenario.overdue(Scenario.taskId(), lead, List.of());
            scenario.send(task);
            String alertId = Scenario.inbox(lead, 1).getString("items[0].alertId");

            Scenario.asStaffOf(lead).contentType(ContentType.JSON)
                    .body(Map.of("agencyCode", lead,
                            "comment", "Đã giao phòng Kế hoạch xử lý, dự kiến xong trước 10/01/2026."))
                    .post("/api/v1/alerts/{alertId}/acknowledgements", alertId)
                    .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("acknowledged"))
                    .body("acknowledgedBy", org.hamcrest.Matchers.equalTo("staff." + lead.toLowerCase()));
            clock.shiftBy(Duration.ofDays(6));
            VertxContextSupport.subscribeAndAwait(passes::escalate);

            assertThat(Scenario.alert(alertId).getInt("alert.escalationLevel")).isZero();
            assertThat(Scenario.alert(alertId).getString("alert.acknowledgementComment")).startsWith("Đã giao phòng Kế hoạch");
            List<JsonNode> events = scenario.alertEvents("task-overdue:" + task.taskId(), 2);
            assertThat(events.get(1).get("type").asText()).isEqualTo(EventType.ALERT_ACKNOWLEDGED.type());
            assertThat(events.get(1).get("id").asText()).isEqualTo("acknowledged/" + alertId);
            Scenario.asStaffOf(lead).contentType(ContentType.JSON).body(Map.of("agencyCode", lead))
                    .post("/api/v1/alerts/{alertId}/acknowledgements", alertId).then().statusCode(409);
        }
    }

    @Test
    void onlyAnAgencyHoldingTheAlertMayAcknowledgeIt() {
        try (Scenario scenario = new Scenario()) {
            String lead = Scenario.code("SO-GD-DT");
            scenario.agency(lead, "Sở Giáo dục và Đào tạo", "VP-UBND-TINH");
            scenario.send(Scenario.overdue(Scenario.taskId(), lead, List.of()));
            String alertId = Scenario.inbox(lead, 1).getString("items[0].alertId");

            Scenario.asCoordinator().contentType(ContentType.JSON).body(Map.of("agencyCode", "SO-CONG-THUONG"))
                    .post("/api/v1/alerts/{alertId}/acknowledgements", alertId)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("agencyCode"));
            Scenario.asCoordinator().contentType(ContentType.JSON).body(Map.of("agencyCode", lead))
                    .post("/api/v1/alerts/{alertId}/acknowledgements", "no-such-alert").then().statusCode(404);
            Scenario.asStaffOf("SO-CONG-THUONG").contentType(ContentType.JSON).body(Map.of("agencyCode", "SO-CONG-THUONG"))
                    .post("/api/v1/alerts/{alertId}/acknowledgements", alertId)
                    .then().statusCode(403).contentType("application/problem+json");
            Scenario.asStaffOf("SO-CONG-THUONG").contentType(ContentType.JSON).body(Map.of("agencyCode", lead))
                    .post("/api/v1/alerts/{alertId}/acknowledgements", alertId).then().statusCode(403);
            Scenario.asStaffOf(lead).get("/api/v1/alerts/{alertId}", alertId).then().statusCode(200)
                    .body("alert.status", org.hamcrest.Matchers.equalTo("open"));
        }
    }

    @Test
    void aCopyMayNotAcknowledgeAndAFormerLeadLosesTheAlertOnReassignment() {
        try (Scenario scenario = new Scenario()) {
            String lead = Scenario.code("SO-TU-PHAP");
            String copy = Scenario.code("SO-TAI-CHINH");
            String next = Scenario.code("SO-NOI-VU");
            scenario.agency(lead, "Sở Tư pháp", "VP-UBND-TINH");
            scenario.agency(copy, "Sở Tài chính", "VP-UBND-TINH");
            scenario.agency(next, "Sở Nội vụ", "VP-UBND-TINH");
            TaskOverdue task = Scenario.overdue(Scenario.taskId(), lead, List.of(copy));
            scenario.send(task);
            String alertId = Scenario.inbox(copy, 1).getString("items[0].alertId");

            Scenario.asStaffOf(copy).contentType(ContentType.JSON).body(Map.of("agencyCode", copy, "comment", "không phải việc của chúng tôi"))
                    .post("/api/v1/alerts/{alertId}/acknowledgements", alertId)
                    .then().statusCode(403).contentType("application/problem+json");
            assertThat(Scenario.alert(alertId).getString("alert.status")).isEqualTo("open");
            assertThat(Scenario.alert(alertId).getString("alert.nextEscalationAt")).isNotNull();

            scenario.send(new TaskUpdated(task.taskId(), task.planId(), task.criterionCode(), task.title(), next, List.of(copy),
                    Scenario.DEADLINE, task.dueAt(), "reassigned", "in-progress", lead, null, "Giao lại theo chức năng.",
                    Instant.parse("2026-01-02T02:00:00Z"), "coordinator.snv"));
            assertThat(Scenario.inbox(next, 1).getString("items[0].alertId")).isEqualTo(alertId);
            assertThat(Scenario.asStaffOf(lead).get("/api/v1/agencies/{code}/alerts", lead).jsonPath().getList("items")).isEmpty();
            Scenario.asStaffOf(lead).get("/api/v1/alerts/{alertId}", alertId).then().statusCode(403);
            Scenario.asStaffOf(lead).contentType(ContentType.JSON).body(Map.of("agencyCode", lead))
                    .post("/api/v1/alerts/{alertId}/acknowledgements", alertId).then().statusCode(403);
            Scenario.asStaffOf(next).contentType(ContentType.JSON).body(Map.of("agencyCode", next))
                    .post("/api/v1/alerts/{alertId}/acknowledgements", alertId).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("acknowledged"));
        }
    }

    @Test
    void withoutAParentInTheDirectoryTargetAlertsEscalateToSoNoiVuAndTaskAlertsToVanPhongUbnd() throws Throwable {
        try (Scenario scenario = new Scenario()) {
            String unknownAgency = Scenario.code("SO-CHUA-CO");
            String targetId = "dak-lak-2025:t-" + Scenario.code("X").toLowerCase();
            TaskOverdue task = Scenario.overdue(Scenario.taskId(), unknownAgency, List.of());
            scenario.send(task);
            scenario.send(new TargetStatusChanged(targetId, "1.16", "online-end-to-end-dossier-rate",
                    "Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình", "PROVINCE", unknownAgency, null, "AT_RISK", "MISSED",
                    new BigDecimal("71.5"), "2025-12", "percent", "gte", new BigDecimal("80"), null,
                    LocalDate.parse("2025-12-31"), Instant.parse("2026-01-01T01:00:00Z"),
                    "Giá trị 71,5% (tháng 12/2025) chưa đạt mục tiêu ≥ 80%."));
            Scenario.inbox(unknownAgency, 2);

            clock.shiftBy(Duration.ofDays(5).plusMinutes(1));
            VertxContextSupport.subscribeAndAwait(passes::escalate);

            assertThat(Scenario.inbox(unknownAgency, 2).getList("items.escalatedTo", String.class))
                    .containsExactlyInAnyOrder("VP-UBND-TINH", "SO-NOI-VU");
        }
    }

    private int escalateTwiceConcurrently() {
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(this::escalate);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(this::escalate);
        return first.join() + second.join();
    }

    private int escalate() {
        try {
            return VertxContextSupport.subscribeAndAwait(passes::escalate);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}

package vn.parsipas.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import vn.parsipas.contracts.EventJson;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.JsonSchemas;
import vn.parsipas.contracts.Topics;
import vn.parsipas.contracts.task.TaskOverdue;
import vn.parsipas.devstack.TestTokens;
import vn.parsipas.notification.alert.AlertPasses;
import vn.parsipas.notification.webhook.WebhookSigner;
import vn.parsipas.platform.time.ShiftableClock;

@QuarkusTest
@NotificationServiceTest
class OverdueTaskAlertTest {
    static final String WEBHOOK_SCHEMA = EventType.SCHEMA_BASE + "alert-webhook.v1.schema.json";

    @Inject
    ShiftableClock clock;

    @Inject
    AlertPasses passes;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anOverdueTaskReachesTheLeadByInboxLiveStreamEmailAndSignedWebhookWithCopiesToCoordinators() throws Exception {
        try (Scenario scenario = new Scenario()) {
            String lead = Scenario.code("SO-KHCN");
            String coordinator = Scenario.code("SO-TU-PHAP");
            String collective = Scenario.code("ALL-AGENCIES");
            scenario.agency(lead, "Sở Khoa học và Công nghệ", "VP-UBND-TINH");
            scenario.agency(coordinator, "Sở Tư pháp", "VP-UBND-TINH");
            scenario.collective(collective, "Các cơ quan, đơn vị, địa phương", "VP-UBND-TINH");
            TaskOverdue task = Scenario.overdue(Scenario.taskId(), lead, List.of(coordinator, collective));

            try (SseClient live = new SseClient(streamUrl(lead), TestTokens.staff(lead))) {
                scenario.send(task);

                JsonPath inbox = Scenario.inbox(lead, 1);
                assertThat(inbox.getString("items[0].fingerprint")).isEqualTo("task-overdue:" + task.taskId());
                assertThat(inbox.getString("items[0].status")).isEqualTo("open");
                assertThat(inbox.getString("items[0].severity")).isEqualTo("critical");
                assertThat(inbox.getString("items[0].title")).isEqualTo("Nhiệm vụ quá hạn: tiêu chí 1.16");
                assertThat(inbox.getString("items[0].body"))
                        .contains("đã quá hạn 1 ngày (hạn 31/12/2025) và chưa hoàn thành")
                        .contains("Cơ quan chủ trì: Sở Khoa học và Công nghệ.")
                        .contains("Cơ quan phối hợp: Sở Tư pháp, Các cơ quan, đơn vị, địa phương.");
                assertThat(inbox.getList("items[0].ccAgencies", String.class)).containsExactly(coordinator, collective);
                String alertId = inbox.getString("items[0].alertId");
                assertThat(Scenario.inbox(coordinator, 1).getString("items[0].alertId")).isEqualTo(alertId);
                assertThat(Scenario.asCoordinator().get("/api/v1/agencies/{code}/alerts", collective).jsonPath().getList("items")).isEmpty();

                await().atMost(Scenario.WAIT).until(() -> !live.events().isEmpty());
                assertThat(live.events().get(0).name()).isEqualTo("raised");
                assertThat(EventJson.mapper().readTree(live.events().get(0).data()).get("alertId").asText()).isEqualTo(alertId);

                await().atMost(Scenario.WAIT).until(() -> scenario.receiver.delivered(Scenario.hookPath(lead)).size() == 1
                        && scenario.receiver.delivered(Scenario.hookPath(coordinator)).size() == 1);
                WebhookReceiver.Call call = scenario.receiver.delivered(Scenario.hookPath(lead)).get(0);
                assertThat(call.signedWith(Scenario.secret(lead))).as("signature t.body").isTrue();
                assertThat(call.header(WebhookSigner.EVENT)).isEqualTo("alert.raised");
                assertThat(call.header("content-type")).startsWith("application/json");
                JsonNode body = EventJson.mapper().readTree(call.rawBody());
                assertThat(JsonSchemas.validate(WEBHOOK_SCHEMA, body)).isEmpty();
                assertThat(body.at("/alert/alertId").asText()).isEqualTo(alertId);
                assertThat(body.at("/recipient/role").asText()).isEqualTo("responsible");
                assertThat(body.get("deliveryId").asText()).isEqualTo(call.header(WebhookSigner.DELIVERY));
                assertThat(EventJson.mapper().readTree(scenario.receiver.delivered(Scenario.hookPath(coordinator)).get(0).rawBody())
                        .at("/recipient/role").asText()).isEqualTo("copy");

                await().atMost(Scenario.WAIT).until(() -> Mailbox.to(Scenario.email(lead)).size() == 1
                        && Mailbox.to(Scenario.email(coordinator)).size() == 1);
                Mailbox.Mail mail = Mailbox.to(Scenario.email(lead)).get(0);
                assertThat(mail.subject()).isEqualTo("[Cảnh báo mới] Nhiệm vụ quá hạn: tiêu chí 1.16");
                assertThat(mail.text()).contains("Kính gửi: Sở Khoa học và Công nghệ").contains("đã quá hạn 1 ngày");
                assertThat(mail.html()).contains("Kính gửi: <strong>Sở Khoa học và Công nghệ</strong>")
                        .contains("Mức độ: Nghiêm trọng");

                List<JsonNode> events = scenario.alertEvents("task-overdue:" + task.taskId(), 1);
                assertThat(events).hasSize(1);
                assertThat(events.get(0).get("type").asText()).isEqualTo(EventType.ALERT_RAISED.type());
                assertThat(events.get(0).get("id").asText()).isEqualTo("raised/" + alertId);
                assertThat(JsonSchemas.validate(EventType.ALERT_RAISED, events.get(0).get("data"))).isEmpty();
                assertThat(events.get(0).at("/data/ccAgencies").toString()).contains(collective);

                JsonPath detail = Scenario.alert(alertId);
                assertThat(detail.getList("timeline.type", String.class)).contains("raised", "notified");
                assertThat(detail.getList("recipients.agencyCode", String.class)).containsExactlyInAnyOrder(lead, coordinator);
            }
        }
    }

    @Test
    void aRedeliveredFactChangesNothingAndAnotherFactForTheOpenAlertIsCountedNotNotified() {
        try (Scenario scenario = new Scenario()) {
            String lead = Scenario.code("SO-XAY-DUNG");
            scenario.agency(lead, "Sở Xây dựng", "VP-UBND-TINH");
            TaskOverdue task = Scenario.overdue(Scenario.taskId(), lead, List.of());

            String id = scenario.send(task);
            scenario.send(task, id);
            scenario.send(task, id);
            scenario.send(task);

            await().atMost(Scenario.WAIT).until(() -> Scenario.inbox(lead, 1).getInt("items[0].occurrences") == 2);
            await().atMost(Scenario.WAIT).until(() -> scenario.receiver.delivered(Scenario.hookPath(lead)).size() == 1
                    && Mailbox.to(Scenario.email(lead)).size() == 1);
            await().during(Duration.ofSeconds(2)).atMost(Scenario.WAIT).until(() ->
                    scenario.receiver.calls(Scenario.hookPath(lead)).size() == 1 && Mailbox.to(Scenario.email(lead)).size() == 1);
            assertThat(Scenario.inbox(lead, 1).getList("items")).hasSize(1);
            assertThat(scenario.alertEvents("task-overdue:" + task.taskId(), 1)).hasSize(1);
        }
    }

    @Test
    void anOpenAlertIsRepeatedOnceTheRepeatIntervalHasPassed() throws Throwable {
        try (Scenario scenario = new Scenario()) {
            String lead = Scenario.code("SO-TAI-CHINH");
            scenario.agency(lead, "Sở Tài chính", "VP-UBND-TINH");
            TaskOverdue task = Scenario.overdue(Scenario.taskId(), lead, List.of());
            scenario.send(task);
            await().atMost(Scenario.WAIT).until(() -> scenario.receiver.delivered(Scenario.hookPath(lead)).size() == 1
                    && Mailbox.to(Scenario.email(lead)).size() == 1);

            clock.shiftBy(Duration.ofDays(2));
            VertxContextSupport.subscribeAndAwait(passes::repeat);
            await().during(Duration.ofSeconds(1)).atMost(Scenario.WAIT)
                    .until(() -> scenario.receiver.calls(Scenario.hookPath(lead)).size() == 1);

            clock.shiftBy(Duration.ofDays(1).plusMinutes(1));
            VertxContextSupport.subscribeAndAwait(passes::repeat);
            VertxContextSupport.subscribeAndAwait(passes::repeat);

            await().atMost(Scenario.WAIT).until(() -> scenario.receiver.delivered(Scenario.hookPath(lead)).size() == 2
                    && Mailbox.to(Scenario.email(lead)).size() == 2);
            WebhookReceiver.Call repeat = scenario.receiver.delivered(Scenario.hookPath(lead)).get(1);
            assertThat(repeat.header(WebhookSigner.EVENT)).isEqualTo("alert.repeated");
            assertThat(Mailbox.to(Scenario.email(lead)).get(1).subject()).startsWith("[Nhắc lại]");
            assertThat(Scenario.inbox(lead, 1).getInt("items[0].repeats")).isEqualTo(1);
        }
    }

    @Test
    void completingTheTaskResolvesTheAlertWithOneResolvedNotice() {
        try (Scenario scenario = new Scenario()) {
            String lead = Scenario.code("SO-NN-MT");
            scenario.agency(lead, "Sở Nông nghiệp và Môi trường", "VP-UBND-TINH");
            TaskOverdue task = Scenario.overdue(Scenario.taskId(), lead, List.of());
            scenario.send(task);
            await().atMost(Scenario.WAIT).until(() -> scenario.receiver.delivered(Scenario.hookPath(lead)).size() == 1
                    && Mailbox.to(Scenario.email(lead)).size() == 1);

            String cleared = scenario.send(Scenario.completed(task));
            scenario.send(Scenario.completed(task), cleared);
            scenario.send(Scenario.completed(task));

            await().atMost(Scenario.WAIT).until(() -> "resolved".equals(Scenario.inbox(lead, 1).getString("items[0].status")));
            await().atMost(Scenario.WAIT).until(() -> scenario.receiver.delivered(Scenario.hookPath(lead)).size() == 2
                    && Mailbox.to(Scenario.email(lead)).size() == 2);
            await().during(Duration.ofSeconds(2)).atMost(Scenario.WAIT).until(() ->
                    scenario.receiver.calls(Scenario.hookPath(lead)).size() == 2 && Mailbox.to(Scenario.email(lead)).size() == 2);
            assertThat(scenario.receiver.delivered(Scenario.hookPath(lead)).get(1).header(WebhookSigner.EVENT))
                    .isEqualTo("alert.resolved");
            assertThat(Mailbox.to(Scenario.email(lead)).get(1).subject()).startsWith("[Đã xử lý xong]");
            assertThat(Scenario.inbox(lead, 1).getString("items[0].resolution")).isEqualTo("task-completed");
            List<JsonNode> events = scenario.alertEvents("task-overdue:" + task.taskId(), 2);
            assertThat(events).extracting(e -> e.get("type").asText())
                    .containsExactly(EventType.ALERT_RAISED.type(), EventType.ALERT_RESOLVED.type());
        }
    }

    /**
     * A burst of raise, repeat, clear and raise again for the same tasks, with a record breaking the
     * contract in the middle, ends exactly as if each fact had been applied alone, in order (the
     * property a poll per transaction must keep, see docs/DECISIONS.md "Throughput").
     */
    @Test
    void aBurstOfFactsAboutTheSameTasksEndsAsIfAppliedOneByOneAndOnlyTheBrokenRecordIsDeadLettered() {
        try (Scenario scenario = new Scenario()) {
            String lead = Scenario.code("SO-GD-DT");
            scenario.agency(lead, "Sở Giáo dục và Đào tạo", "VP-UBND-TINH");
            List<TaskOverdue> tasks = IntStream.range(0, 8).mapToObj(i -> Scenario.overdue(Scenario.taskId(), lead, List.of())).toList();
            String brokenKey = Scenario.taskId();
            for (int round = 0; round < 4; round++) {
                for (TaskOverdue task : tasks) {
                    switch (round) {
                        case 2 -> scenario.send(Scenario.completed(task));
                        default -> scenario.send(task);
                    }
                }
                if (round == 1) {
                    scenario.kafka.sendStructured(Topics.TASKS_DEADLINES, brokenKey, "{\"specversion\":\"1.0\",\"id\":\"x-" + brokenKey
                            + "\",\"source\":\"/parsipas/task-service\",\"type\":\"vn.parsipas.task.overdue.v1\",\"data\":{}}");
                }
            }

            JsonPath inbox = Scenario.inbox(lead, 16);
            for (TaskOverdue task : tasks) {
                String fingerprint = "task-overdue:" + task.taskId();
                assertThat(scenario.alertEvents(fingerprint, 3)).extracting(e -> e.get("type").asText()).as(fingerprint)
                        .containsExactly(EventType.ALERT_RAISED.type(), EventType.ALERT_RESOLVED.type(), EventType.ALERT_RAISED.type());
                List<Map<String, Object>> alerts = inbox.getList("items.findAll { it.fingerprint == '" + fingerprint + "' }");
                assertThat(alerts).as(fingerprint).extracting(a -> a.get("status") + "/" + a.get("occurrences"))
                        .containsExactlyInAnyOrder("resolved/2", "open/1");
            }
            assertThat(scenario.kafka.readUntil(List.of(Topics.TASKS_DEADLINES + Topics.DLQ_SUFFIX),
                    records -> records.stream().anyMatch(r -> brokenKey.equals(r.key())), Scenario.WAIT))
                    .filteredOn(r -> brokenKey.equals(r.key()) || tasks.stream().anyMatch(t -> t.taskId().equals(r.key())))
                    .singleElement().satisfies(r -> assertThat(r.key()).isEqualTo(brokenKey));
        }
    }

    private static String streamUrl(String agency) {
        return "http://127.0.0.1:" + io.restassured.RestAssured.port + "/api/v1/agencies/" + agency + "/alerts/stream";
    }
}

package vn.parsipas.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import vn.parsipas.devstack.TestTokens;
import vn.parsipas.notification.silence.ActiveSilences;
import vn.parsipas.notification.webhook.WebhookSigner;

@QuarkusTest
@NotificationServiceTest
class SilenceAndRetryTest {

    @Inject
    Pool pool;

    /** Also: every replica hears of the silence (it caches them), and of its end, but not of each notification it mutes. */
    @Test
    void aSilencedAgencyIsSentNothingAndWhatWasMutedIsCounted() throws Exception {
        List<String> announced = new CopyOnWriteArrayList<>();
        PgConnection replica = PgConnection.cast(pool.getConnectionAndAwait());
        replica.notificationHandler(notification -> announced.add(notification.getChannel()));
        replica.query("listen " + ActiveSilences.CHANNEL).executeAndAwait();
        try (Scenario scenario = new Scenario()) {
            String lead = Scenario.code("SO-CONG-THUONG");
            scenario.agency(lead, "Sở Công Thương", "VP-UBND-TINH");
            String silenceId = Scenario.asCoordinator().contentType(ContentType.JSON)
                    .body(Map.of("agencyCode", lead, "endsAt", Instant.now().plus(Duration.ofDays(7)).toString(),
                            "reason", "Sở đang sắp xếp lại tổ chức bộ máy"))
                    .post("/api/v1/silences").then().statusCode(201)
                    .body("createdBy", org.hamcrest.Matchers.equalTo("coordinator.test")).extract().path("id");
            await().atMost(Scenario.WAIT).until(() -> announced.size() == 1);

            try (SseClient live = new SseClient("http://127.0.0.1:" + RestAssured.port
                    + "/api/v1/agencies/" + lead + "/alerts/stream", TestTokens.staff(lead))) {
                scenario.send(Scenario.overdue(Scenario.taskId(), lead, List.of()));

                String alertId = Scenario.inbox(lead, 1).getString("items[0].alertId");
                await().atMost(Scenario.WAIT).until(() -> Scenario.asCoordinator().get("/api/v1/silences").jsonPath()
                        .getInt("find { it.id == '" + silenceId + "' }.mutedCount") == 3);
                JsonPath detail = Scenario.alert(alertId);
                assertThat(detail.getList("deliveries.status", String.class)).containsOnly("muted").hasSize(3);
                assertThat(detail.getList("timeline.type", String.class)).contains("muted");
                await().during(Duration.ofSeconds(3)).atMost(Scenario.WAIT).until(() ->
                        scenario.receiver.calls(Scenario.hookPath(lead)).isEmpty() && Mailbox.to(Scenario.email(lead)).isEmpty()
                                && live.events().isEmpty());
            }
            assertThat(announced).hasSize(1);
            Scenario.asCoordinator().delete("/api/v1/silences/{id}", silenceId).then().statusCode(200).body("mutedCount",
                    org.hamcrest.Matchers.equalTo(3));
            await().atMost(Scenario.WAIT).until(() -> announced.size() == 2);
        } finally {
            replica.closeAndAwait();
        }
    }

    @Test
    void aSilenceNeedsAnAgencyOrAPatternAndAnEndAfterItsStart() {
        Scenario.asCoordinator().contentType(ContentType.JSON).body(Map.of("endsAt", "2030-01-01T00:00:00Z", "reason", "x"))
                .post("/api/v1/silences").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("fingerprintPattern"));
        Scenario.asCoordinator().contentType(ContentType.JSON).body(Map.of("fingerprintPattern", "task-overdue:*", "startsAt", "2030-01-02T00:00:00Z",
                        "endsAt", "2030-01-01T00:00:00Z", "reason", "x"))
                .post("/api/v1/silences").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("endsAt"));
    }

    @Test
    void aWebhookThatFailsThreeTimesIsDeliveredOnceAndEveryAttemptIsLogged() {
        try (Scenario scenario = new Scenario()) {
            String lead = Scenario.code("SO-NGOAI-VU");
            scenario.receiver.failNext(Scenario.hookPath(lead), 3);
            scenario.agency(lead, "Sở Ngoại vụ", "VP-UBND-TINH");

            scenario.send(Scenario.overdue(Scenario.taskId(), lead, List.of()));

            await().atMost(Scenario.WAIT).until(() -> scenario.receiver.delivered(Scenario.hookPath(lead)).size() == 1);
            List<WebhookReceiver.Call> calls = scenario.receiver.calls(Scenario.hookPath(lead));
            assertThat(calls).hasSize(4);
            assertThat(calls).extracting(WebhookReceiver.Call::answered).containsExactly(500, 500, 500, 204);
            assertThat(calls).extracting(WebhookReceiver.Call::body).containsOnly(calls.get(0).body());
            assertThat(calls).extracting(call -> call.header(WebhookSigner.DELIVERY)).containsOnly(calls.get(0).header(WebhookSigner.DELIVERY));
            assertThat(calls).extracting(call -> call.header(WebhookSigner.ATTEMPT)).containsExactly("1", "2", "3", "4");
            await().atMost(Scenario.WAIT).until(() -> "sent".equals(Scenario.asCoordinator()
                    .get("/api/v1/agencies/{code}/webhook/deliveries", lead).jsonPath().getString("items[0].status")));
            JsonPath log = Scenario.asCoordinator().get("/api/v1/agencies/{code}/webhook/deliveries", lead).jsonPath();
            assertThat(log.getList("items")).hasSize(1);
            assertThat(log.getList("items[0].log.statusCode", Integer.class)).containsExactly(500, 500, 500, 204);
            assertThat(Scenario.asCoordinator().get("/api/v1/agencies/{code}/webhook", lead).jsonPath().getLong("failedAttempts")).isEqualTo(3);
            await().during(Duration.ofSeconds(2)).atMost(Scenario.WAIT)
                    .until(() -> scenario.receiver.calls(Scenario.hookPath(lead)).size() == 4);
        }
    }

    @Test
    void aWebhookThatKeepsFailingIsDeadLetteredAndOperatorsSeeTheFailures() {
        try (Scenario scenario = new Scenario()) {
            String lead = Scenario.code("SO-DAN-TOC");
            scenario.receiver.failNext(Scenario.hookPath(lead), 100);
            scenario.agency(lead, "Sở Dân tộc và Tôn giáo", "VP-UBND-TINH");

            scenario.send(Scenario.overdue(Scenario.taskId(), lead, List.of()));

            await().atMost(Scenario.WAIT).until(() -> Scenario.asCoordinator().get("/api/v1/agencies/{code}/webhook", lead).jsonPath()
                    .getLong("deadLetters") == 1);
            JsonPath status = Scenario.asCoordinator().get("/api/v1/webhooks").jsonPath();
            assertThat(status.getLong("find { it.agencyCode == '" + lead + "' }.failedAttempts")).isEqualTo(5);
            assertThat(status.getString("find { it.agencyCode == '" + lead + "' }.lastError")).isEqualTo("HTTP 500");
            assertThat(status.getBoolean("find { it.agencyCode == '" + lead + "' }.secretSet")).isTrue();
            assertThat(status.getString("find { it.agencyCode == '" + lead + "' }")).doesNotContain(Scenario.secret(lead));
            assertThat(scenario.receiver.calls(Scenario.hookPath(lead))).hasSize(5);
            // what the alerting rule ParsipasWebhookDeadLetters reads (helm/parsipas/files/alerting-rules.yaml)
            assertThat(RestAssured.get("/q/metrics").asString())
                    .contains("parsipas_webhook_dead_letters_total{agency=\"" + lead + "\"} 1.0");
            String alertId = Scenario.inbox(lead, 1).getString("items[0].alertId");
            assertThat(Scenario.alert(alertId).getList("timeline.type", String.class)).contains("delivery-failed");

            scenario.receiver.failNext(Scenario.hookPath(lead), 0);
            String deliveryId = Scenario.asCoordinator().get("/api/v1/agencies/{code}/webhook/deliveries?status=dead", lead).jsonPath()
                    .getString("items[0].deliveryId");
            Scenario.asCoordinator().post("/api/v1/webhook-deliveries/{id}/retry", deliveryId).then().statusCode(204);
            await().atMost(Scenario.WAIT).until(() -> scenario.receiver.delivered(Scenario.hookPath(lead)).size() == 1);
            Scenario.asCoordinator().post("/api/v1/webhook-deliveries/{id}/retry", deliveryId).then().statusCode(409);
        }
    }
}

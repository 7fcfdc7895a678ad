package vn.parsipas.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import vn.parsipas.contracts.Topics;
import vn.parsipas.contracts.directory.AgencyUpserted;
import vn.parsipas.devstack.TestKafka;
import vn.parsipas.devstack.TestTokens;
import vn.parsipas.notification.webhook.WebhookSecrets;

/**
 * Webhooks cannot stall, crash or probe the service: hostile receivers beside a healthy one, a
 * delivery whose sender died, URLs pointing inside, what operators and agencies see of it, and the
 * signature and secret at rest (review 2026-12-06: H3, M4, L1, L8).
 */
@QuarkusTest
@NotificationServiceTest
@TestProfile(WebhookHardeningTest.ProductionDeadline.class)
class WebhookHardeningTest {
    /** The production deadline (10 s), so that a hostile call surely outlasts a healthy delivery; two attempts. */
    public static class ProductionDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parsipas.notification.webhook.timeout", "PT10S", "parsipas.notification.webhook.max-attempts", "2");
        }
    }

    @Inject
    Pool pool;

    @Inject
    WebhookSecrets secrets;

    @Test
    void aTricklingAndAnEndlessReceiverDelayNoOtherAgencyAndTheServiceStaysUp() {
        try (Scenario scenario = new Scenario()) {
            String trickling = Scenario.code("SO-XAY-DUNG");
            String endless = Scenario.code("SO-Y-TE");
            String healthy = Scenario.code("SO-GIAO-THONG");
            scenario.receiver.behave(Scenario.hookPath(trickling), WebhookReceiver.Hostile.TRICKLE);
            scenario.receiver.behave(Scenario.hookPath(endless), WebhookReceiver.Hostile.ENDLESS);
            scenario.agency(trickling, "Sở Xây dựng", "VP-UBND-TINH");
            scenario.agency(endless, "Sở Y tế", "VP-UBND-TINH");
            scenario.agency(healthy, "Sở Giao thông vận tải", "VP-UBND-TINH");

            scenario.send(Scenario.overdue(Scenario.taskId(), trickling, List.of()));
            scenario.send(Scenario.overdue(Scenario.taskId(), endless, List.of()));
            await().atMost(Scenario.WAIT).until(() -> !scenario.receiver.calls(Scenario.hookPath(trickling)).isEmpty()
                    && !scenario.receiver.calls(Scenario.hookPath(endless)).isEmpty());
            scenario.send(Scenario.overdue(Scenario.taskId(), healthy, List.of()));

            // on time: applied and sent while the trickling call is still open (each call may last 10 s here)
            await().atMost(Scenario.WAIT).until(() -> "sent".equals(lastDelivery(healthy).getString("status")));
            await().atMost(Scenario.WAIT).until(() -> lastDelivery(trickling).getList("log").size() >= 1
                    && "sent".equals(lastDelivery(endless).getString("status")));
            Instant trickleCut = Instant.parse(lastDelivery(trickling).getString("log[0].at"));
            assertThat(Instant.parse(lastDelivery(healthy).getString("sentAt"))).isBefore(trickleCut);
            // the endless answer is read up to a few KB: its 200 counts at once, the rest is never read
            assertThat(Instant.parse(lastDelivery(endless).getString("sentAt"))).isBefore(trickleCut);
            assertThat(lastDelivery(endless).getList("log.statusCode", Integer.class)).containsExactly(200);

            // the trickling answer is cut at the deadline on every attempt, then dead-lettered
            await().atMost(Duration.ofSeconds(90)).until(() -> "dead".equals(lastDelivery(trickling).getString("status")));
            JsonPath slow = lastDelivery(trickling);
            assertThat(slow.getList("log.durationMs", Integer.class)).hasSize(2).allMatch(ms -> ms >= 9900 && ms < 15_000);
            assertThat(slow.getList("log.error", String.class)).containsOnly("Máy nhận không trả lời xong trong thời hạn");
            RestAssured.get("/q/health/live").then().statusCode(200);
        }
    }

    @Test
    void aDeliveryReclaimedFromADeadSenderCountsAsAnAttemptAndIsDeadLetteredAtTheMaximum() {
        try (Scenario scenario = new Scenario()) {
            String lead = Scenario.code("SO-TAI-NGUYEN");
            scenario.agency(lead, "Sở Nông nghiệp và Môi trường", "VP-UBND-TINH");
            scenario.send(Scenario.overdue(Scenario.taskId(), lead, List.of()));
            await().atMost(Scenario.WAIT).until(() -> "sent".equals(lastDelivery(lead).getString("status")));

            // a replica claimed it for its 2nd and last attempt, then died: the lease expired
            pool.preparedQuery("update delivery set status = 'sending', attempts = 2, next_attempt_at = now() - interval '1 minute' "
                    + "where agency_code = $1 and channel = 'webhook'").execute(Tuple.of(lead)).await().indefinitely();

            await().atMost(Scenario.WAIT).until(() -> "dead".equals(lastDelivery(lead).getString("status")));
            await().during(Duration.ofSeconds(3)).atMost(Scenario.WAIT)
                    .until(() -> scenario.receiver.calls(Scenario.hookPath(lead)).size() == 1);
            assertThat(lastDelivery(lead).getList("log.error", String.class)).containsExactly(null,
                    "Lần gửi bị gián đoạn (dịch vụ dừng khi đang gửi)");
        }
    }

    @Test
    void directoryUrlsThatAreNotHttpsOrPointInsideAreDeadLettered() {
        try (Scenario scenario = new Scenario()) {
            String plain = Scenario.code("SO-VAN-HOA");
            String metadata = Scenario.code("SO-THE-THAO");
            scenario.send(new AgencyUpserted(plain, "Sở Văn hóa", "department", null, List.of(), "http://hooks.daklak.gov.vn/x",
                    true, Instant.parse("2025-05-27T02:00:00Z")));
            scenario.send(new AgencyUpserted(metadata, "Sở Thể thao", "department", null, List.of(),
                    "https://169.254.169.254/latest/meta-data", true, Instant.parse("2025-05-27T02:00:00Z")));

            List<TestKafka.Received> dead = scenario.kafka.readUntil(List.of(Topics.DIRECTORY_AGENCIES + Topics.DLQ_SUFFIX), records -> records.stream()
                    .filter(r -> r.key().equals(plain) || r.key().equals(metadata)).count() == 2, Scenario.WAIT);
            assertThat(dead.stream().filter(r -> r.key().equals(plain) || r.key().equals(metadata)))
                    .allSatisfy(r -> assertThat(r.headers().get("dead-letter-reason")).contains("webhookUrl"));
            Scenario.asCoordinator().get("/api/v1/agencies/{code}/webhook", plain).then().statusCode(404);
            Scenario.asCoordinator().get("/api/v1/agencies/{code}/webhook", metadata).then().statusCode(404);
        }
    }

    @Test
    void aStoredUrlThatLeadsInsideIsDeadLetteredAtOnceWithAGenericReason() {
        try (Scenario scenario = new Scenario()) {
            String lead = Scenario.code("SO-KHOA-HOC");
            scenario.agency(lead, "Sở Khoa học và Công nghệ", "VP-UBND-TINH");
            // stored before addresses were checked: loopback, though not the test receivers' 127.0.0.1
            pool.preparedQuery("update agency set webhook_url = $2 where code = $1")
                    .execute(Tuple.of(lead, "https://127.0.0.2:" + scenario.receiver.port() + "/hooks/" + lead))
                    .await().indefinitely();

            scenario.send(Scenario.overdue(Scenario.taskId(), lead, List.of()));

            await().atMost(Scenario.WAIT).until(() -> "dead".equals(lastDelivery(lead).getString("status")));
            JsonPath delivery = lastDelivery(lead);
            assertThat(delivery.getInt("attempts")).isEqualTo(1);
            assertThat(delivery.getString("lastError")).isEqualTo("Địa chỉ webhook trỏ vào mạng nội bộ, không được phép gửi");
            String seenByAgency = Scenario.asStaffOf(lead).get("/api/v1/agencies/{code}/webhook/deliveries", lead).asString();
            assertThat(seenByAgency).doesNotContain("127.0.0.2");
        }
    }

    @Test
    void onlyCoordinatorsSeeWebhookUrls() {
        try (Scenario scenario = new Scenario()) {
            String lead = Scenario.code("SO-NOI-VU");
            scenario.agency(lead, "Sở Nội vụ", "VP-UBND-TINH");
            String url = scenario.receiver.url(Scenario.hookPath(lead));

            assertThat(Scenario.asCoordinator().get("/api/v1/agencies/{code}/webhook", lead).jsonPath().getString("url")).isEqualTo(url);
            for (String token : List.of(TestTokens.operator(), TestTokens.staff(lead))) {
                String statuses = RestAssured.given().auth().oauth2(token).get("/api/v1/webhooks").then().statusCode(200)
                        .extract().asString();
                String one = RestAssured.given().auth().oauth2(token).get("/api/v1/agencies/{code}/webhook", lead).then()
                        .statusCode(200).extract().asString();
                assertThat(statuses).doesNotContain(url);
                assertThat(one).doesNotContain(url);
            }
        }
    }

    @Test
    void theSignatureCoversTimestampAndBodyAndTheSecretIsEncryptedAtRest() {
        try (Scenario scenario = new Scenario()) {
            String lead = Scenario.code("SO-TU-PHAP");
            scenario.agency(lead, "Sở Tư pháp", "VP-UBND-TINH");
            scenario.send(Scenario.overdue(Scenario.taskId(), lead, List.of()));

            await().atMost(Scenario.WAIT).until(() -> scenario.receiver.delivered(Scenario.hookPath(lead)).size() == 1);
            WebhookReceiver.Call call = scenario.receiver.delivered(Scenario.hookPath(lead)).get(0);
            assertThat(call.signedWith(Scenario.secret(lead))).isTrue();
            assertThat(call.signedWith(Scenario.secret(lead) + "x")).isFalse();

            String stored = pool.preparedQuery("select secret from webhook_secret where agency_code = $1").execute(Tuple.of(lead))
                    .await().indefinitely().iterator().next().getString("secret");
            assertThat(stored).doesNotContain(Scenario.secret(lead)).doesNotContain("khoa-bi-mat");

            // a secret an earlier version stored in clear is encrypted at startup and still signs
            String legacy = Scenario.code("SO-CU");
            pool.preparedQuery("insert into webhook_secret (agency_code, secret, updated_at) values ($1, $2, now())")
                    .execute(Tuple.of(legacy, Scenario.secret(legacy))).await().indefinitely();
            assertThat(secrets.encryptClearRows().await().indefinitely()).isGreaterThanOrEqualTo(1);
            io.vertx.mutiny.sqlclient.Row row = pool.preparedQuery("select secret, encrypted from webhook_secret where agency_code = $1")
                    .execute(Tuple.of(legacy)).await().indefinitely().iterator().next();
            assertThat(row.getBoolean("encrypted")).isTrue();
            assertThat(row.getString("secret")).doesNotContain(Scenario.secret(legacy));
            assertThat(secrets.reveal(legacy, row.getString("secret"), true)).isEqualTo(Scenario.secret(legacy));
        }
    }

    private static JsonPath lastDelivery(String agency) {
        return Scenario.asCoordinator().get("/api/v1/agencies/{code}/webhook/deliveries", agency).jsonPath().setRootPath("items[0]");
    }
}

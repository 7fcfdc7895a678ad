package vn.parsipas.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.parsipas.contracts.Event;
import vn.parsipas.contracts.EventJson;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.Topics;
import vn.parsipas.contracts.directory.AgencyUpserted;
import vn.parsipas.contracts.task.TaskOverdue;
import vn.parsipas.devstack.TestKafka;
import vn.parsipas.devstack.TestTokens;
import vn.parsipas.platform.events.CloudEventReader;

/**
 * Two replicas of the packaged service share the work of one consumer group, the scheduled passes
 * and the dispatchers; every fact is delivered three times. Still: one alert per fingerprint, one
 * lifecycle event and one webhook call per transition, one escalation e-mail per alert.
 */
class TwoReplicasIT {
    private static final int TASKS = 24;
    private static final Duration WAIT = Duration.ofSeconds(90);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void twoReplicasWithRedeliveredFactsNotifyExactlyOncePerTransition() throws Exception {
        int smtp = Mailbox.port();
        WebhookReceiver receiver = WebhookReceiver.shared();
        String lead = "SO-R" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String supervisor = "VP-R" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Map<String, String> fast = Map.of("PARSIPAS_NOTIFICATION_PASSES_EVERY", "1s", "PARSIPAS_NOTIFICATION_PASSES_DELAY", "1s",
                "PARSIPAS_NOTIFICATION_EMAIL_POLL", "1s", "PARSIPAS_NOTIFICATION_EMAIL_DIGEST_WINDOW", "PT1S",
                "PARSIPAS_NOTIFICATION_WEBHOOK_POLL", "1s");
        try (Replicas replicas = new Replicas(2, "notification_replicas", smtp, fast);
             TestKafka kafka = new TestKafka(replicas.engines.kafkaBootstrapServers())) {
            send(kafka, new AgencyUpserted(supervisor, "Văn phòng UBND tỉnh (bản sao)", "office", null,
                    List.of(Scenario.email(supervisor)), receiver.url(Scenario.hookPath(supervisor)), true, Instant.now()), "a-" + supervisor);
            send(kafka, new AgencyUpserted(lead, "Sở Khoa học và Công nghệ (bản sao)", "department", supervisor,
                    List.of(Scenario.email(lead)), receiver.url(Scenario.hookPath(lead)), true, Instant.now()), "a-" + lead);
            await().atMost(WAIT).until(() -> get(replicas.url(0) + "/api/v1/agencies/" + supervisor + "/webhook").statusCode() == 200
                    && get(replicas.url(1) + "/api/v1/agencies/" + lead + "/webhook").statusCode() == 200);
            put(replicas.url(0) + "/api/v1/agencies/" + lead + "/webhook-secret", "{\"secret\":\"" + Scenario.secret(lead) + "\"}");
            put(replicas.url(1) + "/api/v1/agencies/" + supervisor + "/webhook-secret",
                    "{\"secret\":\"" + Scenario.secret(supervisor) + "\"}");
            put(replicas.url(1) + "/api/v1/rules", "{\"rules\":[{\"name\":\"fast\",\"kinds\":[\"task-overdue\"],"
                    + "\"channels\":[\"inbox\",\"email\",\"webhook\"],\"escalateAfter\":\"PT4S\"}]}");
            await().atMost(WAIT).until(() -> get(replicas.url(0) + "/api/v1/rules").body().contains("\"fast\""));

            List<String> fingerprints = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                TaskOverdue task = Scenario.overdue("dak-lak-2025:r-" + UUID.randomUUID().toString().substring(0, 8), lead, List.of());
                fingerprints.add("task-overdue:" + task.taskId());
                String id = "overdue/" + task.taskId();
                send(kafka, task, id);
                send(kafka, task, id);
                send(kafka, task, id);
            }

            try {
                await().atMost(WAIT).until(() -> receiver.delivered(Scenario.hookPath(supervisor)).size() >= TASKS);
                await().during(Duration.ofSeconds(4)).atMost(WAIT).until(() ->
                        receiver.delivered(Scenario.hookPath(supervisor)).size() == TASKS
                                && receiver.delivered(Scenario.hookPath(lead)).size() == TASKS);
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("webhooks received: lead " + receiver.calls(Scenario.hookPath(lead)).size() + ", supervisor "
                        + receiver.calls(Scenario.hookPath(supervisor)).size() + "; deliveries in the database:\n"
                        + deliveries(replicas), e);
            }

            assertThat(perTransition(receiver.delivered(Scenario.hookPath(lead)))).hasSize(TASKS).containsOnlyKeys(
                    fingerprints.stream().map(fp -> fp + " raised").toList()).allSatisfy((key, count) -> assertThat(count).isEqualTo(1));
            assertThat(perTransition(receiver.delivered(Scenario.hookPath(supervisor)))).hasSize(TASKS)
                    .allSatisfy((key, count) -> assertThat(key).endsWith("escalated-1"));
            assertThat(receiver.delivered(Scenario.hookPath(lead))).allMatch(call -> call.signedWith(Scenario.secret(lead)));

            List<TestKafka.Received> events = kafka.readUntil(List.of(Topics.ALERTS), records -> records.stream()
                    .filter(r -> fingerprints.contains(r.key())).count() >= 2L * TASKS, WAIT)
                    .stream().filter(r -> fingerprints.contains(r.key())).toList();
            Map<String, Long> byType = events.stream().collect(Collectors.groupingBy(r -> json(r.value()).get("type").asText(),
                    Collectors.counting()));
            assertThat(byType).containsExactlyInAnyOrderEntriesOf(Map.of(EventType.ALERT_RAISED.type(), (long) TASKS,
                    EventType.ALERT_ESCALATED.type(), (long) TASKS));

            await().atMost(WAIT).until(() -> mentions(Scenario.email(supervisor), "[Chuyển cấp trên]") == TASKS);
            assertThat(mentions(Scenario.email(lead), "[Cảnh báo mới]")).isEqualTo(TASKS);
            assertThat(consumed(replicas.url(0))).isPositive();
            assertThat(consumed(replicas.url(1))).isPositive();
        }
    }

    /** What the replicas' database holds about webhook deliveries, for a failure message. */
    private static String deliveries(Replicas replicas) {
        StringBuilder text = new StringBuilder();
        try (Connection db = DriverManager.getConnection(replicas.engines.jdbcUrl("notification_replicas"),
                replicas.engines.postgresUser(), replicas.engines.postgresPassword());
             ResultSet rows = db.createStatement().executeQuery("select agency_code, transition, status, count(*), "
                     + "max(attempts), min(next_attempt_at), max(next_attempt_at), now() from delivery where channel = 'webhook' "
                     + "group by 1, 2, 3 order by 1, 2, 3")) {
            while (rows.next()) {
                for (int column = 1; column <= 8; column++) {
                    text.append(rows.getString(column)).append(column < 8 ? " | " : "\n");
                }
            }
        } catch (SQLException e) {
            text.append(e);
        }
        return text.toString();
    }

    private static Map<String, Long> perTransition(List<WebhookReceiver.Call> calls) {
        return calls.stream().map(call -> json(call.body())).collect(Collectors.groupingBy(
                body -> body.at("/alert/fingerprint").asText() + " " + body.get("transition").asText(), Collectors.counting()));
    }

    private static long mentions(String address, String label) {
        return Mailbox.to(address).stream().mapToLong(mail -> mail.text().split(java.util.regex.Pattern.quote(label), -1).length - 1)
                .sum();
    }

    /** Deadline facts this replica applied (its share of the partitions). */
    private double consumed(String url) throws Exception {
        return get(url + "/q/metrics").body().lines()
                .filter(line -> line.startsWith("parsipas_events_consumed_total{") && line.contains("consumer=\"notification-deadlines\"")
                        && line.contains("outcome=\"applied\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static void send(TestKafka kafka, Event event, String id) {
        EventType type = EventType.of(event);
        kafka.sendStructured(type.topic(), event.partitionKey(), CloudEventReader.envelope(type, id, "/parsipas/task-service",
                event.subject(), EventJson.mapper().valueToTree(event)).toString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TestTokens.coordinator()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void put(String url, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestTokens.coordinator())
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    }

    private static JsonNode json(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

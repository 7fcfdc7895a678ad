package vn.parsipas.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.parsipas.devstack.Postgres;
import vn.parsipas.devstack.Suite;

/**
 * Faults while facts flow, each checked by counting what arrived against what was sent: nothing
 * lost, nothing doubled, nothing dead-lettered. The services are killed with SIGKILL (no shutdown
 * hook), the broker and the database are away for 90 s under them (no service declared dead
 * meanwhile), every service runs twice, events come twice (hostile input: {@link HostileInputsIT}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {
    static final Duration PATIENCE = Duration.ofMinutes(4);
    /** How long the broker and the database are away: longer than any connector or client timeout that once killed a consumer. */
    static final Duration OUTAGE = Duration.ofSeconds(90);
    static final String TASK_OVERDUE = "vn.parsipas.task.overdue.v1";
    static final String OBSERVED = "vn.parsipas.indicator.observed.v1";
    static final String RESPONSE = "vn.parsipas.sipas.response-submitted.v1";
    static final String INDICATOR = "online-payment-dossier-rate";

    static SystemUnderTest sut;
    static ExternalProducer kafka;

    @BeforeAll
    static void start() {
        sut = SystemUnderTest.get();
        kafka = new ExternalProducer(sut.engines.addresses().get("kafka.bootstrap.servers"), sut.repo);
    }

    @Test
    @Order(1)
    void theSameHundredThousandEventsDeliveredTwiceAreStoredOnce() {
        int events = Integer.getInteger("faults.duplicates", 100_000);
        List<String> envelopes = new ArrayList<>(events);
        // one day each, far enough in the past that 100,000 of them end before today (periods may not be in the future)
        LocalDate first = LocalDate.of(1740, 1, 1);
        for (int i = 0; i < events; i++) {
            String period = first.plusDays(i).toString();
            ObjectNode data = kafka.example("indicator-observed.v1");
            data.put("indicatorCode", INDICATOR).put("scope", "PROVINCE").put("period", period).put("value", 40 + i % 50)
                    .put("observedAt", "2025-07-01T01:00:00Z").remove(List.of("sourceSystem", "note"));
            envelopes.add(kafka.envelope("dup-" + i, OBSERVED, "indicator-observed.v1", "/igate", INDICATOR + "/PROVINCE/" + period, data));
        }
        Instant begin = Instant.now();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < events; i++) {
                kafka.send(ExternalProducer.topicOf("indicators.observations.v1", "igate"), INDICATOR + "/PROVINCE", envelopes.get(i));
            }
            kafka.flush();
        }
        String stored = "select count(*) from observation where indicator_code = '" + INDICATOR
                + "' and period between '1740' and '2020'";
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(sut.count("indicator", stored)).isEqualTo(events));
        System.out.printf("[system] duplicates: %d events sent twice, %d stored, in %d s%n", events, events,
                Duration.between(begin, Instant.now()).toSeconds());
        assertThat(sut.count("indicator", "select count(*) from observation_history where indicator_code = '" + INDICATOR
                + "' and period between '1740' and '2020'")).as("a redelivery is not a correction").isZero();
    }

    @Test
    @Order(2)
    void killingNotificationServiceWhileTenThousandFactsFlowLosesAndDoublesNothing() throws Exception {
        String run = "kill-" + UUID.randomUUID().toString().substring(0, 6);
        int facts = 10_000;
        sendOverdueFacts(run, facts);
        killWhenUnderWay("notification", () -> alerts(run), 1_000, facts);
        awaitExactly(() -> sut.count("notification", "select count(*) from delivery d join alert a on a.id = d.alert_id "
                + "where a.subject_id like '" + run + "%' and d.channel = 'inbox'"), facts);
    }

    @Test
    @Order(3)
    void killingIndicatorServiceWhileTenThousandObservationsFlowLosesAndDoublesNothing() throws Exception {
        int observations = 10_000;
        for (int i = 0; i < observations; i++) {
            String period = LocalDate.of(1650, 1, 1).plusDays(i).toString();
            ObjectNode data = kafka.example("indicator-observed.v1");
            data.put("indicatorCode", INDICATOR).put("scope", "PROVINCE").put("period", period).put("value", 55.5)
                    .remove(List.of("sourceSystem", "note"));
            kafka.send(ExternalProducer.topicOf("indicators.observations.v1", "igate"), INDICATOR + "/PROVINCE",
                    kafka.envelope("kill-ind-" + i, OBSERVED, "indicator-observed.v1", "/igate", INDICATOR, data));
        }
        kafka.flush();
        String stored = "select count(*) from observation where indicator_code = '" + INDICATOR
                + "' and period between '1650' and '1700'";
        killWhenUnderWay("indicator", () -> sut.count("indicator", stored), 500, observations);
    }

    @Test
    @Order(4)
    void killingSurveyServiceWhileResponsesFlowLosesAndDoublesNothing() throws Exception {
        String run = "KILL-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        int responses = Integer.getInteger("faults.responses", 5_000);
        List<String> codes = sut.registerReceipts(run, responses);
        for (String code : codes) {
            // before the clock a restarted service starts with (PARSIPAS_CLOCK_START): not "in the future"
            ObjectNode data = sut.surveyResponse(code, 4).put("submittedAt", "2025-11-10T03:00:00Z");
            kafka.send(ExternalProducer.topicOf("sipas.responses.v1", "survey-kiosk"), code, kafka.envelope(data.path("responseId").asText(), RESPONSE,
                    "survey-response-submitted.v1", "/survey-kiosk", code, data));
        }
        kafka.flush();
        String stored = "select count(*) from survey_response where receipt_code like '" + run + "%'";
        killWhenUnderWay("survey", () -> sut.count("survey", stored), 300, responses);
    }

    @Test
    @Order(5)
    void killingTaskServiceWhileTasksAreAssignedLosesAndDoublesNothing() throws Exception {
        String run = "kill-task-" + UUID.randomUUID().toString().substring(0, 6);
        int tasks = 300;
        AtomicInteger failures = new AtomicInteger();
        String coordinator = sut.client.userToken("coordinator.snv");
        for (int i = 0; i < tasks; i++) {
            if (i == tasks / 3) {
                sut.suite.kill("task");
                sut.suite.restart("task");
            }
            String body = """
                    {"title": "Nhiệm vụ kiểm thử %s số %d", "leadAgency": "SO-TU-PHAP", "deadline": "2026-12-31"}""".formatted(run, i);
            // an external client retries with the same Idempotency-Key until it gets an answer
            for (int attempt = 0; ; attempt++) {
                try {
                    HttpResponse<String> answer = postBytes(sut.url("task") + "/api/v1/tasks", coordinator,
                            body.getBytes(StandardCharsets.UTF_8), Map.of("Idempotency-Key", run + "-" + i));
                    if (answer.statusCode() == 201 || answer.statusCode() == 200) {
                        break;
                    }
                    throw new IllegalStateException(answer.statusCode() + " " + answer.body());
                } catch (java.io.IOException e) {
                    failures.incrementAndGet();
                    assertThat(attempt).isLessThan(60);
                    Thread.sleep(1000);
                }
            }
        }
        assertThat(sut.count("task", "select count(*) from task where title like '%" + run + "%'")).isEqualTo(tasks);
    }

    @Test
    @Order(6)
    void theBrokerStoppedNinetySecondsMidFlowLosesNothingAndNoServiceIsDeclaredDead() throws Exception {
        String run = "broker-" + UUID.randomUUID().toString().substring(0, 6);
        int facts = 5_000;
        sendOverdueFacts(run, facts);
        await().atMost(PATIENCE).until(() -> alerts(run) >= 200);
        sut.engines.kafka().stop();
        List<String> notLive = sut.livenessFailuresDuring(OUTAGE);
        sut.engines.kafka().start();
        awaitExactly(() -> alerts(run), facts);
        assertThat(notLive).as("liveness answers while the broker was away").isEmpty();
        assertThat(sut.deadLetters(run, "tasks.deadlines.v1.dlq")).as("valid facts dead-lettered").isEmpty();
    }

    @Test
    @Order(7)
    void postgresStoppedNinetySecondsWhileFactsFlowToEveryConsumerLosesNothingAndEachResumesByItself() throws Exception {
        String run = "PG-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        int facts = 3_000;
        int each = 300;
        List<String> codes = sut.registerReceipts(run, each);
        sendOverdueFacts(run, facts);
        await().atMost(PATIENCE).until(() -> alerts(run) >= 200);
        Postgres postgres = sut.engines.postgres();
        postgres.stop();
        // observations and responses arrive while the database is away, beside the facts still queued
        for (int i = 0; i < each; i++) {
            ObjectNode observation = kafka.example("indicator-observed.v1");
            observation.put("indicatorCode", INDICATOR).put("scope", run).put("period", LocalDate.of(1800, 1, 1).plusDays(i).toString())
                    .put("value", 50).remove(List.of("sourceSystem", "note"));
            kafka.send(ExternalProducer.topicOf("indicators.observations.v1", "igate"), run + "-" + i, kafka.envelope(run + "-obs-" + i, OBSERVED, "indicator-observed.v1",
                    "/igate", INDICATOR + "|" + run, observation));
            ObjectNode response = sut.surveyResponse(codes.get(i), 4).put("submittedAt", "2025-11-10T03:00:00Z");
            kafka.send(ExternalProducer.topicOf("sipas.responses.v1", "survey-kiosk"), run + "-" + i, kafka.envelope(response.path("responseId").asText(), RESPONSE,
                    "survey-response-submitted.v1", "/survey-kiosk", codes.get(i), response));
        }
        kafka.flush();
        List<String> notLive = sut.livenessFailuresDuring(OUTAGE);
        postgres.start();
        awaitExactly(() -> alerts(run), facts);
        awaitExactly(() -> sut.count("indicator", "select count(*) from observation where scope = '" + run + "'"), each);
        awaitExactly(() -> sut.count("survey", "select count(*) from survey_response where receipt_code like '" + run + "-%'"), each);
        assertThat(notLive).as("liveness answers while PostgreSQL was away").isEmpty();
        assertThat(sut.deadLetters(run, "tasks.deadlines.v1.dlq", "indicators.observations.v1.dlq", "sipas.responses.v1.dlq"))
                .as("valid records dead-lettered").isEmpty();
        for (String service : Suite.SERVICES) {
            await().atMost(Duration.ofMinutes(1)).until(() -> sut.client.get(sut.url(service) + "/q/health/ready", null).status() == 200);
        }
    }

    @Test
    @Order(8)
    void twoReplicasOfEveryServiceShareTheWorkWithoutDoubling() throws Exception {
        for (String service : Suite.SERVICES) {
            sut.suite.addReplica(service);
        }
        String run = "replicas-" + UUID.randomUUID().toString().substring(0, 6);
        int facts = 3_000;
        sendOverdueFacts(run, facts);
        awaitExactly(() -> alerts(run), facts);
        for (String service : Suite.SERVICES) {
            for (Suite.Instance instance : sut.suite.instances(service)) {
                assertThat(sut.client.get(instance.url() + "/q/health/ready", null).status()).isEqualTo(200);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** TaskOverdue facts as task-service publishes them, one task each, for Sở Tư pháp. */
    static void sendOverdueFacts(String run, int facts) {
        for (int i = 0; i < facts; i++) {
            String taskId = run + "-" + i;
            ObjectNode data = kafka.example("task-overdue.v1");
            data.put("taskId", taskId).put("leadAgency", "SO-TU-PHAP").put("title", "Nhiệm vụ kiểm thử " + taskId);
            data.putArray("coordinatingAgencies");
            kafka.send("tasks.deadlines.v1", taskId, kafka.envelope("overdue-" + taskId, TASK_OVERDUE, "task-overdue.v1",
                    "/parsipas/task-service", taskId, data));
        }
        kafka.flush();
    }

    static long alerts(String run) {
        return sut.count("notification", "select count(*) from alert where subject_id like '" + run + "-%'");
    }

    /** {@code kill -9} of the service once {@code underWay} items have arrived, a restart, then exactly {@code expected}. */
    static void killWhenUnderWay(String service, java.util.concurrent.Callable<Long> count, long underWay, long expected) throws Exception {
        await().atMost(PATIENCE).until(() -> count.call() >= underWay);
        sut.suite.kill(service);
        sut.suite.restart(service);
        awaitExactly(count, expected);
    }

    /** Waits for the count to reach the expected number, then checks it stays there (no late doubles). */
    static void awaitExactly(java.util.concurrent.Callable<Long> count, long expected) throws Exception {
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(count.call()).isGreaterThanOrEqualTo(expected));
        Thread.sleep(3_000);
        assertThat(count.call()).isEqualTo(expected);
    }

    static HttpResponse<String> postBytes(String url, String token, byte[] body) throws Exception {
        return postBytes(url, token, body, Map.of());
    }

    static HttpResponse<String> postBytes(String url, String token, byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::setHeader);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
}

package vn.parsipas.task.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.parsipas.contracts.EventJson;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.Topics;
import vn.parsipas.devstack.DevStackProcess;
import vn.parsipas.devstack.ServiceJvm;
import vn.parsipas.devstack.TestKafka;
import vn.parsipas.devstack.TestTokens;
import vn.parsipas.platform.time.BusinessTime;

/**
 * Two instances of the packaged service (separate JVMs) on one database and one broker, with the
 * detection pass every second, as two replicas in production: the initial plan is imported once,
 * each deadline fact is raised once, and a crashed and restarted instance raises nothing again.
 * Runs on the real clock: the seed's 2025 deadlines have passed, so every seed task is overdue.
 */
class TwoInstancesIT {
    private static final String DATABASE = "task_two_instances";
    private static final String PLAN = "dak-lak-2025:";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static DevStackProcess engines;
    private static Instance first;
    private static Instance second;

    @BeforeAll
    static void startTwoInstancesAtOnceOnAnEmptyDatabase() {
        engines = DevStackProcess.shared();
        engines.ensureDatabase(DATABASE);
        first = Instance.start("first");
        second = Instance.start("second");
        first.awaitReady();
        second.awaitReady();
    }

    @AfterAll
    static void stop() {
        first.process.destroy();
        second.process.destroy();
    }

    @Test
    void eachFactIsRaisedOnceByTwoInstancesAndNotAgainAfterACrashAndRestart() throws Exception {
        List<JsonNode> assigned = events(Topics.TASKS_LIFECYCLE, key -> key.startsWith(PLAN), 149);
        assertThat(assigned).hasSize(149);
        assertThat(assigned).allMatch(e -> e.get("type").asText().equals(EventType.TASK_ASSIGNED.type()));
        List<JsonNode> overdue = events(Topics.TASKS_DEADLINES, key -> key.startsWith(PLAN), 149);
        assertThat(overdue).hasSize(149);
        assertThat(overdue).extracting(e -> e.get("id").asText())
                .allMatch(id -> id.startsWith("overdue/" + PLAN)).doesNotHaveDuplicates();

        LocalDate inThreeDays = LocalDate.now(BusinessTime.ZONE).plusDays(3);
        String created = first.post("/api/v1/tasks", "{\"title\": \"Báo cáo nhanh kết quả giải quyết TTHC.\", "
                + "\"leadAgency\": \"SO-NOI-VU\", \"deadline\": \"" + inThreeDays + "\"}");
        String id = EventJson.mapper().readTree(created).get("id").asText();
        assertThat(events(Topics.TASKS_DEADLINES, id::equals, 1)).extracting(e -> e.get("id").asText())
                .containsExactly("due-soon/" + id + "/" + inThreeDays + "/7");

        second.process.destroyForcibly().waitFor();
        second = Instance.start("second-restarted");
        second.awaitReady();
        second.post("/api/v1/tasks/" + PLAN + "1.16-t1/complete", "{}");

        List<JsonNode> facts = events(Topics.TASKS_DEADLINES, key -> key.startsWith(PLAN) || key.equals(id), 151);
        assertThat(facts).hasSize(151);
        assertThat(facts).extracting(e -> e.get("id").asText()).doesNotHaveDuplicates()
                .contains("deadline-cleared/" + PLAN + "1.16-t1/2025-12-31");
    }

    /** Records of a topic whose key matches, once {@code atLeast} arrived and three passes' worth of quiet followed. */
    private static List<JsonNode> events(String topic, Predicate<String> key, int atLeast) {
        try (TestKafka kafka = new TestKafka(engines.kafkaBootstrapServers())) {
            Predicate<TestKafka.Received> ours = r -> r.key() != null && key.test(r.key());
            kafka.readUntil(List.of(topic), all -> all.stream().filter(ours).count() >= atLeast, Duration.ofMinutes(3));
            return kafka.readAll(List.of(topic), Duration.ofSeconds(4)).stream().filter(ours).map(r -> {
                try {
                    return EventJson.mapper().readTree(r.value());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    /** One instance of the packaged service, its log under target/two-instances/. */
    private record Instance(String name, int port, Process process) {
        static Instance start(String name) {
            Path jar = Path.of(System.getProperty("service.jar", "target/quarkus-app/quarkus-run.jar"));
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                Path log = Files.createDirectories(Path.of("target/two-instances")).resolve(name + ".log");
                ProcessBuilder builder = new ProcessBuilder(ServiceJvm.command(Path.of("../.."), jar)).redirectErrorStream(true).redirectOutput(log.toFile());
                Map<String, String> env = builder.environment();
                env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
                env.put("KAFKA_BOOTSTRAP_SERVERS", engines.kafkaBootstrapServers());
                env.put("QUARKUS_DATASOURCE_JDBC_URL", engines.jdbcUrl(DATABASE));
                env.put("QUARKUS_DATASOURCE_REACTIVE_URL", engines.reactiveUrl(DATABASE));
                env.put("QUARKUS_DATASOURCE_USERNAME", engines.postgresUser());
                env.put("QUARKUS_DATASOURCE_PASSWORD", engines.postgresPassword());
                env.put("PARSIPAS_TASK_DEADLINES_CHECK_INTERVAL", "1s");
                env.put("QUARKUS_OIDC_PUBLIC_KEY", TestTokens.publicKey());
                return new Instance(name, port, builder.start());
            } catch (IOException e) {
                throw new UncheckedIOException("could not start instance " + name, e);
            }
        }

        void awaitReady() {
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> {
                assertThat(process.isAlive()).as("instance %s runs (see target/two-instances/%s.log)", name, name).isTrue();
                try {
                    HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build();
                    return HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException notListeningYet) {
                    return false;
                }
            });
        }

        String post(String path, String json) throws IOException, InterruptedException {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + TestTokens.coordinator())
                    .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isBetween(200, 201);
            return response.body();
        }
    }
}

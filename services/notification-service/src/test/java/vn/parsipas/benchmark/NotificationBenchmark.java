package vn.parsipas.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.parsipas.contracts.EventJson;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.Topics;
import vn.parsipas.contracts.directory.AgencyUpserted;
import vn.parsipas.contracts.task.TaskOverdue;
import vn.parsipas.devstack.TestKafka;
import vn.parsipas.devstack.TestTokens;
import vn.parsipas.notification.Mailbox;
import vn.parsipas.notification.Replicas;
import vn.parsipas.notification.Scenario;
import vn.parsipas.notification.SseClient;
import vn.parsipas.notification.WebhookReceiver;
import vn.parsipas.platform.events.CloudEventReader;

/**
 * The benchmark of docs/benchmarks/notification-service.md (run alone with {@code -Dit.test}): one packaged
 * replica: first a flood for the maximum rate (which also warms the replica's JIT), then TaskOverdue facts
 * written to Kafka at a fixed rate, latency from the write to the alert stored, to the SSE event received
 * and to the webhook received.
 */
class NotificationBenchmark {
    private static final int AGENCIES = 20;
    private static final int RATE = Integer.getInteger("benchmark.rate", 1000);
    private static final int SECONDS = Integer.getInteger("benchmark.seconds", 30);
    private static final int FLOOD = Integer.getInteger("benchmark.flood", 30000);

    private final Map<String, Long> written = new ConcurrentHashMap<>();
    private final Map<String, Long> streamed = new ConcurrentHashMap<>();
    private final Map<String, Long> hooked = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void measure() throws Exception {
        int smtp = Mailbox.port();
        WebhookReceiver receiver = WebhookReceiver.shared();
        receiver.onCall(call -> hooked.putIfAbsent(json(call.body()).at("/alert/subjectId").asText(), System.nanoTime()));
        String database = "notification_bench_" + UUID.randomUUID().toString().substring(0, 6);
        StringBuilder report = new StringBuilder();
        try (Replicas replica = new Replicas(1, database, smtp, Map.of());
             TestKafka admin = new TestKafka(replica.engines.kafkaBootstrapServers());
             KafkaProducer<byte[], byte[]> producer = producer(replica.engines.kafkaBootstrapServers())) {
            List<String> agencies = new ArrayList<>();
            List<SseClient> streams = new ArrayList<>();
            for (int i = 0; i < AGENCIES; i++) {
                String code = "SO-BENCH-" + i;
                agencies.add(code);
                send(admin, new AgencyUpserted(code, "Cơ quan thử tải " + i, "department", "VP-UBND-TINH",
                        List.of(Scenario.email(code)), receiver.url(Scenario.hookPath(code)), true, Instant.now()));
            }
            for (String code : agencies) {
                await().atMost(Duration.ofSeconds(60)).until(() -> get(replica.url(0) + "/api/v1/agencies/" + code + "/webhook") == 200);
                put(replica.url(0) + "/api/v1/agencies/" + code + "/webhook-secret", "{\"secret\":\"" + Scenario.secret(code) + "\"}");
                streams.add(new SseClient(replica.url(0) + "/api/v1/agencies/" + code + "/alerts/stream", TestTokens.staff(code),
                        event -> streamed.putIfAbsent(json(event.data()).get("fingerprint").asText().substring("task-overdue:".length()),
                                System.nanoTime())));
            }

            // the flood first: the most the replica sustains, and a warm JIT for the fixed rate after it
            long start = System.nanoTime();
            List<String> flood = produce(producer, agencies, "f", FLOOD, 0);
            double producedIn = (System.nanoTime() - start) / 1e9;
            double storedIn = (awaitAll(flood, database, replica) - start) / 1e9;
            double hookedIn = (flood.stream().mapToLong(hooked::get).max().orElseThrow() - start) / 1e9;
            report.append(String.format("%n== flood of %d facts written in %.1f s%n", FLOOD, producedIn));
            report.append(String.format("alerts stored: %.0f facts/s sustained (last stored after %.1f s)%n", FLOOD / storedIn, storedIn));
            report.append(String.format("webhooks received: %.0f /s (last after %.1f s)%n", FLOOD / hookedIn, hookedIn));
            List<String> paced = produce(producer, agencies, "p", RATE * SECONDS, RATE);
            awaitAll(paced, database, replica);
            report.append(String.format("%n== %d facts at %d facts/s (%d agencies, one replica)%n", paced.size(), RATE, AGENCIES));
            report.append(line("fact written -> alert stored", stored(replica, database, paced)));
            report.append(line("fact written -> SSE event received", latencies(paced, streamed)));
            report.append(line("fact written -> webhook received", latencies(paced, hooked)));

            for (SseClient stream : streams) {
                stream.close();
            }
        }
        System.out.println(report);
        Files.writeString(Path.of("target/benchmark.txt"), report.toString(), StandardCharsets.UTF_8);
    }

    private List<String> produce(KafkaProducer<byte[], byte[]> producer, List<String> agencies, String prefix, int count, int rate) {
        List<String> tasks = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (rate > 0) {
                long due = start + i * 1_000_000_000L / rate;
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(due - System.nanoTime());
                }
            }
            String taskId = "bench-" + prefix + "-" + UUID.randomUUID();
            TaskOverdue fact = Scenario.overdue(taskId, agencies.get(i % agencies.size()), List.of());
            byte[] value = CloudEventReader.envelope(EventType.TASK_OVERDUE, "overdue/" + taskId, "/parsipas/task-service",
                    taskId, EventJson.mapper().valueToTree(fact)).toString().getBytes(StandardCharsets.UTF_8);
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.TASKS_DEADLINES,
                    taskId.getBytes(StandardCharsets.UTF_8), value);
            record.headers().add(new RecordHeader("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8)));
            written.put(taskId, System.nanoTime());
            producer.send(record);
            tasks.add(taskId);
        }
        producer.flush();
        return tasks;
    }

    /** Waits until every alert is stored, streamed and hooked; returns when the last was stored (nanoTime). */
    private long awaitAll(List<String> tasks, String database, Replicas replica) throws Exception {
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1))
                .until(() -> tasks.stream().allMatch(hooked::containsKey) && tasks.stream().allMatch(streamed::containsKey));
        List<Long> stored = stored(replica, database, tasks);
        long last = Long.MIN_VALUE;
        for (int i = 0; i < tasks.size(); i++) {
            last = Math.max(last, written.get(tasks.get(i)) + stored.get(i) * 1_000_000L);
        }
        return last;
    }

    /** Milliseconds from each fact written to its alert stored (raisedAt, the service's clock on this machine). */
    private List<Long> stored(Replicas replica, String database, List<String> tasks) throws Exception {
        Map<String, Instant> raised = new ConcurrentHashMap<>();
        try (Connection sql = DriverManager.getConnection(replica.engines.jdbcUrl(database), replica.engines.postgresUser(),
                replica.engines.postgresPassword()); ResultSet rows = sql.createStatement()
                .executeQuery("select subject_id, raised_at from alert where subject_id like 'bench-%'")) {
            while (rows.next()) {
                raised.put(rows.getString(1), rows.getTimestamp(2).toInstant());
            }
        }
        long offset = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
        return tasks.stream().map(task -> raised.get(task).toEpochMilli() - (written.get(task) + offset) / 1_000_000L).toList();
    }

    private List<Long> latencies(List<String> tasks, Map<String, Long> arrived) {
        return tasks.stream().map(task -> (arrived.get(task) - written.get(task)) / 1_000_000L).toList();
    }

    private static String line(String what, List<Long> millis) {
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("%-36s p50 %5d ms   p99 %5d ms   max %5d ms%n", what, sorted[sorted.length / 2],
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1], sorted[sorted.length - 1]);
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static void send(TestKafka kafka, AgencyUpserted agency) {
        kafka.sendStructured(Topics.DIRECTORY_AGENCIES, agency.code(), CloudEventReader.envelope(EventType.AGENCY_UPSERTED,
                UUID.randomUUID().toString(), "/parsipas/task-service", agency.code(), EventJson.mapper().valueToTree(agency)).toString());
    }

    private int get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TestTokens.coordinator()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private void put(String url, String json) throws Exception {
        int status = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestTokens.coordinator())
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        assertThat(status).isEqualTo(204);
    }

    private static JsonNode json(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

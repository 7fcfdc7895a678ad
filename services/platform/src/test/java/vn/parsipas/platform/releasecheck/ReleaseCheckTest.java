package vn.parsipas.platform.releasecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import vn.parsipas.devstack.TestKafka;
import vn.parsipas.platform.PlatformTest;

/**
 * What the chart's {@code helm test} pod runs, against this test application's own readiness endpoint
 * and the real broker: what an operator reads in {@code helm test --logs} and whether the pod succeeds.
 */
@QuarkusTest
@PlatformTest
class ReleaseCheckTest {
    private static final String BOOTSTRAP = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);

    @Test
    void aReleaseWhoseServicesAreReadyPassesAndOneNotReadyServiceFailsItByName() throws IOException {
        String ready = "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class)
                + "/q/health/ready";
        HttpServer down = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        down.createContext("/q/health/ready", exchange -> {
            byte[] body = "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"Database connections health check\",\"status\":\"DOWN\"}]}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        down.start();
        try {
            String notReady = "http://127.0.0.1:" + down.getAddress().getPort() + "/q/health/ready";

            Run allReady = run(Map.of(ReleaseCheck.READY, "task-service=" + ready + ",console=" + ready,
                    ReleaseCheck.TIMEOUT, "5"));
            Run oneDown = run(Map.of(ReleaseCheck.READY, "task-service=" + ready + ",survey-service=" + notReady,
                    ReleaseCheck.TIMEOUT, "3"));

            assertThat(allReady.failed()).isZero();
            assertThat(allReady.log()).contains("ĐẠT task-service sẵn sàng tại " + ready, "ĐẠT console sẵn sàng tại " + ready,
                    "Kiểm tra bản phát hành: 2/2 đạt");
            assertThat(oneDown.failed()).isEqualTo(1);
            assertThat(oneDown.log()).contains("ĐẠT task-service")
                    .contains("KHÔNG ĐẠT survey-service chưa sẵn sàng tại " + notReady + " sau 3 s: HTTP 503")
                    .contains("Database connections health check")
                    .contains("Kiểm tra bản phát hành: 1/2 đạt, 1 không đạt");
        } finally {
            down.stop(0);
        }
    }

    @Test
    void servicesAreAskedTogetherSoAReleaseWithEveryServiceDownEndsAfterOneTimeout() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String nobody = "http://127.0.0.1:" + closed + "/q/health/ready";
        long start = System.nanoTime();

        Run run = run(Map.of(ReleaseCheck.READY, "task-service=" + nobody + ",indicator-service=" + nobody
                + ",survey-service=" + nobody + ",notification-service=" + nobody, ReleaseCheck.TIMEOUT, "5"));

        assertThat(run.failed()).isEqualTo(4);
        assertThat(run.log()).contains("KHÔNG ĐẠT notification-service chưa sẵn sàng tại " + nobody + " sau 5 s: ConnectException",
                "Kiểm tra bản phát hành: 0/4 đạt, 4 không đạt");
        // one after the other would take four timeouts, longer than helm test waits
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aCloudEventRoundTripsThroughTheBrokerOnTheChecksOwnTopic() {
        String topic = "parsipas.release-check.v1." + UUID.randomUUID();

        Run run = run(Map.of(ReleaseCheck.KAFKA_TOPIC, topic, "KAFKA_BOOTSTRAP_SERVERS", BOOTSTRAP,
                ReleaseCheck.TIMEOUT, "60"));

        assertThat(run.failed()).as(run.log()).isZero();
        assertThat(run.log()).containsPattern("ĐẠT CloudEvent release-check-[0-9a-f-]+ qua Kafka \\(" + topic.replace(".", "\\.")
                + "\\): ghi vào phân vùng 0, offset 0 và đọc lại nguyên vẹn");
        // The topic holds the structured CloudEvent, as any reader of the cluster would find it.
        try (TestKafka kafka = new TestKafka(BOOTSTRAP)) {
            List<TestKafka.Received> records = kafka.readUntil(List.of(topic), r -> !r.isEmpty(), Duration.ofSeconds(30));
            assertThat(records).singleElement().satisfies(record -> {
                assertThat(record.headers()).containsEntry("content-type", "application/cloudevents+json; charset=UTF-8");
                assertThat(record.value()).contains("\"type\":\"vn.parsipas.release.checked.v1\"", "\"source\":\"/release-check\"",
                        "\"id\":\"" + record.key() + "\"");
            });
        }
    }

    @Test
    void aBrokerThatCannotBeReachedFailsTheCheckWithinItsTimeout() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        long start = System.nanoTime();

        Run run = run(Map.of(ReleaseCheck.KAFKA_TOPIC, "parsipas.release-check.v1", "KAFKA_BOOTSTRAP_SERVERS",
                "127.0.0.1:" + closed, ReleaseCheck.TIMEOUT, "3"));

        assertThat(run.failed()).isEqualTo(1);
        assertThat(run.log()).contains("KHÔNG ĐẠT CloudEvent release-check-", "Kiểm tra bản phát hành: 0/1 đạt, 1 không đạt");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aCheckWithNothingToCheckFails() {
        Run run = run(Map.of());

        assertThat(run.failed()).isEqualTo(1);
        assertThat(run.log()).contains("KHÔNG ĐẠT: không có gì để kiểm tra");
    }

    private static Run run(Map<String, String> env) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int failed = ReleaseCheck.run(env, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(failed, bytes.toString(StandardCharsets.UTF_8));
    }

    private record Run(int failed, String log) {
    }
}

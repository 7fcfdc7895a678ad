package vn.parsipas.survey.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.parsipas.devstack.DevStackProcess;
import vn.parsipas.devstack.TestTokens;

/**
 * The packaged survey-service (target/quarkus-app) started as its own process against devstack's
 * real Kafka and PostgreSQL, as in production: the benchmark drives it from outside over loopback.
 */
final class BenchService implements AutoCloseable {
    static final String DATABASE = "survey_bench";

    final DevStackProcess engines;
    final String baseUrl;
    final Process process;

    private BenchService(DevStackProcess engines, String baseUrl, Process process) {
        this.engines = engines;
        this.baseUrl = baseUrl;
        this.process = process;
    }

    static BenchService start(Path module) throws Exception {
        Path jar = module.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package survey-service first");
        }
        DevStackProcess engines = DevStackProcess.shared();
        engines.ensureDatabase(DATABASE);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = module.resolve("target/benchmark/survey-service.log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m"));
        if (Boolean.getBoolean("bench.jfr")) {
            // where the service's time goes: target/benchmark/survey-service.jfr, written when it stops
            command.add("-XX:FlightRecorderOptions=stackdepth=256"); // Jackson's and the schema validator's stacks are deep
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + module.resolve("target/benchmark/survey-service.jfr").toAbsolutePath());
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                "KAFKA_BOOTSTRAP_SERVERS", engines.kafkaBootstrapServers(),
                "QUARKUS_DATASOURCE_JDBC_URL", engines.jdbcUrl(DATABASE),
                "QUARKUS_DATASOURCE_REACTIVE_URL", engines.reactiveUrl(DATABASE),
                "QUARKUS_DATASOURCE_USERNAME", engines.postgresUser(),
                "QUARKUS_DATASOURCE_PASSWORD", engines.postgresPassword(),
                "QUARKUS_LOG_LEVEL", "WARN",
                "QUARKUS_OIDC_PUBLIC_KEY", TestTokens.publicKey()));
        // The benchmark's responses carry no receipt PIN: its Kafka source may send them, and far more than a day's quota.
        builder.environment().putAll(Map.of("PARSIPAS_SURVEY_SOURCES_KAFKA_WITHOUT_PIN", SurveyBenchmark.KAFKA_SOURCE,
                "PARSIPAS_SURVEY_SOURCES_DAILY_QUOTA_WITHOUT_PIN", "100000000",
                "PARSIPAS_KAFKA_EXTERNAL_PRODUCERS", "igate,finance-system,survey-kiosk," + SurveyBenchmark.KAFKA_SOURCE.substring(1)));
        BenchService service = new BenchService(engines, "http://127.0.0.1:" + port, builder.start());
        service.awaitReady();
        return service;
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("survey-service exited at start; see target/benchmark/survey-service.log");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("survey-service did not become ready in 2 minutes");
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection(engines.jdbcUrl(DATABASE), engines.postgresUser(), engines.postgresPassword());
    }

    long count(String sql) throws SQLException {
        try (Connection connection = database(); var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}

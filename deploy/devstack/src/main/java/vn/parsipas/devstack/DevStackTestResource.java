package vn.parsipas.devstack;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a Quarkus test at the real engines of this test JVM (see {@link DevStackProcess}):
 * Kafka, and the service's own PostgreSQL database, named by the {@code database} argument.
 */
public class DevStackTestResource implements QuarkusTestResourceLifecycleManager {
    private String database = "parsipas";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        DevStackProcess engines = DevStackProcess.shared();
        engines.ensureDatabase(database);
        return Map.of(
                "kafka.bootstrap.servers", engines.kafkaBootstrapServers(),
                "quarkus.datasource.jdbc.url", engines.jdbcUrl(database),
                "quarkus.datasource.reactive.url", engines.reactiveUrl(database),
                "quarkus.datasource.username", engines.postgresUser(),
                "quarkus.datasource.password", engines.postgresPassword());
    }

    @Override
    public void stop() {
        // The engines live as long as the test JVM: the next test class reuses them.
    }
}

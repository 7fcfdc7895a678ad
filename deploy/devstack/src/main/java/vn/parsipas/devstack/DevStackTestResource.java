package vn.parsipas.devstack;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a Quarkus test at the real engines of this test JVM (see {@link DevStackProcess}):
 * Kafka, the service's own PostgreSQL database (argument {@code database}), and with
 * {@code keycloak=true} a real Keycloak as the OIDC server — otherwise the services verify the
 * tokens that {@link TestTokens} mints in the test.
 */
public class DevStackTestResource implements QuarkusTestResourceLifecycleManager {
    private String database = "parsipas";
    private boolean keycloak;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        keycloak = Boolean.parseBoolean(initArgs.getOrDefault("keycloak", "false"));
    }

    @Override
    public Map<String, String> start() {
        DevStackProcess engines = DevStackProcess.shared();
        engines.ensureDatabase(database);
        Map<String, String> config = new HashMap<>(Map.of(
                "kafka.bootstrap.servers", engines.kafkaBootstrapServers(),
                "quarkus.datasource.jdbc.url", engines.jdbcUrl(database),
                "quarkus.datasource.reactive.url", engines.reactiveUrl(database),
                "quarkus.datasource.username", engines.postgresUser(),
                "quarkus.datasource.password", engines.postgresPassword()));
        if (keycloak) {
            config.put("quarkus.oidc.auth-server-url", engines.keycloakUrl() + "/realms/" + Keycloak.REALM);
        } else {
            config.put("quarkus.oidc.public-key", TestTokens.publicKey());
        }
        return config;
    }

    @Override
    public void stop() {
        // The engines live as long as the test JVM: the next test class reuses them.
    }
}

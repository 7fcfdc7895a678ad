package vn.parsipas.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.parsipas.helm.WorkloadsTest.name;
import static vn.parsipas.helm.WorkloadsTest.onlyContainer;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/** How the services reach their PostgreSQL databases: verified TLS, pools that fit, the schema owner apart. */
class DatabaseConnectionsTest {

    static Stream<Arguments> releases() {
        return WorkloadsTest.releases();
    }

    @Test
    void verifyFullChecksTheDatabaseServerAgainstItsMountedCa() {
        Chart.Rendered production = Chart.renderProduction();
        JsonNode deployment = production.named("Deployment", "parsipas-indicator-service");
        Map<String, String> env = KafkaResourcesTest.env(production, deployment);

        String ca = "/etc/parsipas/db-ca/ca.crt";
        assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL")).isEqualTo(
                "jdbc:postgresql://indicator-db-rw.databases.svc:5432/indicator?sslmode=verify-full&sslrootcert=" + ca);
        assertThat(env.get("QUARKUS_DATASOURCE_REACTIVE_URL")).isEqualTo(
                "postgresql://indicator-db-rw.databases.svc:5432/indicator?sslmode=verify-full");
        assertThat(env).containsEntry("QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM", "true")
                .containsEntry("QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM_CERTS", ca)
                .containsEntry("QUARKUS_DATASOURCE_REACTIVE_HOSTNAME_VERIFICATION_ALGORITHM", "HTTPS");
        JsonNode pod = deployment.at("/spec/template/spec");
        assertThat(WorkloadsTest.texts(onlyContainer(deployment).path("volumeMounts"), "mountPath"))
                .contains("/etc/parsipas/db-ca");
        assertThat(pod.findValues("secretName")).extracting(JsonNode::asText).contains("indicator-db-ca");
        // Only the certificate is projected, never the CA's private key beside it (CloudNativePG keeps both).
        pod.path("volumes").forEach(volume -> {
            if ("indicator-db-ca".equals(volume.at("/secret/secretName").asText())) {
                assertThat(WorkloadsTest.texts(volume.at("/secret/items"), "key")).containsExactly("ca.crt");
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void connectionPoolsFitTheDatabaseAtTheAutoscalersMaximum(String values, Chart.Rendered release) {
        for (JsonNode deployment : release.serviceDeployments()) {
            String service = deployment.at("/spec/template/metadata/labels/app.kubernetes.io~1component").asText();
            JsonNode settings = Chart.values(values).at("/services/" + service);
            int maxConnections = settings.at("/database/maxConnections").asInt();
            int pods = settings.at("/autoscaling/maxReplicas").asInt() + deployment.at("/spec/strategy/rollingUpdate/maxSurge").asInt();
            int pool = Integer.parseInt(KafkaResourcesTest.env(release, deployment).get("QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE"));

            // Per pod: the reactive pool, 2 JDBC connections (Flyway) and up to 2 LISTEN connections.
            assertThat(pods * (pool + 4)).as(name(deployment)).isLessThanOrEqualTo(maxConnections);
            assertThat(pool).isBetween(2, 20);
        }
        assertThatThrownBy(() -> Chart.render(command -> command.set("services.task.database.maxConnections", 20)))
                .hasMessageContaining("services.task.database.maxConnections 20 leaves");
    }

    /** Security review L13: the service's own database user needs no DDL rights. */
    @Test
    void aSchemaOwnerMigratesBeforeTheServiceStartsAsItsOwnUser() {
        Chart.Rendered production = Chart.renderProduction();
        for (JsonNode deployment : production.serviceDeployments()) {
            String service = deployment.at("/spec/template/metadata/labels/app.kubernetes.io~1component").asText();
            JsonNode migration = deployment.at("/spec/template/spec/initContainers/0");
            Map<String, String> env = new HashMap<>();
            migration.path("env").forEach(entry -> env.put(entry.path("name").asText(), entry.path("value").asText()));

            assertThat(migration.path("image").asText()).isEqualTo(onlyContainer(deployment).path("image").asText());
            assertThat(migration.at("/envFrom/0/configMapRef/name").asText()).isEqualTo(name(deployment));
            assertThat(env).containsEntry("QUARKUS_INIT_AND_EXIT", "true").containsEntry("QUARKUS_FLYWAY_MIGRATE_AT_START", "true");
            assertThat(KafkaResourcesTest.secretRef(migration, "QUARKUS_DATASOURCE_USERNAME")).isEqualTo(service + "-db-app/username");
            assertThat(KafkaResourcesTest.secretRef(migration, "QUARKUS_DATASOURCE_PASSWORD")).isEqualTo(service + "-db-app/password");
            assertThat(KafkaResourcesTest.secretRef(onlyContainer(deployment), "QUARKUS_DATASOURCE_USERNAME"))
                    .isEqualTo(service + "-db-runtime/username");
            assertThat(KafkaResourcesTest.env(production, deployment)).containsEntry("QUARKUS_FLYWAY_MIGRATE_AT_START", "false");
        }
        Chart.Rendered defaults = Chart.renderDefaults();
        defaults.serviceDeployments().forEach(deployment -> {
            assertThat(deployment.at("/spec/template/spec/initContainers").isMissingNode()).isTrue();
            assertThat(KafkaResourcesTest.env(defaults, deployment)).doesNotContainKey("QUARKUS_FLYWAY_MIGRATE_AT_START");
        });
    }
}

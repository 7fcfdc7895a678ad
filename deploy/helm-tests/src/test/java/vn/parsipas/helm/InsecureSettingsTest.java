package vn.parsipas.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.TemplateCommand;

/**
 * Production defaults are safe (security review M9, L13): the chart refuses Kafka without TLS and
 * SASL, Keycloak over plain HTTP, an ingress without TLS and a database connection that does not
 * verify the server, unless the release says {@code insecureLocalOnly: true}.
 */
class InsecureSettingsTest {

    static Map<String, UnaryOperator<TemplateCommand>> insecureSettings() {
        return Map.of(
                "kafka.tls.enabled=false", command -> command.set("kafka.tls.enabled", false),
                "kafka.sasl.enabled=false", command -> command.set("kafka.sasl.enabled", false),
                "keycloak.url=http://keycloak-service:8080", command -> command.set("keycloak.url", "http://keycloak-service:8080"),
                "kafka.sasl.tokenEndpointUrl=http://keycloak/token", command -> command.set("kafka.sasl.tokenEndpointUrl",
                        "http://keycloak/realms/parsipas/protocol/openid-connect/token"),
                "ingress.tlsSecret=", command -> command.set("ingress.tlsSecret", ""),
                "services.survey.database.sslMode=require", command -> command.set("services.survey.database.sslMode", "require"));
    }

    static Iterable<String> insecureSettingNames() {
        return insecureSettings().keySet();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("insecureSettingNames")
    void anInsecureSettingIsRefusedUnlessTheReleaseIsLocalOnly(String setting) {
        UnaryOperator<TemplateCommand> insecure = insecureSettings().get(setting);

        assertThatThrownBy(() -> Chart.render(insecure))
                .hasMessageContaining("insecure settings")
                .hasMessageContaining(setting.substring(0, setting.indexOf('=')))
                .hasMessageContaining("insecureLocalOnly: true");
        assertThat(Chart.render(command -> insecure.apply(command).set("insecureLocalOnly", true)).serviceDeployments())
                .hasSize(4);
    }

    @Test
    void theDefaultValuesAreTheSecureOnes() {
        Chart.Rendered defaults = Chart.renderDefaults();

        for (JsonNode deployment : defaults.serviceDeployments()) {
            Map<String, String> env = KafkaResourcesTest.env(defaults, deployment);
            assertThat(env).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("KAFKA_SASL_MECHANISM", "OAUTHBEARER");
            assertThat(env.get("QUARKUS_OIDC_AUTH_SERVER_URL")).startsWith("https://");
            assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL")).contains("sslmode=verify-full");
            assertThat(env.get("QUARKUS_DATASOURCE_REACTIVE_URL")).contains("sslmode=verify-full");
        }
        assertThat(defaults.ofKind("Ingress").get(0).at("/spec/tls/0/secretName").asText()).isNotBlank();
    }

    @Test
    void verifyFullWithoutACaIsRefused() {
        assertThatThrownBy(() -> Chart.render(command -> command.set("services.task.database.caSecret", "")))
                .hasMessageContaining("/services/task/database/caSecret");
    }
}

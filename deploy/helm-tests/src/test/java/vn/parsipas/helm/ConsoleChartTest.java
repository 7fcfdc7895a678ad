package vn.parsipas.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.parsipas.helm.WorkloadsTest.name;
import static vn.parsipas.helm.WorkloadsTest.onlyContainer;
import static vn.parsipas.helm.WorkloadsTest.selects;
import static vn.parsipas.helm.WorkloadsTest.texts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The agency console in the cluster: below /console on the public host, reaching only Keycloak and the four services. */
class ConsoleChartTest {
    private final Chart.Rendered production = Chart.renderProduction();

    @Test
    void theConsoleServesBelowItsPrefixWithItsOidcAndSessionSecretsOnlyReferenced() {
        JsonNode deployment = production.named("Deployment", "parsipas-console");
        JsonNode container = onlyContainer(deployment);
        Map<String, JsonNode> env = new HashMap<>();
        container.path("env").forEach(entry -> env.put(entry.path("name").asText(), entry));

        assertThat(env.get("QUARKUS_HTTP_ROOT_PATH").path("value").asText()).isEqualTo("/console");
        for (String secret : List.of("QUARKUS_OIDC_CREDENTIALS_SECRET", "QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET",
                "QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET")) {
            assertThat(env.get(secret).at("/valueFrom/secretKeyRef/name").asText()).as(secret).isNotBlank();
            assertThat(env.get(secret).has("value")).isFalse();
        }
        JsonNode config = production.named("ConfigMap", "parsipas-console").path("data");
        assertThat(config.path("QUARKUS_OIDC_CLIENT_ID").asText()).isEqualTo("parsipas-console");
        assertThat(config.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText()).endsWith("/realms/parsipas");
        assertThat(config.path("QUARKUS_OIDC_LOGOUT_PATH").asText()).isEqualTo("/console/dang-xuat");
        assertThat(config.path("QUARKUS_REST_CLIENT_TASK_URL").asText()).isEqualTo("http://parsipas-task-service/task");
        assertThat(config.path("QUARKUS_REST_CLIENT_NOTIFICATION_URL").asText())
                .isEqualTo("http://parsipas-notification-service/notification");
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");

        // e-mails link to the console's alert pages on the public host
        assertThat(production.named("ConfigMap", "parsipas-notification-service").at("/data/PARSIPAS_NOTIFICATION_PUBLIC_URL").asText())
                .isEqualTo("https://parsipas.daklak.gov.vn/console");
    }

    @Test
    void theConsoleReachesOnlyDnsKeycloakAndTheFourServicesWhichAcceptIt() {
        JsonNode consolePods = production.named("Deployment", "parsipas-console").at("/spec/template/metadata/labels");
        JsonNode policy = production.named("NetworkPolicy", "parsipas-console");
        assertThat(texts(policy.at("/spec/policyTypes"))).containsExactlyInAnyOrder("Ingress", "Egress");

        List<String> services = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        for (JsonNode rule : policy.at("/spec/egress")) {
            rule.path("ports").forEach(port -> {
                if (port.path("port").isInt()) {
                    ports.add(port.path("port").asInt());
                }
            });
            rule.path("to").forEach(peer -> production.ofKind("Deployment").stream()
                    .filter(d -> selects(peer.at("/podSelector/matchLabels"), d.at("/spec/template/metadata/labels")))
                    .forEach(d -> services.add(name(d))));
        }
        assertThat(services).containsExactlyInAnyOrder("parsipas-task-service", "parsipas-indicator-service",
                "parsipas-survey-service", "parsipas-notification-service");
        // DNS and Keycloak; no Kafka, no PostgreSQL, no SMTP
        assertThat(ports).containsOnly(53, 443);
        assertThat(policy.at("/spec/egress").size()).isEqualTo(3);

        for (String service : List.of("task", "indicator", "survey", "notification")) {
            JsonNode servicePolicy = production.named("NetworkPolicy", "parsipas-" + service + "-service");
            boolean admitsConsole = false;
            for (JsonNode rule : servicePolicy.at("/spec/ingress")) {
                for (JsonNode peer : rule.path("from")) {
                    admitsConsole |= selects(peer.at("/podSelector/matchLabels"), consolePods);
                }
            }
            assertThat(admitsConsole).as(service + "-service admits the console").isTrue();
        }
    }

    @Test
    void theRealmLetsTheConsoleSignPeopleInOnlyAtItsPublicAddress() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(production.named("ConfigMap", "parsipas-keycloak-realm")
                .at("/data/parsipas-realm.json").asText());
        JsonNode console = null;
        for (JsonNode client : realm.path("clients")) {
            if ("parsipas-console".equals(client.path("clientId").asText())) {
                console = client;
            }
        }
        assertThat(console).isNotNull();
        assertThat(texts(console.path("redirectUris"))).containsExactly("https://parsipas.daklak.gov.vn/console/*");
        assertThat(texts(console.path("webOrigins"))).containsExactly("https://parsipas.daklak.gov.vn");
        assertThat(console.at("/attributes/post.logout.redirect.uris").asText()).isEqualTo("https://parsipas.daklak.gov.vn/console/*");
        assertThat(console.at("/attributes/pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(console.path("secret").asText()).isEqualTo("${PARSIPAS_CONSOLE_CLIENT_SECRET}");
        assertThat(console.toString()).doesNotContain("127.0.0.1").doesNotContain("local-only");
    }
}

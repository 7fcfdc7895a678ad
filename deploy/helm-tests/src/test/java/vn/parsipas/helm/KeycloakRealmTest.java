package vn.parsipas.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The realm for the Keycloak operator's import, from a realm export given with --set-file. */
class KeycloakRealmTest {
    private final Chart.Rendered production = Chart.renderProduction();

    @Test
    void theRealmTravelsAsAConfigMapWithoutAnyClientSecret() throws IOException {
        JsonNode configMap = production.named("ConfigMap", "parsipas-keycloak-realm");
        JsonNode realm = new ObjectMapper().readTree(configMap.at("/data/parsipas-realm.json").asText());

        assertThat(realm.path("realm").asText()).isEqualTo("parsipas");
        assertThat(realm.at("/roles/realm").size()).isEqualTo(4);
        Map<String, JsonNode> clients = clients(realm);
        assertThat(clients).containsOnlyKeys("task-service", "indicator-service", "survey-service",
                "notification-service", "igate", "finance-system", "survey-kiosk", "document-system", "parsipas-web", "parsipas-console");
        assertThat(clients.get("task-service").path("secret").asText()).isEqualTo("${TASK_SERVICE_CLIENT_SECRET}");
        assertThat(clients.get("notification-service").path("secret").asText())
                .isEqualTo("${NOTIFICATION_SERVICE_CLIENT_SECRET}");
        // The export's local-only secrets never reach the cluster: Keycloak generates new ones.
        for (String outsideSystem : List.of("igate", "finance-system", "survey-kiosk", "document-system")) {
            assertThat(clients.get(outsideSystem).has("secret")).as(outsideSystem).isFalse();
        }
        // the export's demo users (local-only passwords) stay home; service accounts travel
        assertThat(realm.path("users")).isNotEmpty().allSatisfy(user -> assertThat(user.has("serviceAccountClientId")).isTrue());
        assertThat(configMap.toString()).doesNotContain("local-only");
    }

    @Test
    void theOperatorsRealmImportFillsTheServicesSecretsFromTheirSecrets() {
        JsonNode realmImport = production.ofKind("KeycloakRealmImport").get(0);

        assertThat(realmImport.at("/spec/keycloakCRName").asText()).isEqualTo("keycloak");
        assertThat(realmImport.at("/spec/realm/realm").asText()).isEqualTo("parsipas");
        assertThat(realmImport.at("/spec/placeholders/SURVEY_SERVICE_CLIENT_SECRET/secret/name").asText())
                .isEqualTo("keycloak-client-survey-service");
        assertThat(realmImport.at("/spec/placeholders/SURVEY_SERVICE_CLIENT_SECRET/secret/key").asText())
                .isEqualTo("client-secret");
        assertThat(realmImport.at("/spec/placeholders").size()).isEqualTo(5);
        assertThat(realmImport.toString()).doesNotContain("local-only");
    }

    /** Security review M8: what ships to the cluster is the production realm, whatever the demo export allows. */
    @Test
    void theClusterRealmHasNoPasswordGrantLocksOutGuessingAndRedirectsOnlyToHttps() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(production.named("ConfigMap", "parsipas-keycloak-realm")
                .at("/data/parsipas-realm.json").asText());
        JsonNode imported = production.ofKind("KeycloakRealmImport").get(0).at("/spec/realm");

        for (JsonNode cluster : List.of(realm, imported)) {
            assertThat(cluster.path("bruteForceProtected").asBoolean()).isTrue();
            assertThat(cluster.path("permanentLockout").asBoolean(true)).isFalse();
            assertThat(cluster.path("failureFactor").asInt()).isBetween(3, 10);
            assertThat(cluster.path("passwordPolicy").asText()).contains("length(12)", "notUsername", "passwordHistory");
            assertThat(cluster.path("sslRequired").asText()).isEqualTo("all");
            clients(cluster).forEach((id, client) -> {
                assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as(id).isFalse();
                assertThat(client.path("implicitFlowEnabled").asBoolean()).as(id).isFalse();
                client.path("redirectUris").forEach(uri -> assertThat(uri.asText()).as(id).startsWith("https://"));
                client.path("webOrigins").forEach(origin -> assertThat(origin.asText()).as(id).startsWith("https://"));
            });
        }
        JsonNode web = clients(realm).get("parsipas-web");
        assertThat(WorkloadsTest.texts(web.path("redirectUris"))).containsExactly("https://parsipas.daklak.gov.vn/*");
        assertThat(WorkloadsTest.texts(web.path("webOrigins"))).containsExactly("https://parsipas.daklak.gov.vn");
    }

    @Test
    void theLocalRealmKeepsThePasswordGrantForItsDemoUsers() {
        JsonNode web = clients(Chart.yaml(Chart.TEST_REALM)).get("parsipas-web");

        assertThat(web.path("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(WorkloadsTest.texts(web.path("redirectUris"))).allMatch(uri -> uri.startsWith("http://127.0.0.1:")
                || uri.startsWith("http://localhost:"));
    }

    /** The services accept only tokens minted for the suite's APIs (platform: quarkus.oidc.token.audience). */
    @Test
    void everyClientThatCallsTheApisPutsTheirAudienceInItsTokens() throws IOException {
        Properties platform = new Properties();
        try (Reader reader = Files.newBufferedReader(Chart.REPO.resolve(
                "services/platform/src/main/resources/META-INF/microprofile-config.properties"))) {
            platform.load(reader);
        }
        String audience = platform.getProperty("quarkus.oidc.token.audience");
        assertThat(audience).isEqualTo("parsipas-api");

        Map<String, JsonNode> clients = clients(Chart.yaml(Chart.TEST_REALM));
        for (String caller : List.of("parsipas-web", "parsipas-console", "igate", "finance-system", "survey-kiosk", "document-system")) {
            assertThat(clients.get(caller).path("protocolMappers")).as(caller).anySatisfy(mapper -> {
                assertThat(mapper.path("protocolMapper").asText()).isEqualTo("oidc-audience-mapper");
                assertThat(mapper.at("/config/included.custom.audience").asText()).isEqualTo(audience);
                assertThat(mapper.at("/config/access.token.claim").asText()).isEqualTo("true");
            });
        }
        // A service's own token (its Kafka login) cannot call the APIs.
        for (String service : List.of("task-service", "indicator-service", "survey-service", "notification-service")) {
            assertThat(clients.get(service).path("protocolMappers").toString()).as(service).doesNotContain(audience);
            assertThat(clients.get(service).path("serviceAccountsEnabled").asBoolean()).as(service + " logs in to Kafka").isTrue();
        }
    }

    private static Map<String, JsonNode> clients(JsonNode realm) {
        Map<String, JsonNode> clients = new HashMap<>();
        realm.path("clients").forEach(client -> clients.put(client.path("clientId").asText(), client));
        return clients;
    }
}

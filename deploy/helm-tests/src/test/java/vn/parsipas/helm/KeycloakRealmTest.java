package vn.parsipas.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
                "notification-service", "igate", "finance-system", "survey-kiosk", "parsipas-web", "parsipas-console");
        assertThat(clients.get("task-service").path("secret").asText()).isEqualTo("${TASK_SERVICE_CLIENT_SECRET}");
        assertThat(clients.get("notification-service").path("secret").asText())
                .isEqualTo("${NOTIFICATION_SERVICE_CLIENT_SECRET}");
        // The export's local-only secrets never reach the cluster: Keycloak generates new ones.
        for (String dataProvider : List.of("igate", "finance-system", "survey-kiosk")) {
            assertThat(clients.get(dataProvider).has("secret")).as(dataProvider).isFalse();
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

    private static Map<String, JsonNode> clients(JsonNode realm) {
        Map<String, JsonNode> clients = new HashMap<>();
        realm.path("clients").forEach(client -> clients.put(client.path("clientId").asText(), client));
        return clients;
    }
}

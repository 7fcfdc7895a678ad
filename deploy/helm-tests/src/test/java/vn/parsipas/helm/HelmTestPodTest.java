package vn.parsipas.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.parsipas.helm.WorkloadsTest.name;
import static vn.parsipas.helm.WorkloadsTest.selects;
import static vn.parsipas.helm.WorkloadsTest.texts;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * `helm test parsipas -n parsipas` (issue 17): one test pod, a Helm test hook removed when it passes, that
 * asks every service of the release and the console for readiness, runs as restricted as the services,
 * and gets through the release's network policies; its Kafka round trip only with an identity of its own.
 */
class HelmTestPodTest {
    private static final String POD = "parsipas-release-check";
    private static final String ROUND_TRIP = """
            helmTest:
              kafkaRoundTrip:
                enabled: true
            """;

    @ParameterizedTest(name = "{0}")
    @MethodSource("vn.parsipas.helm.WorkloadsTest#releases")
    void theTestPodIsAHelmTestHookRemovedWhenItPasses(String values, Chart.Rendered release) {
        JsonNode pod = release.named("Pod", POD);

        assertThat(release.ofKind("Pod")).singleElement().isEqualTo(pod);
        assertThat(pod.at("/metadata/annotations/helm.sh~1hook").asText()).isEqualTo("test");
        assertThat(pod.at("/metadata/annotations/helm.sh~1hook-delete-policy").asText().split(","))
                .containsExactlyInAnyOrder("before-hook-creation", "hook-succeeded");
        assertThat(pod.at("/spec/restartPolicy").asText()).isEqualTo("Never");
        assertThat(container(pod).at("/command/0").asText()).isEqualTo("java");
        assertThat(texts(container(pod).path("command"))).contains("vn.parsipas.platform.releasecheck.ReleaseCheck",
                "/home/jboss/lib/main/*");
        // Its network policy too is a test hook, created before it.
        JsonNode policy = release.named("NetworkPolicy", POD);
        assertThat(policy.at("/metadata/annotations/helm.sh~1hook").asText()).isEqualTo("test");
        assertThat(policy.at("/metadata/annotations/helm.sh~1hook-weight").asInt()).isNegative();
        assertThat(selects(policy.at("/spec/podSelector/matchLabels"), pod.at("/metadata/labels"))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vn.parsipas.helm.WorkloadsTest#releases")
    void theTestPodAsksEveryServiceOfTheReleaseForReadinessWhereItsReadinessProbeDoes(String values, Chart.Rendered release) {
        Map<String, URI> asked = readyUrls(release.named("Pod", POD));

        assertThat(asked.keySet()).containsExactlyInAnyOrder("task-service", "indicator-service", "survey-service",
                "notification-service", "console");
        for (JsonNode service : release.ofKind("Service")) {
            URI url = asked.values().stream().filter(u -> u.getHost().equals(name(service))).findFirst().orElseThrow(
                    () -> new AssertionError("the test pod does not ask " + name(service)));
            assertThat(url.getScheme()).isEqualTo("http");
            assertThat(url.getPort()).as("the Service's port 80").isEqualTo(-1);
            assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(80);
            JsonNode deployment = release.ofKind("Deployment").stream()
                    .filter(d -> selects(service.at("/spec/selector"), d.at("/spec/template/metadata/labels"))).findFirst().orElseThrow();
            JsonNode probe = WorkloadsTest.onlyContainer(deployment).path("readinessProbe");
            assertThat(url.getPath()).as(name(service)).isEqualTo(probe.at("/httpGet/path").asText()).isEqualTo("/q/health/ready");
            assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo(probe.at("/httpGet/port").asText());
        }
        assertThat(env(release.named("Pod", POD))).containsEntry("PARSIPAS_CHECK_TIMEOUT_SECONDS", "120")
                .doesNotContainKey("PARSIPAS_CHECK_KAFKA_TOPIC");
    }

    @Test
    void aDisabledConsoleIsNotAsked() {
        Chart.Rendered release = Chart.render(command -> command.set("console.enabled", "false"));
        JsonNode pod = release.named("Pod", POD);

        assertThat(readyUrls(pod).keySet()).containsExactlyInAnyOrder("task-service", "indicator-service", "survey-service",
                "notification-service");
        assertThat(release.named("NetworkPolicy", POD).at("/spec/egress").findValues("matchLabels"))
                .noneMatch(labels -> "console".equals(labels.path("app.kubernetes.io/name").asText()));
    }

    @Test
    void withoutHelmTestThereIsNoTestPodAndNoPolicyAdmitsIt() {
        Chart.Rendered release = Chart.render(command -> command.set("helmTest.enabled", "false"));

        assertThat(release.ofKind("Pod")).isEmpty();
        assertThat(release.named("NetworkPolicy", POD).isMissingNode()).isTrue();
        assertThat(release.ofKind("NetworkPolicy").toString()).doesNotContain("release-check");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vn.parsipas.helm.WorkloadsTest#releases")
    void theReleasesNetworkPoliciesLetTheTestPodReachEveryHealthEndpoint(String values, Chart.Rendered release) {
        JsonNode podLabels = release.named("Pod", POD).at("/metadata/labels");
        List<JsonNode> egressToPods = new ArrayList<>();
        release.named("NetworkPolicy", POD).at("/spec/egress").forEach(rule -> {
            if (texts(rule.path("ports"), "port").contains("http")) {
                rule.path("to").forEach(egressToPods::add);
            }
        });
        assertThat(release.named("NetworkPolicy", POD).at("/spec/egress").toString()).contains("\"port\":53");

        for (JsonNode deployment : release.ofKind("Deployment")) {
            JsonNode labels = deployment.at("/spec/template/metadata/labels");
            assertThat(egressToPods).as("test pod → " + name(deployment))
                    .anyMatch(peer -> selects(peer.at("/podSelector/matchLabels"), labels));
            JsonNode policy = release.ofKind("NetworkPolicy").stream()
                    .filter(p -> selects(p.at("/spec/podSelector/matchLabels"), labels)).findFirst().orElseThrow();
            List<JsonNode> admitted = new ArrayList<>();
            policy.at("/spec/ingress").forEach(rule -> {
                if (texts(rule.path("ports"), "port").contains("http")) {
                    rule.path("from").forEach(admitted::add);
                }
            });
            assertThat(admitted).as(name(policy) + " admits the test pod")
                    .anyMatch(peer -> selects(peer.at("/podSelector/matchLabels"), podLabels));
        }
    }

    @Test
    void theTestPodRunsTaskServicesImageUnlessAnotherIsGiven() {
        Chart.Rendered defaults = Chart.renderDefaults();
        String taskImage = WorkloadsTest.onlyContainer(defaults.named("Deployment", "parsipas-task-service")).path("image").asText();
        assertThat(container(defaults.named("Pod", POD)).path("image").asText()).isEqualTo(taskImage);
        assertThat(container(defaults.named("Pod", POD)).path("imagePullPolicy").asText()).isEqualTo("Always");

        Chart.Rendered other = Chart.render(command -> command.set("image.registry", "registry.daklak.gov.vn")
                .set("helmTest.image.repository", "parsipas/indicator-service").set("helmTest.image.tag", "1.2.0")
                .set("helmTest.appDirectory", "/deployments"));
        JsonNode container = container(other.named("Pod", POD));
        assertThat(container.path("image").asText()).isEqualTo("registry.daklak.gov.vn/parsipas/indicator-service:1.2.0");
        assertThat(container.path("imagePullPolicy").asText()).isEqualTo("IfNotPresent");
        assertThat(texts(container.path("command"))).contains("/deployments/lib/main/*");
    }

    @Test
    void theKafkaRoundTripIsOffUntilConfiguredAndThenLogsInAsItsOwnIdentity() {
        JsonNode defaults = Chart.renderDefaults().named("Pod", POD);
        assertThat(env(defaults)).doesNotContainKeys("PARSIPAS_CHECK_KAFKA_TOPIC", "KAFKA_BOOTSTRAP_SERVERS");
        assertThat(container(defaults).path("env").toString()).doesNotContain("secretKeyRef");

        Chart.Rendered release = Chart.renderValues(ROUND_TRIP);
        JsonNode pod = release.named("Pod", POD);
        JsonNode container = container(pod);
        Map<String, String> env = env(pod);
        String tokenEndpoint = "https://keycloak-service:8443/realms/parsipas/protocol/openid-connect/token";
        assertThat(env).containsEntry("PARSIPAS_CHECK_KAFKA_TOPIC", "parsipas.release-check.v1")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "parsipas-kafka-bootstrap:9093")
                .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("KAFKA_SASL_MECHANISM", "OAUTHBEARER")
                .containsEntry("KAFKA_SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL", tokenEndpoint)
                .containsEntry("KAFKA_SASL_OAUTHBEARER_CLIENT_CREDENTIALS_CLIENT_ID", "parsipas-release-check")
                .containsEntry("KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/parsipas/kafka-ca/ca.crt");
        assertThat(KafkaResourcesTest.secretRef(container, "KAFKA_SASL_OAUTHBEARER_CLIENT_CREDENTIALS_CLIENT_SECRET"))
                .isEqualTo("parsipas-release-check-client/client-secret");
        // No service's secret: the check never acts as a service.
        assertThat(container.path("env").toString()).doesNotContain("parsipas-task-service-client", "-db");
        assertThat(env.get("JAVA_TOOL_OPTIONS")).contains("-Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=" + tokenEndpoint);
        assertThat(texts(container.path("volumeMounts"), "mountPath")).contains("/tmp", "/etc/parsipas/kafka-ca");
        // The broker's and the token endpoint's ports are open to it.
        String egress = release.named("NetworkPolicy", POD).at("/spec/egress").toString();
        assertThat(egress).contains("\"port\":9093", "\"port\":8443");

        assertThatThrownBy(() -> Chart.renderValues(ROUND_TRIP + "    keycloakClient: {existingSecret: \"\"}\n"))
                .hasMessageContaining("helmTest.kafkaRoundTrip.keycloakClient.existingSecret is empty");
    }

    @Test
    void withStrimziTheRoundTripsIdentityMayUseOnlyItsOwnTopic() {
        Chart.Rendered release = Chart.render(command -> command.withValuesFile(Chart.PRODUCTION_VALUES)
                .setFile("keycloak.realmImport.json", Chart.TEST_REALM).set("helmTest.kafkaRoundTrip.enabled", "true"));

        JsonNode user = release.named("KafkaUser", "parsipas-release-check");
        assertThat(user.at("/spec/authorization/acls")).singleElement().satisfies(acl -> {
            assertThat(acl.at("/resource/type").asText()).isEqualTo("topic");
            assertThat(acl.at("/resource/name").asText()).isEqualTo("parsipas.release-check.v1");
            assertThat(acl.at("/resource/patternType").asText()).isEqualTo("literal");
            assertThat(texts(acl.path("operations"))).containsExactlyInAnyOrder("Read", "Write", "Describe");
        });
        JsonNode topic = release.named("KafkaTopic", "parsipas.release-check.v1");
        assertThat(topic.at("/spec/partitions").asInt()).isEqualTo(1);
        assertThat(topic.at("/spec/config/retention.ms").asText()).isEqualTo("3600000");
        // No channel of the AsyncAPI document: no service reads or writes it.
        assertThat(new Channels().topics(Chart.values("values-production.yaml").at("/kafka/externalProducers")))
                .doesNotContainKey("parsipas.release-check.v1");
        for (JsonNode service : release.ofKind("KafkaUser")) {
            if (!name(service).equals("parsipas-release-check")) {
                assertThat(service.toString()).as(name(service)).doesNotContain("release-check");
            }
        }
    }

    private static JsonNode container(JsonNode pod) {
        JsonNode containers = pod.at("/spec/containers");
        assertThat(containers.size()).isEqualTo(1);
        return containers.get(0);
    }

    static Map<String, String> env(JsonNode pod) {
        Map<String, String> env = new HashMap<>();
        container(pod).path("env").forEach(entry -> {
            if (entry.has("value")) {
                env.put(entry.path("name").asText(), entry.path("value").asText());
            }
        });
        return env;
    }

    /** The check's PARSIPAS_CHECK_READY: name → URL. */
    private static Map<String, URI> readyUrls(JsonNode pod) {
        Map<String, URI> urls = new LinkedHashMap<>();
        for (String item : env(pod).get("PARSIPAS_CHECK_READY").split(",")) {
            String[] nameAndUrl = item.split("=", 2);
            urls.put(nameAndUrl[0], URI.create(nameAndUrl[1]));
        }
        return urls;
    }
}

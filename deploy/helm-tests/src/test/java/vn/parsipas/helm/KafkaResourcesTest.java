package vn.parsipas.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.parsipas.helm.WorkloadsTest.texts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Strimzi topics and users follow the contracts' AsyncAPI document, read here from contracts/. */
class KafkaResourcesTest {
    private final JsonNode asyncApi = Chart.yaml(Chart.ASYNCAPI);
    private final Chart.Rendered production = Chart.renderProduction();

    @Test
    void everyTopicOfTheAsyncApiDocumentHasAKafkaTopicWithItsPartitionsAndCleanupPolicy() {
        List<JsonNode> channels = new ArrayList<>();
        asyncApi.get("channels").forEach(channels::add);
        assertThat(channels).isNotEmpty();
        assertThat(production.ofKind("KafkaTopic")).hasSize(channels.size());

        for (JsonNode channel : channels) {
            String topic = channel.get("address").asText();
            JsonNode binding = channel.at("/bindings/kafka");
            JsonNode kafkaTopic = production.named("KafkaTopic", topic);

            assertThat(kafkaTopic.at("/spec/topicName").asText()).as(topic).isEqualTo(topic);
            assertThat(kafkaTopic.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo("parsipas");
            assertThat(kafkaTopic.at("/spec/partitions").asInt()).as(topic).isEqualTo(binding.get("partitions").asInt());
            assertThat(kafkaTopic.at("/spec/config/cleanup.policy").asText()).as(topic)
                    .isEqualTo(String.join(",", texts(binding.at("/topicConfiguration/cleanup.policy"))));
            JsonNode retention = binding.at("/topicConfiguration/retention.ms");
            if (!retention.isMissingNode()) {
                assertThat(kafkaTopic.at("/spec/config/retention.ms").asText()).as(topic).isEqualTo(retention.asText());
            }
        }
        // The reference data topics are compacted; every consumed topic has its dead-letter topic.
        assertThat(production.named("KafkaTopic", "directory.agencies.v1").at("/spec/config/cleanup.policy").asText())
                .isEqualTo("compact");
        assertThat(production.named("KafkaTopic", "plan.targets.v1").at("/spec/config/cleanup.policy").asText())
                .isEqualTo("compact");
        access("receive").values().stream().flatMap(Set::stream)
                .forEach(topic -> assertThat(production.named("KafkaTopic", topic + ".dlq").isMissingNode()).isFalse());
    }

    @Test
    void eachServiceMayWriteWhatItPublishesAndReadWhatItConsumes() {
        Map<String, Set<String>> publishes = access("send");
        Map<String, Set<String>> consumes = access("receive");

        for (String service : List.of("task-service", "indicator-service", "survey-service", "notification-service")) {
            JsonNode user = production.named("KafkaUser", service);
            assertThat(user.at("/spec/authorization/type").asText()).as(service).isEqualTo("simple");
            Set<String> consumed = consumes.getOrDefault(service, Set.of());
            Set<String> writable = new TreeSet<>(publishes.getOrDefault(service, Set.of()));
            consumed.forEach(topic -> writable.add(topic + ".dlq"));

            assertThat(topics(user, "Write")).as(service).isEqualTo(writable);
            assertThat(topics(user, "Read")).as(service).isEqualTo(consumed);
            if (!consumed.isEmpty()) {
                assertThat(acls(user, "group", "Read")).as(service).containsExactly(service);
            }
        }
    }

    @Test
    void externalProducersMayWriteOnlyTheirListedTopics() {
        Set<String> external = access("send").get("external");
        assertThat(external).containsExactlyInAnyOrder("indicators.observations.v1", "sipas.responses.v1");

        JsonNode finance = production.named("KafkaUser", "finance-system");
        assertThat(topics(finance, "Write")).containsExactly("indicators.observations.v1");
        assertThat(topics(finance, "Read")).isEmpty();
        assertThat(topics(production.named("KafkaUser", "igate"), "Write")).isEqualTo(external);
        assertThat(production.ofKind("KafkaUser")).hasSize(4 + 3);
    }

    @Test
    void servicesCreateTopicsOnlyWhenStrimziDoesNot() {
        Chart.Rendered defaults = Chart.renderDefaults();
        assertThat(defaults.ofKind("KafkaTopic")).isEmpty();
        assertThat(defaults.ofKind("KafkaUser")).isEmpty();
        services(defaults).forEach(d -> assertThat(env(defaults, d).get("PARSIPAS_KAFKA_CREATE_TOPICS"))
                .isEqualTo("true"));
        services(production).forEach(d -> assertThat(env(production, d).get("PARSIPAS_KAFKA_CREATE_TOPICS"))
                .isEqualTo("false"));
    }

    @Test
    void servicesLogInToKafkaWithOauthBearerAgainstKeycloak() {
        for (JsonNode deployment : services(production)) {
            Map<String, String> env = env(production, deployment);
            String tokenEndpoint = "https://sso.daklak.gov.vn/realms/parsipas/protocol/openid-connect/token";
            assertThat(env).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("KAFKA_SASL_MECHANISM", "OAUTHBEARER")
                    .containsEntry("KAFKA_SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL", tokenEndpoint)
                    .containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM")
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "parsipas-kafka-bootstrap:9093");
            assertThat(env.get("KAFKA_SASL_JAAS_CONFIG")).contains("OAuthBearerLoginModule required");
            assertThat(env.get("KAFKA_SASL_LOGIN_CALLBACK_HANDLER_CLASS")).endsWith("OAuthBearerLoginCallbackHandler");
            // Kafka clients 4.x call only token endpoints that this system property allows.
            assertThat(env.get("JAVA_TOOL_OPTIONS")).contains("-Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=" + tokenEndpoint);
            String client = env.get("KAFKA_SASL_OAUTHBEARER_CLIENT_CREDENTIALS_CLIENT_ID");
            assertThat(production.named("KafkaUser", client).isMissingNode()).as(client).isFalse();
            assertThat(secretRef(deployment, "KAFKA_SASL_OAUTHBEARER_CLIENT_CREDENTIALS_CLIENT_SECRET"))
                    .isEqualTo(secretRef(deployment, "QUARKUS_OIDC_CREDENTIALS_SECRET")).isNotBlank();
        }
    }

    /** Topics per actor ("task-service", ..., "external") for one action of the AsyncAPI operations. */
    private Map<String, Set<String>> access(String action) {
        Map<String, Set<String>> topics = new HashMap<>();
        asyncApi.get("operations").forEach(operation -> {
            if (action.equals(operation.get("action").asText())) {
                String summary = operation.get("summary").asText();
                String actor = summary.startsWith("external systems") ? "external" : summary.split(" ")[0];
                String channel = operation.at("/channel/$ref").asText().substring("#/channels/".length());
                topics.computeIfAbsent(actor, a -> new TreeSet<>())
                        .add(asyncApi.at("/channels/" + channel + "/address").asText());
            }
        });
        return topics;
    }

    private static Set<String> topics(JsonNode user, String operation) {
        return acls(user, "topic", operation);
    }

    private static Set<String> acls(JsonNode user, String type, String operation) {
        Set<String> names = new TreeSet<>();
        user.at("/spec/authorization/acls").forEach(acl -> {
            if (type.equals(acl.at("/resource/type").asText()) && texts(acl.path("operations")).contains(operation)) {
                names.add(acl.at("/resource/name").asText());
            }
        });
        return names;
    }

    /** The environment a Deployment's container gets from its ConfigMap (plain values). */
    static Map<String, String> env(Chart.Rendered release, JsonNode deployment) {
        String configMap = WorkloadsTest.onlyContainer(deployment).at("/envFrom/0/configMapRef/name").asText();
        Map<String, String> env = new HashMap<>();
        release.named("ConfigMap", configMap).path("data").fields()
                .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    static String secretRef(JsonNode deployment, String variable) {
        for (JsonNode entry : WorkloadsTest.onlyContainer(deployment).path("env")) {
            if (variable.equals(entry.path("name").asText())) {
                JsonNode ref = entry.at("/valueFrom/secretKeyRef");
                return ref.path("name").asText() + "/" + ref.path("key").asText();
            }
        }
        return "";
    }

    /** The four services' Deployments (the console uses no Kafka). */
    private static java.util.List<JsonNode> services(Chart.Rendered release) {
        return release.ofKind("Deployment").stream().filter(d -> !d.at("/metadata/name").asText().endsWith("-console")).toList();
    }
}

package vn.parsipas.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.parsipas.helm.WorkloadsTest.texts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Strimzi topics and users follow the contracts' AsyncAPI document, read here from contracts/. */
class KafkaResourcesTest {
    private final Channels channels = new Channels();
    private final Chart.Rendered production = Chart.renderProduction();
    private final JsonNode producers = Chart.values("values-production.yaml").at("/kafka/externalProducers");

    @Test
    void everyTopicOfTheAsyncApiDocumentHasAKafkaTopicWithItsPartitionsAndCleanupPolicy() {
        Map<String, JsonNode> topics = channels.topics(producers);
        // Each external producer has its own topic of each channel it may write, and nothing else writes there.
        assertThat(topics).containsKeys("indicators.observations.v1.from.igate", "indicators.observations.v1.from.finance-system",
                "sipas.responses.v1.from.igate", "sipas.responses.v1.from.survey-kiosk")
                .doesNotContainKeys("indicators.observations.v1", "sipas.responses.v1");
        assertThat(production.ofKind("KafkaTopic")).hasSize(topics.size());

        topics.forEach((topic, channel) -> {
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
        });
        // The reference data topics are compacted; every consumed channel has its dead-letter topic.
        assertThat(production.named("KafkaTopic", "directory.agencies.v1").at("/spec/config/cleanup.policy").asText())
                .isEqualTo("compact");
        assertThat(production.named("KafkaTopic", "plan.targets.v1").at("/spec/config/cleanup.policy").asText())
                .isEqualTo("compact");
        channels.access("receive").values().stream().flatMap(Set::stream)
                .forEach(channel -> assertThat(production.named("KafkaTopic", channel + ".dlq").isMissingNode()).isFalse());
    }

    @Test
    void eachServiceMayWriteWhatItPublishesAndReadWhatItConsumes() {
        Map<String, Set<String>> publishes = channels.access("send");
        Map<String, Set<String>> consumes = channels.access("receive");

        for (String service : List.of("task-service", "indicator-service", "survey-service", "notification-service")) {
            JsonNode user = production.named("KafkaUser", service);
            assertThat(user.at("/spec/authorization/type").asText()).as(service).isEqualTo("simple");
            Set<String> consumed = consumes.getOrDefault(service, Set.of());
            Set<String> writable = new TreeSet<>(publishes.getOrDefault(service, Set.of()));
            consumed.forEach(channel -> writable.add(channel + ".dlq"));
            Set<String> readable = new TreeSet<>();
            consumed.forEach(channel -> readable.add(channels.readResource(channel)));
            // An operator's replay reads the dead-letter topics and writes a record back where it came from.
            consumed.forEach(channel -> readable.add(channel + ".dlq"));
            consumed.forEach(channel -> writable.add(channels.readResource(channel)));

            assertThat(topics(user, "Write")).as(service).isEqualTo(writable);
            assertThat(topics(user, "Read")).as(service).isEqualTo(readable);
            if (!consumed.isEmpty()) {
                assertThat(acls(user, "group", "Read")).as(service).containsExactly(service);
            }
        }
        // Every producer's topic, those added later included, by prefix.
        JsonNode indicator = production.named("KafkaUser", "indicator-service");
        assertThat(indicator.at("/spec/authorization/acls").findValues("resource")).anySatisfy(resource -> {
            assertThat(resource.path("name").asText()).isEqualTo("indicators.observations.v1.from.");
            assertThat(resource.path("patternType").asText()).isEqualTo("prefix");
        });
    }

    /** Security review M3: a producer writes only its own topics, never another's, never by prefix. */
    @Test
    void externalProducersMayWriteOnlyTheirOwnTopicOfTheirListedChannels() {
        assertThat(channels.access("send").get("external")).containsExactlyInAnyOrder("indicators.observations.v1",
                "sipas.responses.v1");

        JsonNode finance = production.named("KafkaUser", "finance-system");
        assertThat(topics(finance, "Write")).containsExactly("indicators.observations.v1.from.finance-system");
        assertThat(topics(finance, "Read")).isEmpty();
        assertThat(topics(production.named("KafkaUser", "igate"), "Write"))
                .containsExactly("indicators.observations.v1.from.igate", "sipas.responses.v1.from.igate");
        assertThat(topics(production.named("KafkaUser", "survey-kiosk"), "Write")).containsExactly("sipas.responses.v1.from.survey-kiosk");
        for (JsonNode user : production.ofKind("KafkaUser")) {
            if ("external-producer".equals(user.at("/metadata/labels/app.kubernetes.io~1component").asText())) {
                user.at("/spec/authorization/acls").forEach(acl -> assertThat(acl.at("/resource/patternType").asText())
                        .as(WorkloadsTest.name(user)).isEqualTo("literal"));
            }
        }
        assertThat(production.ofKind("KafkaUser")).hasSize(4 + 3);
    }

    @Test
    void servicesCreateTopicsOnlyWhenStrimziDoesNot() {
        Chart.Rendered defaults = Chart.renderDefaults();
        assertThat(defaults.ofKind("KafkaTopic")).isEmpty();
        assertThat(defaults.ofKind("KafkaUser")).isEmpty();
        defaults.serviceDeployments().forEach(d -> assertThat(env(defaults, d))
                .containsEntry("PARSIPAS_KAFKA_CREATE_TOPICS", "true")
                // and with them each external producer's own topics
                .containsEntry("PARSIPAS_KAFKA_EXTERNAL_PRODUCERS", "igate,finance-system"));
        production.serviceDeployments().forEach(d -> assertThat(env(production, d).get("PARSIPAS_KAFKA_CREATE_TOPICS"))
                .isEqualTo("false"));
    }

    @Test
    void servicesLogInToKafkaWithOauthBearerAgainstKeycloak() {
        for (JsonNode deployment : production.serviceDeployments()) {
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
            JsonNode container = WorkloadsTest.onlyContainer(deployment);
            assertThat(secretRef(container, "KAFKA_SASL_OAUTHBEARER_CLIENT_CREDENTIALS_CLIENT_SECRET"))
                    .isEqualTo(secretRef(container, "QUARKUS_OIDC_CREDENTIALS_SECRET")).isNotBlank();
        }
    }

    static Set<String> topics(JsonNode user, String operation) {
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

    /** The Secret and key (name/key) a container's variable comes from; "" when it has none. */
    static String secretRef(JsonNode container, String variable) {
        for (JsonNode entry : container.path("env")) {
            if (variable.equals(entry.path("name").asText())) {
                JsonNode ref = entry.at("/valueFrom/secretKeyRef");
                return ref.path("name").asText() + "/" + ref.path("key").asText();
            }
        }
        return "";
    }
}

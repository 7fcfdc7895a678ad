package vn.parsipas.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class AsyncApiTest {
    private static final String STRUCTURED = "application/cloudevents+json";
    private final JsonNode asyncApi = ContractFiles.yaml(ContractFiles.ASYNCAPI);

    @Test
    void isAnAsyncApi3Document() {
        assertThat(asyncApi.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(asyncApi.path("channels").size()).isPositive();
        assertThat(asyncApi.path("operations").size()).isPositive();
    }

    @Test
    void referencesOnlySchemasThatExist() {
        List<String> refs = new ArrayList<>();
        collectRefs(asyncApi, refs);

        List<String> fileRefs = refs.stream().filter(ref -> !ref.startsWith("#")).toList();
        assertThat(fileRefs).isNotEmpty().allSatisfy(ref -> {
            assertThat(ref).startsWith("./schemas/");
            assertThat(ContractFiles.SCHEMAS.resolve(ref.substring("./schemas/".length()))).exists();
        });
        refs.stream().filter(ref -> ref.startsWith("#")).forEach(ref ->
                assertThat(asyncApi.at(ref.substring(1)).isMissingNode()).as(ref).isFalse());
    }

    @Test
    void namesEveryEventTypeOnItsTopicInStructuredAndInBinaryMode() {
        Map<String, JsonNode> structured = new HashMap<>();
        Map<String, JsonNode> binary = new HashMap<>();
        asyncApi.get("channels").forEach(channel -> channel.path("messages").forEach(messageRef -> {
            JsonNode message = asyncApi.at(messageRef.get("$ref").asText().substring(1));
            if (message.has("x-cloudevents-type")) {
                String type = message.get("x-cloudevents-type").asText();
                assertThat(channel(channel)).as(type).isEqualTo(EventType.ofType(type).orElseThrow().topic());
                (STRUCTURED.equals(message.get("contentType").asText()) ? structured : binary).put(type, message);
            }
        }));

        List<String> types = Stream.of(EventType.values()).map(EventType::type).toList();
        assertThat(structured.keySet()).containsExactlyInAnyOrderElementsOf(types);
        assertThat(binary.keySet()).containsExactlyInAnyOrderElementsOf(types);
        for (EventType type : EventType.values()) {
            String dataSchema = "./schemas/" + type.schemaName() + ".schema.json";
            JsonNode envelope = structured.get(type.type()).at("/payload/schema/allOf");
            assertThat(envelope.at("/0/$ref").asText()).isEqualTo("./schemas/cloudevent-envelope.v1.schema.json");
            assertThat(envelope.at("/1/properties/type/const").asText()).isEqualTo(type.type());
            assertThat(envelope.at("/1/properties/dataschema/const").asText()).isEqualTo(type.dataSchema().toString());
            assertThat(envelope.at("/1/properties/data/$ref").asText()).isEqualTo(dataSchema);
            assertThat(asyncApi.at(structured.get(type.type()).at("/headers/$ref").asText().substring(1) + "/required"))
                    .extracting(JsonNode::asText).containsExactly("content-type");

            JsonNode headers = binary.get(type.type()).at("/headers/schema/allOf");
            assertThat(binary.get(type.type()).get("contentType").asText()).isEqualTo("application/json");
            assertThat(binary.get(type.type()).at("/payload/schema/$ref").asText()).isEqualTo(dataSchema);
            assertThat(headers.at("/0/$ref").asText()).isEqualTo("./schemas/cloudevent-binary-headers.v1.schema.json");
            assertThat(headers.at("/1/properties/ce_type/const").asText()).isEqualTo(type.type());
            assertThat(headers.at("/1/properties/ce_dataschema/const").asText()).isEqualTo(type.dataSchema().toString());
        }
    }

    /** The services write structured mode only; external systems and the services' consumers may use either. */
    @Test
    void theSuitesSendOperationsNameEveryStructuredMessageOfTheirChannelAndNoBinaryOne() {
        asyncApi.get("operations").fields().forEachRemaining(entry -> {
            JsonNode operation = entry.getValue();
            if (!"send".equals(operation.get("action").asText()) || operation.get("summary").asText().startsWith("external systems")) {
                assertThat(operation.has("messages")).as(entry.getKey()).isFalse();
                return;
            }
            JsonNode channel = asyncApi.at(operation.at("/channel/$ref").asText().substring(1));
            List<String> sent = new ArrayList<>();
            operation.get("messages").forEach(ref -> sent.add(ref.get("$ref").asText()));
            List<String> structured = new ArrayList<>();
            channel.get("messages").fields().forEachRemaining(message -> {
                if (STRUCTURED.equals(asyncApi.at(message.getValue().get("$ref").asText().substring(1)).get("contentType").asText())) {
                    structured.add(operation.at("/channel/$ref").asText() + "/messages/" + message.getKey());
                }
            });
            assertThat(sent).as(entry.getKey()).isNotEmpty().containsExactlyInAnyOrderElementsOf(structured);
        });
    }

    @Test
    void everyConsumedTopicHasADeadLetterTopic() {
        Set<String> addresses = new HashSet<>();
        asyncApi.get("channels").forEach(channel -> addresses.add(channel.get("address").asText()));
        Set<String> consumed = new HashSet<>();
        asyncApi.get("operations").forEach(operation -> {
            if ("receive".equals(operation.get("action").asText())) {
                consumed.add(channel(asyncApi.at(operation.at("/channel/$ref").asText().substring(1))));
            }
        });

        assertThat(consumed).isNotEmpty()
                .allSatisfy(topic -> assertThat(addresses).contains(topic + Topics.DLQ_SUFFIX));
    }

    @Test
    void everyTopicStatesPartitionsAndCleanupPolicy() {
        asyncApi.get("channels").forEach(channel -> {
            JsonNode kafka = channel.at("/bindings/kafka");
            assertThat(kafka.path("partitions").asInt()).as(channel.get("address").asText()).isPositive();
            assertThat(kafka.at("/topicConfiguration/cleanup.policy").isArray()).isTrue();
        });
    }

    /** Security review M3: other systems write each to its own topic, whose name says who produced a record. */
    @Test
    void everyChannelExternalSystemsWriteHasOneTopicPerProducer() {
        Set<String> external = new HashSet<>();
        asyncApi.get("operations").forEach(operation -> {
            if (operation.get("summary").asText().startsWith("external systems")) {
                external.add(operation.at("/channel/$ref").asText().substring("#/channels/".length()));
            }
        });
        assertThat(external).hasSize(2);
        asyncApi.get("channels").fields().forEachRemaining(entry -> {
            JsonNode channel = entry.getValue();
            boolean perProducer = channel.get("address").asText().endsWith(Topics.PER_PRODUCER_ADDRESS);
            assertThat(perProducer).as(entry.getKey()).isEqualTo(external.contains(entry.getKey()));
            assertThat(channel.at("/parameters/producer").isMissingNode()).as(entry.getKey()).isEqualTo(!perProducer);
        });
    }

    @Test
    void aProducersTopicNamesItsProducerAndNothingElseDoes() {
        String topic = Topics.ofProducer(Topics.INDICATORS_OBSERVATIONS, "igate");

        assertThat(topic).isEqualTo("indicators.observations.v1.from.igate");
        assertThat(Topics.producerOf(topic)).contains("igate");
        assertThat(Topics.producerOf(Topics.INDICATORS_OBSERVATIONS + Topics.DLQ_SUFFIX)).isEmpty();
        assertThat(Topics.producerOf(Topics.DIRECTORY_AGENCIES)).isEmpty();
        assertThat(Topics.producerOf("indicators.observations.v1.from.Bad Name")).isEmpty();
        assertThatThrownBy(() -> Topics.ofProducer(Topics.SIPAS_RESPONSES, "../igate")).isInstanceOf(IllegalArgumentException.class);
    }

    /** The channel a channel object carries (the address without its producer part). */
    private static String channel(JsonNode channel) {
        return channel.get("address").asText().replace(Topics.PER_PRODUCER_ADDRESS, "");
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(entry -> {
                if (entry.getKey().equals("$ref")) {
                    refs.add(entry.getValue().asText());
                } else {
                    collectRefs(entry.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}

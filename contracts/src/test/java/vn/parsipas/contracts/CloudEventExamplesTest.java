package vn.parsipas.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The envelope examples of contracts/examples/cloudevents: each event in structured and in binary
 * mode, valid against the envelope (or binary headers) schema and the data schema of its type.
 * That the platform's reader accepts them as they are is CloudEventExamplesReadTest's (platform).
 */
class CloudEventExamplesTest {
    private static final List<String> ATTRIBUTES = List.of("specversion", "id", "source", "type", "subject", "time", "dataschema");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theStructuredExampleIsAValidEnvelopeWhoseDataIsTheTypesExample(EventType type) throws Exception {
        JsonNode envelope = ContractFiles.json(ContractFiles.structuredExample(type));

        assertThat(JsonSchemas.validate(EventType.ENVELOPE_SCHEMA, envelope)).isEmpty();
        assertThat(JsonSchemas.validate(type, envelope.get("data"))).isEmpty();
        assertThat(envelope.get("type").asText()).isEqualTo(type.type());
        assertThat(envelope.get("dataschema").asText()).isEqualTo(type.dataSchema().toString());
        assertThat(envelope.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(envelope.get("data").equals(ContractFiles.NUMERICALLY, ContractFiles.json(ContractFiles.exampleFile(type))))
                .as("the data of %s is examples/%s.json", ContractFiles.structuredExample(type), type.schemaName()).isTrue();
        Event record = EventJson.mapper().treeToValue(envelope.get("data"), type.recordClass());
        assertThat(envelope.get("subject").asText()).isEqualTo(record.subject());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theBinaryExampleCarriesTheSameEventAsHeadersAndTheDataAsValue(EventType type) {
        JsonNode binary = ContractFiles.json(ContractFiles.binaryExample(type));
        JsonNode headers = binary.get("headers");
        JsonNode structured = ContractFiles.json(ContractFiles.structuredExample(type));

        assertThat(binary.fieldNames()).toIterable().containsExactly("headers", "value");
        assertThat(JsonSchemas.validate(EventType.BINARY_HEADERS_SCHEMA, headers)).isEmpty();
        assertThat(JsonSchemas.validate(type, binary.get("value"))).isEmpty();
        List<String> expectedHeaders = new ArrayList<>(ATTRIBUTES.stream().map(name -> "ce_" + name).toList());
        expectedHeaders.add("content-type");
        assertThat(headers.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(expectedHeaders);
        ATTRIBUTES.forEach(name -> assertThat(headers.get("ce_" + name)).as(name).isEqualTo(structured.get(name)));
        assertThat(headers.get("content-type")).isEqualTo(structured.get("datacontenttype"));
        assertThat(binary.get("value")).isEqualTo(structured.get("data"));
    }

    @Test
    void thereIsOneExampleOfEachEventTypeInEachModeAndNoOther() throws Exception {
        List<String> expected = Stream.of(EventType.values()).map(type -> type.schemaName() + ".json").toList();
        for (String mode : List.of("structured", "binary")) {
            try (Stream<Path> files = Files.list(ContractFiles.EXAMPLES.resolve("cloudevents").resolve(mode))) {
                assertThat(files.map(file -> file.getFileName().toString())).as(mode).containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    @Test
    void theEnvelopeNamesEveryEventTypeAndNoOther() {
        JsonNode types = ContractFiles.json(ContractFiles.SCHEMAS.resolve("cloudevent-envelope.v1.schema.json"))
                .at("/$defs/eventType/enum");

        assertThat(types).extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(Stream.of(EventType.values()).map(EventType::type).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"specversion", "id", "source", "type", "data"})
    void anEnvelopeWithoutARequiredAttributeIsRejectedNamingIt(String attribute) {
        ObjectNode envelope = (ObjectNode) ContractFiles.json(ContractFiles.structuredExample(EventType.TASK_OVERDUE));
        envelope.remove(attribute);

        assertThat(JsonSchemas.validate(EventType.ENVELOPE_SCHEMA, envelope)).extracting(SchemaViolation::field)
                .containsExactly(attribute);
    }

    @Test
    void binaryHeadersWithoutTheirAttributesOrContentTypeAreRejectedNamingThem() {
        ObjectNode headers = (ObjectNode) ContractFiles.json(ContractFiles.binaryExample(EventType.INDICATOR_OBSERVED)).get("headers");
        headers.remove(List.of("ce_id", "content-type"));
        headers.put("ce_specversion", "0.3");

        assertThat(JsonSchemas.validate(EventType.BINARY_HEADERS_SCHEMA, headers)).extracting(SchemaViolation::field)
                .containsExactlyInAnyOrder("ce_id", "content-type", "ce_specversion");
    }
}

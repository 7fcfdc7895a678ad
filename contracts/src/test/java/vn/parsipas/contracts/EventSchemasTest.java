package vn.parsipas.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class EventSchemasTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeHasASchemaWithItsOwnIdAndAnExample(EventType type) {
        assertThat(ContractFiles.schemaFile(type)).exists();
        assertThat(ContractFiles.exampleFile(type)).exists();
        JsonNode schema = ContractFiles.json(ContractFiles.schemaFile(type));
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo(type.dataSchema().toString());
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void everySchemaFileBelongsToAnEventTypeOrIsAKnownSharedOne() throws Exception {
        List<String> expected = new ArrayList<>(Stream.of(EventType.values())
                .map(type -> type.schemaName() + ".schema.json").toList());
        expected.add("common.v1.schema.json");
        expected.add("alert-webhook.v1.schema.json");
        expected.add("cloudevent-envelope.v1.schema.json");
        expected.add("cloudevent-binary-headers.v1.schema.json");
        try (Stream<java.nio.file.Path> files = Files.list(ContractFiles.SCHEMAS)) {
            assertThat(files.map(file -> file.getFileName().toString())).isSubsetOf(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyExampleValidatesAgainstItsSchema(EventType type) {
        JsonNode example = ContractFiles.json(ContractFiles.exampleFile(type));

        assertThat(JsonSchemas.validate(type, example)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyExampleRoundTripsThroughItsRecordAndTheSerialisedRecordValidates(EventType type) throws Exception {
        JsonNode example = ContractFiles.json(ContractFiles.exampleFile(type));

        Event record = EventJson.mapper().treeToValue(example, type.recordClass());
        JsonNode serialised = EventJson.mapper().valueToTree(record);

        assertThat(JsonSchemas.validate(type, serialised)).isEmpty();
        assertThat(serialised.equals(ContractFiles.NUMERICALLY, example))
                .as("record %s mirrors the example:%n%s%n%s", type.recordClass().getSimpleName(), serialised, example)
                .isTrue();
        assertThat(record.subject()).isNotBlank();
        assertThat(record.partitionKey()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aMissingRequiredFieldIsRejectedNamingTheField(EventType type) {
        JsonNode schema = ContractFiles.json(ContractFiles.schemaFile(type));
        for (JsonNode required : schema.get("required")) {
            ObjectNode document = example(type);
            document.remove(required.asText());

            assertThat(JsonSchemas.validate(type, document))
                    .as("without %s", required.asText())
                    .extracting(SchemaViolation::field)
                    .containsExactly(required.asText());
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aValueOfTheWrongTypeIsRejectedNamingTheField(EventType type) {
        JsonNode properties = ContractFiles.json(ContractFiles.schemaFile(type)).get("properties");
        properties.fieldNames().forEachRemaining(field -> {
            ObjectNode document = example(type);
            boolean objectTyped = ContractFiles.resolve(properties.get(field)).path("type").toString().contains("object");
            if (objectTyped) {
                document.put(field, 42);
            } else {
                document.putObject(field).put("unexpected", true);
            }

            assertThat(JsonSchemas.validate(type, document))
                    .as("%s of the wrong type", field)
                    .isNotEmpty()
                    .allSatisfy(violation -> assertThat(violation.field()).startsWith(field));
        });
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void anUnknownEnumValueIsRejected(EventType type) {
        JsonNode properties = ContractFiles.json(ContractFiles.schemaFile(type)).get("properties");
        properties.fieldNames().forEachRemaining(field -> {
            if (!ContractFiles.resolve(properties.get(field)).has("enum")) {
                return;
            }
            ObjectNode document = example(type);
            document.put(field, "not-a-known-value");

            assertThat(JsonSchemas.validate(type, document))
                    .as("%s = not-a-known-value", field)
                    .extracting(SchemaViolation::field)
                    .containsOnly(field);
        });
    }

    @Test
    void anUnknownPropertyIsRejected() {
        ObjectNode document = example(EventType.INDICATOR_OBSERVED);
        document.put("valu", 12);

        assertThat(JsonSchemas.validate(EventType.INDICATOR_OBSERVED, document)).isNotEmpty();
    }

    @Test
    void formatsAndRangesAreAsserted() {
        ObjectNode badDate = example(EventType.TASK_OVERDUE);
        badDate.put("deadline", "31/12/2025");
        ObjectNode badPercent = example(EventType.SATISFACTION_INDEX_UPDATED);
        badPercent.put("satisfiedPercent", 120.5);
        ObjectNode badScore = example(EventType.SURVEY_RESPONSE_SUBMITTED);
        ((ObjectNode) badScore.get("answers").get(1)).put("score", 6);
        ObjectNode badPeriod = example(EventType.INDICATOR_OBSERVED);
        badPeriod.put("period", "2025-13");

        assertThat(JsonSchemas.validate(EventType.TASK_OVERDUE, badDate))
                .extracting(SchemaViolation::field).containsExactly("deadline");
        assertThat(JsonSchemas.validate(EventType.SATISFACTION_INDEX_UPDATED, badPercent))
                .extracting(SchemaViolation::field).containsExactly("satisfiedPercent");
        assertThat(JsonSchemas.validate(EventType.SURVEY_RESPONSE_SUBMITTED, badScore))
                .extracting(SchemaViolation::field).containsExactly("answers[1].score");
        assertThat(JsonSchemas.validate(EventType.INDICATOR_OBSERVED, badPeriod))
                .extracting(SchemaViolation::field).containsExactly("period");
    }

    @Test
    void vietnameseTextSurvivesTheRoundTrip() throws Exception {
        JsonNode example = ContractFiles.json(ContractFiles.exampleFile(EventType.AGENCY_UPSERTED));
        byte[] bytes = EventJson.mapper().writeValueAsBytes(
                EventJson.mapper().treeToValue(example, EventType.AGENCY_UPSERTED.recordClass()));

        assertThat(EventJson.mapper().readTree(bytes).get("name").asText()).isEqualTo("Sở Khoa học và Công nghệ");
    }

    private static ObjectNode example(EventType type) {
        return (ObjectNode) ContractFiles.json(ContractFiles.exampleFile(type)).deepCopy();
    }
}

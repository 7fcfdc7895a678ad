package vn.parsipas.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Reads the contract files as an external system would: from contracts/, not from the classpath. */
final class ContractFiles {
    static final Path SCHEMAS = Path.of("schemas");
    static final Path EXAMPLES = Path.of("examples");
    static final Path ASYNCAPI = Path.of("asyncapi.yaml");

    /** JSON equality where 62.4 and 62.40 are the same number. */
    static final Comparator<JsonNode> NUMERICALLY = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private ContractFiles() {
    }

    static Path schemaFile(EventType type) {
        return SCHEMAS.resolve(type.schemaName() + ".schema.json");
    }

    static Path exampleFile(EventType type) {
        return EXAMPLES.resolve(type.schemaName() + ".json");
    }

    /** A whole CloudEvent of the type as a structured-mode record's value (the envelope). */
    static Path structuredExample(EventType type) {
        return EXAMPLES.resolve("cloudevents/structured/" + type.schemaName() + ".json");
    }

    /** A whole CloudEvent of the type in binary mode: {@code {"headers": {...}, "value": <data>}}. */
    static Path binaryExample(EventType type) {
        return EXAMPLES.resolve("cloudevents/binary/" + type.schemaName() + ".json");
    }

    static JsonNode json(Path file) {
        try {
            return EventJson.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode yaml(Path file) {
        try {
            return new ObjectMapper(new YAMLMapper().getFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The definition of a property, following a $ref into common.v1 and the non-null branch of anyOf. */
    static JsonNode resolve(JsonNode definition) {
        if (definition.has("$ref")) {
            String ref = definition.get("$ref").asText();
            String pointer = ref.substring(ref.indexOf('#') + 1);
            return resolve(json(SCHEMAS.resolve(ref.substring(0, ref.indexOf('#')))).at(pointer));
        }
        if (definition.has("anyOf")) {
            for (JsonNode branch : definition.get("anyOf")) {
                if (!"null".equals(branch.path("type").asText())) {
                    return resolve(branch);
                }
            }
        }
        return definition;
    }
}

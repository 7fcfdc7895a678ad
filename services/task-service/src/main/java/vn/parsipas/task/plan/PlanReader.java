package vn.parsipas.task.plan;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import vn.parsipas.contracts.JsonSchemas;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.problem.Problem.FieldError;
import vn.parsipas.task.Json;

/**
 * Reads a plan file (YAML or JSON): parses it, validates it against deploy/plans/plan.schema.json and
 * the checks beyond the schema, and reports every error with its path. Its hash is taken over the
 * canonical JSON (keys sorted), so comments and layout do not make a new version.
 */
public final class PlanReader {
    static final String SCHEMA = "classpath:plans/plan.schema.json";
    private static final int MAX_ERRORS = 200;
    private static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()));
    private static final ObjectMapper JSON = configure(JsonMapper.builder().build());
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private PlanReader() {
    }

    /** A valid plan file: its content, the document as JSON, and the hash that identifies its version. */
    record ParsedPlan(PlanContent content, String document, String hash) {
        String planId() {
            return content.file().plan().id();
        }
    }

    static ParsedPlan read(byte[] body, boolean yaml) {
        JsonNode document;
        try {
            document = (yaml ? YAML : JSON).readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new InvalidInputException("", "is not valid " + (yaml ? "YAML" : "JSON") + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException("", "cannot be read: " + e.getMessage());
        }
        if (document == null || document.isMissingNode() || !document.isObject()) {
            throw new InvalidInputException("", "must be a plan document (an object with apiVersion, plan, agencies, ...)");
        }
        fail(JsonSchemas.validate(SCHEMA, document).stream().map(v -> new FieldError(v.field(), v.message())).toList());
        try {
            PlanFile file = JSON.treeToValue(document, PlanFile.class);
            fail(PlanChecks.check(file));
            byte[] canonical = CANONICAL.writeValueAsBytes(CANONICAL.treeToValue(document, Object.class));
            return new ParsedPlan(PlanContent.of(file), JSON.writeValueAsString(document), Json.sha256(canonical));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan that passed its schema could not be mapped", e);
        }
    }

    private static void fail(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors);
        }
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}

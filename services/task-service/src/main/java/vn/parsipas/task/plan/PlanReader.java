package vn.parsipas.task.plan;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import vn.parsipas.contracts.JsonSchemas;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.problem.Problem.FieldError;
import vn.parsipas.platform.text.Sha256;
import vn.parsipas.task.plan.workbook.PlanWorkbook;

/**
 * Reads a plan file (YAML, JSON or the XLSX template): parses it, validates it against
 * deploy/plans/plan.schema.json and the checks beyond the schema, and reports every error with its
 * path (for a workbook: its sheet, row and column). Its hash is taken over the canonical JSON (keys
 * sorted, numbers without trailing zeros), so comments, layout and format do not make a new version.
 */
public final class PlanReader {
    static final String SCHEMA = "classpath:plans/plan.schema.json";
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final int MAX_ERRORS = 200;
    private static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()));
    private static final ObjectMapper JSON = configure(JsonMapper.builder().build());
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private PlanReader() {
    }

    /** A valid plan file: its content, the document as JSON, the hash of its version, and what the checker warns about. */
    public record ParsedPlan(PlanContent content, JsonNode document, String hash, List<PlanWarning> warnings, int acceptedWarnings) {
        String planId() {
            return content.file().plan().id();
        }

        String documentJson() {
            return document.toString();
        }
    }

    public static ParsedPlan read(byte[] body, PlanFormat format) {
        if (format == PlanFormat.XLSX) {
            PlanWorkbook.Parsed workbook = PlanWorkbook.read(body);
            return validate(workbook.plan(), workbook::locate);
        }
        return validate(parse(body, format == PlanFormat.YAML), UnaryOperator.identity());
    }

    /** The plan document of a YAML or JSON file, not validated (errors of syntax only). */
    public static JsonNode parse(byte[] body, boolean yaml) {
        JsonNode document;
        try {
            document = (yaml ? YAML : JSON).readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (dòng " + e.getLocation().getLineNr() + ", cột " + e.getLocation().getColumnNr() + ")";
            throw new InvalidInputException("", "không phải " + (yaml ? "YAML" : "JSON") + " hợp lệ" + where + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException("", "không đọc được: " + e.getMessage());
        }
        if (document == null || document.isMissingNode() || !document.isObject()) {
            throw new InvalidInputException("", "phải là một kế hoạch (đối tượng có apiVersion, plan, agencies, ...)");
        }
        return document;
    }

    private static ParsedPlan validate(JsonNode document, UnaryOperator<FieldError> locate) {
        fail(JsonSchemas.validate(SCHEMA, document, VIETNAMESE).stream().map(v -> locate.apply(new FieldError(v.field(), v.message()))).toList());
        try {
            PlanFile file = JSON.treeToValue(document, PlanFile.class);
            fail(PlanChecks.check(file).stream().map(locate).toList());
            PlanWarnings.Result warnings = PlanWarnings.of(file);
            List<PlanWarning> located = warnings.warnings().stream().map(w -> {
                FieldError at = locate.apply(new FieldError(w.field(), w.message()));
                return new PlanWarning(at.field(), w.code(), at.message());
            }).toList();
            byte[] canonical = CANONICAL.writeValueAsBytes(CANONICAL.treeToValue(canonical(document), Object.class));
            return new ParsedPlan(PlanContent.of(file), document, Sha256.hex(canonical), located, warnings.accepted());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan that passed its schema could not be mapped", e);
        }
    }

    /** The same document with every number in its shortest form: 80.10 and 80.1, 2740.0 and 2740 are one value. */
    private static JsonNode canonical(JsonNode node) {
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue().stripTrailingZeros();
            return value.scale() <= 0 ? JsonNodeFactory.instance.numberNode(value.toBigIntegerExact())
                    : JsonNodeFactory.instance.numberNode(value);
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(field -> copy.set(field.getKey(), canonical(field.getValue())));
            return copy;
        }
        if (node.isArray()) {
            var copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(canonical(item)));
            return copy;
        }
        return node;
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

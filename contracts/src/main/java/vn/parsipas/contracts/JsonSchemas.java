package vn.parsipas.contracts;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Validates JSON documents against the JSON Schemas (2020-12) of the contracts, or any other
 * schema on the classpath (e.g. the plan file's). Formats (date, date-time, email, uri) are
 * asserted, not just annotated.
 */
public final class JsonSchemas {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(EventType.SCHEMA_BASE, "classpath:schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_PATH)
            .build();
    private static final Pattern QUOTED = Pattern.compile("'([^']{41,})'");
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private JsonSchemas() {
    }

    /** Violations of the event type's schema; empty when the data is valid. */
    public static List<SchemaViolation> validate(EventType type, JsonNode data) {
        if (type == EventType.SURVEY_RESPONSE_SUBMITTED && JsonLimits.violations(data).isEmpty() && ConformingResponses.conforms(data)) {
            return List.of(); // the common case of the busiest document, checked without the generic validator
        }
        return validate(type.dataSchema().toString(), data);
    }

    /**
     * Violations of the schema at a URI ({@code classpath:...} or a contracts $id). A document with a
     * number or a text out of {@link JsonLimits} gets only those violations: the schema is not
     * evaluated on values nobody should expand.
     */
    public static List<SchemaViolation> validate(String schemaUri, JsonNode document) {
        return validate(schemaUri, document, Locale.ENGLISH);
    }

    /** The same, with messages in a language the reader reads (the plan file's authors read Vietnamese). */
    public static List<SchemaViolation> validate(String schemaUri, JsonNode document, Locale locale) {
        List<SchemaViolation> outOfBounds = JsonLimits.violations(document);
        if (!outOfBounds.isEmpty()) {
            return outOfBounds;
        }
        JsonSchema schema = CACHE.computeIfAbsent(schemaUri, uri -> FACTORY.getSchema(SchemaLocation.of(uri), CONFIG));
        return schema.validate(document, (Consumer<ExecutionContext>) context -> context.getExecutionConfig().setLocale(locale)).stream()
                .map(JsonSchemas::toViolation)
                .distinct()
                .sorted(Comparator.comparing(SchemaViolation::field).thenComparing(SchemaViolation::message))
                .toList();
    }

    private static SchemaViolation toViolation(ValidationMessage message) {
        String path = message.getInstanceLocation().toString();
        String field = path.equals("$") ? "" : path.startsWith("$.") ? path.substring(2) : path.substring(1);
        if ("required".equals(message.getType()) && message.getProperty() != null) {
            field = field.isEmpty() ? message.getProperty() : field + "." + message.getProperty();
        }
        // a property name quoted in the message comes from the document: clipped, on one line
        String text = QUOTED.matcher(message.getMessage().replaceFirst("^\\$[^:]*: ", ""))
                .replaceAll(quoted -> Matcher.quoteReplacement("'" + JsonLimits.clip(quoted.group(1)) + "'"));
        return new SchemaViolation(JsonLimits.oneLine(field, 200), JsonLimits.oneLine(text, 300));
    }
}

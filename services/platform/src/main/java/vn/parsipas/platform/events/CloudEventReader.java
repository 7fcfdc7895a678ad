package vn.parsipas.platform.events;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.parsipas.contracts.Event;
import vn.parsipas.contracts.EventJson;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.JsonLimits;
import vn.parsipas.contracts.JsonSchemas;
import vn.parsipas.contracts.SchemaViolation;
import vn.parsipas.contracts.Topics;
import vn.parsipas.platform.tracing.Traceparent;

/**
 * Reads a Kafka record as a CloudEvent in binary mode ({@code ce_*} headers, the value is the
 * data) or structured mode (the value is the JSON envelope), then checks it against the contract.
 *
 * <p>This parsing is ours rather than SmallRye's incoming CloudEvents support because SmallRye
 * fails the whole consumer on a malformed structured envelope (SRMSG18249); here such a record
 * is one {@link InvalidEventException} and goes to the dead-letter topic.
 */
public final class CloudEventReader {
    static final String CONTENT_TYPE = "content-type";
    static final String STRUCTURED = "application/cloudevents+json";
    /** The data is JSON: application/json, parameters (charset) allowed, in any case as media types are. */
    private static final Pattern JSON_MEDIA_TYPE = Pattern.compile("application/json( *;.*)?", Pattern.CASE_INSENSITIVE);
    private static final int MAX_REASON_VIOLATIONS = 10;

    private CloudEventReader() {
    }

    public static ReceivedEvent read(byte[] value, Headers headers, String topic, int partition, long offset,
            Set<EventType> accepted) {
        if (value == null || value.length == 0) {
            throw new InvalidEventException("empty record value: expected a CloudEvent");
        }
        String text = strictUtf8(value);
        Envelope envelope = header(headers, "ce_specversion") != null
                ? binary(headers, text)
                : structured(text, header(headers, CONTENT_TYPE));
        requireProducerSource(topic, envelope.source);
        EventType type = EventType.ofType(envelope.type)
                .filter(accepted::contains)
                .orElseThrow(() -> new InvalidEventException("unexpected CloudEvent type '" + JsonLimits.clip(envelope.type)
                        + "' on " + topic + "; accepted: "
                        + accepted.stream().map(EventType::type).sorted().collect(Collectors.joining(", "))));
        if (envelope.dataSchema != null && !envelope.dataSchema.equals(type.dataSchema().toString())) {
            throw new InvalidEventException("CloudEvent attribute 'dataschema' of " + type.type() + " must be "
                    + type.dataSchema() + ", was '" + JsonLimits.clip(envelope.dataSchema) + "'");
        }
        return new ReceivedEvent(envelope.id, envelope.source, type, envelope.subject, envelope.time,
                toRecord(type, envelope.data), topic, partition, offset, traceparent(headers, envelope));
    }

    private record Envelope(String id, String source, String type, String subject, Instant time, String dataSchema,
            JsonNode data, String traceparent) {
    }

    /**
     * The trace the record continues: the Kafka {@code traceparent} header (the publishing span), else the
     * CloudEvents distributed-tracing extension ({@code ce_traceparent} or the envelope's {@code traceparent}).
     * A malformed one is ignored, never a reason to refuse the record.
     */
    private static String traceparent(Headers headers, Envelope envelope) {
        String header = Traceparent.valid(header(headers, Traceparent.HEADER));
        return header != null ? header : Traceparent.valid(envelope.traceparent);
    }

    /** Binary mode: the attributes are ce_* headers, the data's media type is the content-type header. */
    private static Envelope binary(Headers headers, String text) {
        return envelope(new Attributes(header(headers, "ce_specversion"), header(headers, "ce_id"), header(headers, "ce_source"),
                header(headers, "ce_type"), header(headers, "ce_subject"), header(headers, "ce_time"),
                header(headers, CONTENT_TYPE), header(headers, "ce_dataschema"), header(headers, "ce_traceparent")),
                parse(text, "value"));
    }

    private static Envelope structured(String text, String contentType) {
        JsonNode json = parse(text, "CloudEvent envelope");
        if (!json.isObject() || !json.has("specversion")) {
            throw new InvalidEventException("not a CloudEvent: no ce_specversion header and the value is not a "
                    + "structured envelope" + (contentType == null ? "" : " (content-type " + contentType + ")"));
        }
        return envelope(new Attributes(text(json, "specversion"), text(json, "id"), text(json, "source"), text(json, "type"),
                text(json, "subject"), text(json, "time"), text(json, "datacontenttype"), text(json, "dataschema"),
                text(json, Traceparent.HEADER)), json.get("data"));
    }

    private record Attributes(String specVersion, String id, String source, String type, String subject, String time,
            String dataContentType, String dataSchema, String traceparent) {
    }

    private static Envelope envelope(Attributes attributes, JsonNode data) {
        String specVersion = attributes.specVersion;
        if (!"1.0".equals(specVersion)) {
            throw new InvalidEventException("specversion must be 1.0, was '" + (specVersion == null ? null : JsonLimits.clip(specVersion)) + "'");
        }
        requireAttribute("id", attributes.id);
        requireAttribute("source", attributes.source);
        requireAttribute("type", attributes.type);
        if (attributes.subject != null) {
            checkAttribute("subject", attributes.subject);
        }
        if (attributes.dataContentType != null && !JSON_MEDIA_TYPE.matcher(attributes.dataContentType).matches()) {
            throw new InvalidEventException("datacontenttype must be application/json, was '"
                    + JsonLimits.clip(attributes.dataContentType) + "'");
        }
        if (attributes.dataSchema != null) {
            checkAttribute("dataschema", attributes.dataSchema);
        }
        if (data == null || !data.isObject()) {
            throw new InvalidEventException("data must be a JSON object");
        }
        return new Envelope(attributes.id, attributes.source, attributes.type, attributes.subject, parseTime(attributes.time),
                attributes.dataSchema, data, attributes.traceparent);
    }

    /**
     * On a producer's own topic the topic says who wrote the record (only that principal may write
     * it): a record claiming another source would write under another system's name and event ids.
     */
    private static void requireProducerSource(String topic, String source) {
        Topics.producerOf(topic).map(Topics::sourceOf).filter(expected -> !expected.equals(source)).ifPresent(expected -> {
            throw new InvalidEventException("CloudEvent source '" + source + "' is not the producer of " + topic
                    + ": its records must have source '" + expected + "'");
        });
    }

    private static Event toRecord(EventType type, JsonNode data) {
        List<SchemaViolation> violations = JsonSchemas.validate(type, data);
        if (!violations.isEmpty()) {
            throw new InvalidEventException("data breaks " + type.dataSchema() + ": " + violations.stream()
                    .limit(MAX_REASON_VIOLATIONS).map(SchemaViolation::toString).collect(Collectors.joining("; ")));
        }
        try {
            return EventJson.mapper().treeToValue(data, type.recordClass());
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("data does not map to " + type.recordClass().getSimpleName() + ": "
                    + e.getOriginalMessage());
        }
    }

    private static void requireAttribute(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("CloudEvent attribute '" + name + "' is missing");
        }
        checkAttribute(name, value);
    }

    private static void checkAttribute(String name, String value) {
        if (value.length() > 500) {
            throw new InvalidEventException("CloudEvent attribute '" + name + "' is longer than 500 characters");
        }
        // attributes go into the inbox (PostgreSQL refuses NUL), log lines and headers: one line, no control character
        String problem = JsonLimits.lineProblem(value);
        if (problem != null) {
            throw new InvalidEventException("CloudEvent attribute '" + name + "' " + problem);
        }
    }

    private static Instant parseTime(String time) {
        if (time == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("CloudEvent attribute 'time' is not an RFC 3339 timestamp: " + JsonLimits.clip(time));
        }
    }

    private static JsonNode parse(String text, String what) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(what + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
    }

    static String header(Headers headers, String name) {
        if (headers == null) {
            return null;
        }
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String strictUtf8(byte[] value) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidEventException("record value is not valid UTF-8");
        }
    }

    /** Makes a structured envelope, as an external producer would write it (used by tests and tools). */
    public static ObjectNode envelope(EventType type, String id, String source, String subject, JsonNode data) {
        ObjectNode envelope = EventJson.mapper().createObjectNode();
        envelope.put("specversion", "1.0").put("id", id).put("source", source).put("type", type.type());
        if (subject != null) {
            envelope.put("subject", subject);
        }
        envelope.put("datacontenttype", "application/json").put("dataschema", type.dataSchema().toString());
        envelope.set("data", data);
        return envelope;
    }
}

package vn.parsipas.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.parsipas.contracts.EventJson;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.JsonSchemas;
import vn.parsipas.contracts.Topics;
import vn.parsipas.platform.events.CloudEventReader;
import vn.parsipas.platform.events.InvalidEventException;
import vn.parsipas.platform.events.ReceivedEvent;

/**
 * The envelope examples of contracts/examples/cloudevents are what the consumers accept: each is fed
 * to {@link CloudEventReader} as a Kafka record would bring it (structured: the file is the value;
 * binary: its headers and value), and what the envelope schema refuses the reader refuses too.
 */
class CloudEventExamplesReadTest {
    private static final Path EXAMPLES = Path.of("../../contracts/examples/cloudevents");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theStructuredExampleIsReadAsItsEvent(EventType type) throws Exception {
        JsonNode envelope = json("structured", type);

        ReceivedEvent event = readStructured(type, envelope);

        assertThat(event.id()).isEqualTo(envelope.get("id").asText());
        assertThat(event.source()).isEqualTo(envelope.get("source").asText());
        assertThat(event.type()).isEqualTo(type);
        assertThat(event.subject()).isEqualTo(envelope.get("subject").asText());
        assertThat(event.time()).isEqualTo(Instant.parse(envelope.get("time").asText()));
        assertThat(event.data()).isEqualTo(EventJson.mapper().treeToValue(envelope.get("data"), type.recordClass()));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theBinaryExampleIsReadThroughTheBinaryPathAsTheSameEvent(EventType type) {
        JsonNode binary = json("binary", type);

        ReceivedEvent event = readBinary(type, binary);

        assertThat(event.id()).isEqualTo(binary.at("/headers/ce_id").asText());
        assertThat(event).isEqualTo(readStructured(type, json("structured", type)));
    }

    @Test
    void whatTheEnvelopeSchemaRefusesTheReaderRefuses() {
        Map<String, Consumer<ObjectNode>> mutations = Map.ofEntries(
                Map.entry("specversion 0.3", envelope -> envelope.put("specversion", "0.3")),
                Map.entry("no id", envelope -> envelope.remove("id")),
                Map.entry("empty id", envelope -> envelope.put("id", "")),
                Map.entry("id on two lines", envelope -> envelope.put("id", "overdue\nforged")),
                Map.entry("source of 501 characters", envelope -> envelope.put("source", "/" + "x".repeat(500))),
                Map.entry("no type", envelope -> envelope.remove("type")),
                Map.entry("subject with NUL", envelope -> envelope.put("subject", "task\u0000")),
                Map.entry("time not RFC 3339", envelope -> envelope.put("time", "31/12/2025 17:00")),
                Map.entry("XML data", envelope -> envelope.put("datacontenttype", "application/xml")),
                Map.entry("data not an object", envelope -> envelope.put("data", "overdue")),
                Map.entry("no data", envelope -> envelope.remove("data")));
        mutations.forEach((name, mutation) -> {
            ObjectNode envelope = (ObjectNode) json("structured", EventType.TASK_OVERDUE);
            mutation.accept(envelope);

            assertThat(JsonSchemas.validate(EventType.ENVELOPE_SCHEMA, envelope)).as(name).isNotEmpty();
            assertThatThrownBy(() -> readStructured(EventType.TASK_OVERDUE, envelope)).as(name)
                    .isInstanceOf(InvalidEventException.class);
        });
    }

    @Test
    void binaryHeadersTheSchemaRefusesTheReaderRefuses() {
        for (String refused : new String[] {"ce_time=yesterday", "ce_id=", "ce_specversion=0.3", "content-type=text/plain"}) {
            ObjectNode binary = (ObjectNode) json("binary", EventType.INDICATOR_OBSERVED);
            String[] header = refused.split("=", 2);
            ((ObjectNode) binary.get("headers")).put(header[0], header[1]);

            assertThat(JsonSchemas.validate(EventType.BINARY_HEADERS_SCHEMA, binary.get("headers"))).as(refused).isNotEmpty();
            assertThatThrownBy(() -> readBinary(EventType.INDICATOR_OBSERVED, binary)).as(refused)
                    .isInstanceOf(InvalidEventException.class);
        }
    }

    /** asyncapi.yaml pairs each type with its dataschema: another type's is refused, naming the right one. */
    @Test
    void aDataschemaOtherThanTheTypesIsRefusedInEitherMode() {
        String other = EventType.TASK_DUE_SOON.dataSchema().toString();
        ObjectNode envelope = (ObjectNode) json("structured", EventType.TASK_OVERDUE);
        envelope.put("dataschema", other);
        ObjectNode binary = (ObjectNode) json("binary", EventType.TASK_OVERDUE);
        ((ObjectNode) binary.get("headers")).put("ce_dataschema", other);

        assertThatThrownBy(() -> readStructured(EventType.TASK_OVERDUE, envelope)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("'dataschema'").hasMessageContaining(EventType.TASK_OVERDUE.dataSchema().toString());
        assertThatThrownBy(() -> readBinary(EventType.TASK_OVERDUE, binary)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("'dataschema'");
    }

    private static ReceivedEvent readStructured(EventType type, JsonNode envelope) {
        Headers headers = new RecordHeaders().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        return CloudEventReader.read(envelope.toString().getBytes(StandardCharsets.UTF_8), headers,
                topic(type, envelope.path("source").asText()), 0, 0, Set.of(type));
    }

    private static ReceivedEvent readBinary(EventType type, JsonNode binary) {
        Headers headers = new RecordHeaders();
        binary.get("headers").fields().forEachRemaining(header ->
                headers.add(header.getKey(), header.getValue().asText().getBytes(StandardCharsets.UTF_8)));
        return CloudEventReader.read(binary.get("value").toString().getBytes(StandardCharsets.UTF_8), headers,
                topic(type, binary.at("/headers/ce_source").asText()), 0, 0, Set.of(type));
    }

    /** The topic the event travels on: an external system's events on its own topic of the channel. */
    private static String topic(EventType type, String source) {
        return source.startsWith("/parsipas/") ? type.topic() : Topics.ofProducer(type.topic(), source.substring(1));
    }

    private static JsonNode json(String mode, EventType type) {
        try {
            return EventJson.mapper().readTree(EXAMPLES.resolve(mode).resolve(type.schemaName() + ".json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

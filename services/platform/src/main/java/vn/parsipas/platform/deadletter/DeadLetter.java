package vn.parsipas.platform.deadletter;

import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_CAUSE;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_REASON;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_TOPIC;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import vn.parsipas.contracts.EventJson;
import vn.parsipas.contracts.JsonLimits;
import vn.parsipas.platform.events.DeadLetterHeaders;

/**
 * A dead-lettered record as an operator sees it: where it is, why it was refused, its headers, the
 * CloudEvent it carries (when it is readable as one) and the shape of its body ({@link BodyPreview}).
 */
@Schema(description = "A record a consumer of this service refused, as it waits in a dead-letter topic")
public record DeadLetter(
        @Schema(description = "partition of the dead-letter topic") int partition,
        @Schema(description = "offset in that partition; with the partition, what a selection names") long offset,
        @Schema(description = "the record's key (the aggregate id)", nullable = true) String key,
        @Schema(description = "why it was refused (header dead-letter-reason)") String reason,
        @Schema(description = "the failure behind the reason (header dead-letter-cause)", nullable = true) String cause,
        @Schema(description = "the topic it was read from, where a replay sends it (header dead-letter-topic)", nullable = true)
        String originalTopic,
        @Schema(description = "CloudEvent id; a replay keeps it, so a consumer that applied the event skips it", nullable = true)
        String eventId,
        @Schema(description = "CloudEvent type", nullable = true) String eventType,
        @Schema(description = "CloudEvent source", nullable = true) String eventSource,
        @Schema(description = "CloudEvent subject", nullable = true) String subject,
        @Schema(description = "when it was dead-lettered") Instant deadLetteredAt,
        @Schema(description = "every header of the dead letter (dead-letter-*, content-type, ce_*), one line each")
        Map<String, String> headers,
        @Schema(description = "the body's shape: CloudEvent attributes kept, every data value replaced by its JSON type "
                + "(operators see no business data); at most 1000 characters") String body) {

    private static final int MAX_HEADER = 1000;
    private static final String NO_REASON = "(no reason given)";

    static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        Headers headers = record.headers();
        boolean binary = headers.lastHeader("ce_specversion") != null;
        JsonNode envelope = binary ? null : envelope(record.value());
        return new DeadLetter(record.partition(), record.offset(), text(record.key()),
                header(headers, DEAD_LETTER_REASON) == null ? NO_REASON : header(headers, DEAD_LETTER_REASON),
                header(headers, DEAD_LETTER_CAUSE), header(headers, DEAD_LETTER_TOPIC),
                attribute(headers, envelope, "id"), attribute(headers, envelope, "type"), attribute(headers, envelope, "source"),
                attribute(headers, envelope, "subject"), Instant.ofEpochMilli(record.timestamp()), all(headers),
                BodyPreview.of(record.value(), !binary));
    }

    /** The service whose consumer refused it; null for a dead letter written before the header existed. */
    static String service(ConsumerRecord<byte[], byte[]> record) {
        return header(record.headers(), DeadLetterHeaders.SERVICE);
    }

    private static Map<String, String> all(Headers headers) {
        Map<String, String> all = new LinkedHashMap<>();
        for (Header header : headers) {
            all.put(JsonLimits.oneLine(header.key(), MAX_HEADER), text(header.value()));
        }
        return all;
    }

    private static String attribute(Headers headers, JsonNode envelope, String name) {
        if (envelope == null) {
            return header(headers, "ce_" + name);
        }
        JsonNode value = envelope.get(name);
        return value != null && value.isTextual() ? JsonLimits.oneLine(value.asText(), MAX_HEADER) : null;
    }

    private static JsonNode envelope(byte[] value) {
        try {
            JsonNode json = EventJson.mapper().readTree(value);
            return json != null && json.isObject() ? json : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : text(header.value());
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : JsonLimits.oneLine(new String(bytes, StandardCharsets.UTF_8), MAX_HEADER);
    }
}

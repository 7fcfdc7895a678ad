package vn.parsipas.platform.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.json.JsonObject;
import vn.parsipas.platform.tracing.Traceparent;

/**
 * The CloudEvents conventions of the suite on top of SmallRye's Kafka CloudEvents support: the
 * connector writes a structured envelope (content-type application/cloudevents+json) with these
 * attributes; the Kafka key is the aggregate id so an aggregate's events stay in one partition.
 */
final class OutgoingEvents {
    private OutgoingEvents() {
    }

    /**
     * {@code traceparent}: the trace context the event was written in, as the CloudEvents distributed-tracing
     * extension (an attribute of the structured envelope); {@code publishing}: the relay's span, as the Kafka
     * {@code traceparent} header a consumer continues. Either may be null (no trace).
     */
    static Message<JsonObject> message(JsonObject data, String topic, String key, String id, String type,
            String source, String subject, String dataSchema, OffsetDateTime time, String traceparent, String publishing) {
        var builder = OutgoingCloudEventMetadata.builder()
                .withId(id)
                .withType(type)
                .withSource(URI.create(source))
                .withSubject(subject)
                .withDataSchema(URI.create(dataSchema))
                .withDataContentType("application/json")
                .withTimestamp(time.atZoneSameInstant(ZoneOffset.UTC));
        if (traceparent != null) {
            builder = builder.withExtension(Traceparent.HEADER, traceparent);
        }
        OutgoingCloudEventMetadata<Object> cloudEvent = builder.build();
        RecordHeaders headers = new RecordHeaders();
        if (publishing != null) {
            headers.add(Traceparent.HEADER, publishing.getBytes(StandardCharsets.US_ASCII));
        }
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic)
                .withKey(key)
                .withHeaders(headers)
                .build();
        return Message.of(data, Metadata.of(cloudEvent, record));
    }
}

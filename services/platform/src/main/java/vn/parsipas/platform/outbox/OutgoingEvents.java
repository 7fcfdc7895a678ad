package vn.parsipas.platform.outbox;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.json.JsonObject;

/**
 * The CloudEvents conventions of the suite on top of SmallRye's Kafka CloudEvents support: the
 * connector writes a structured envelope (content-type application/cloudevents+json) with these
 * attributes; the Kafka key is the aggregate id so an aggregate's events stay in one partition.
 */
final class OutgoingEvents {
    private OutgoingEvents() {
    }

    static Message<JsonObject> message(JsonObject data, String topic, String key, String id, String type,
            String source, String subject, String dataSchema, OffsetDateTime time) {
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(id)
                .withType(type)
                .withSource(URI.create(source))
                .withSubject(subject)
                .withDataSchema(URI.create(dataSchema))
                .withDataContentType("application/json")
                .withTimestamp(time.atZoneSameInstant(ZoneOffset.UTC))
                .build();
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic)
                .withKey(key)
                .build();
        return Message.of(data, Metadata.of(cloudEvent, record));
    }
}

package vn.parsipas.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A government system writing CloudEvents to Kafka with a plain producer: the envelope is built
 * here from the contracts' files (example payloads, schema $id), not from the project's classes.
 */
final class ExternalProducer implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;
    private final Path contracts;

    ExternalProducer(String bootstrapServers, Path repo) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "300000");
        producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        contracts = repo.resolve("contracts");
    }

    /** The contract's example payload of an event, e.g. {@code task-overdue.v1}, to modify. */
    ObjectNode example(String schemaName) {
        try {
            return (ObjectNode) SystemUnderTest.JSON.readTree(contracts.resolve("examples/" + schemaName + ".json").toFile());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A structured-mode CloudEvent envelope around {@code data}. */
    String envelope(String id, String type, String schemaName, String source, String subject, JsonNode data) {
        try {
            String schemaId = SystemUnderTest.JSON.readTree(contracts.resolve("schemas/" + schemaName + ".schema.json").toFile())
                    .path("$id").asText();
            ObjectNode envelope = SystemUnderTest.JSON.createObjectNode();
            envelope.put("specversion", "1.0").put("id", id).put("source", source).put("type", type)
                    .put("subject", subject).put("time", Instant.now().toString())
                    .put("datacontenttype", "application/json").put("dataschema", schemaId).set("data", data);
            return envelope.toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends without waiting (call {@link #flush()}); structured mode content type. Answers where it was written. */
    java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> send(String topic, String key, byte[] value) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value);
        record.headers().add(new RecordHeader("content-type",
                "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8)));
        return producer.send(record, (metadata, error) -> {
            if (error != null) {
                System.err.println("[system] could not write to " + topic + ": " + error);
            }
        });
    }

    java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> send(String topic, String key, String value) {
        return send(topic, key, value.getBytes(StandardCharsets.UTF_8));
    }

    void flush() {
        producer.flush();
    }

    /**
     * A producer's own topic of a channel, {@code <channel>.from.<client id>} (contracts/asyncapi.yaml):
     * the only topic of that channel its Kafka principal may write, and the source its records must give.
     */
    static String topicOf(String channel, String producer) {
        return channel + ".from." + producer;
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    @Override
    public void close() {
        producer.close();
    }
}

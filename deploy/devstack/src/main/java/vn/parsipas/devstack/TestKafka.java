package vn.parsipas.devstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A plain Kafka client for tests, acting as an external system would: writes raw records (any
 * bytes, any headers) and reads topics from the beginning. Uses only kafka-clients.
 */
public final class TestKafka implements AutoCloseable {
    private final String bootstrapServers;
    private final KafkaProducer<byte[], byte[]> producer;

    public TestKafka(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * A received record, decoded as UTF-8 for convenience: {@code headers} by name (the last of a
     * repeated name), {@code headerNames} every header's name in order, repeats included.
     */
    public record Received(String topic, int partition, long offset, String key, String value, Map<String, String> headers,
            byte[] rawValue, List<String> headerNames) {
    }

    public void send(String topic, String key, String value, Map<String, String> headers) {
        send(topic, key, value.getBytes(StandardCharsets.UTF_8), headers);
    }

    public void send(String topic, String key, byte[] value, Map<String, String> headers) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
        headers.forEach((name, headerValue) ->
                record.headers().add(new RecordHeader(name, headerValue.getBytes(StandardCharsets.UTF_8))));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write to " + topic, e);
        }
    }

    /** A structured-mode CloudEvent, as an external system writes it. */
    public void sendStructured(String topic, String key, String envelopeJson) {
        send(topic, key, envelopeJson, Map.of("content-type", "application/cloudevents+json; charset=UTF-8"));
    }

    /**
     * Reads the topics from the beginning until {@code until} holds for everything read so far,
     * or the timeout passes; returns all records read.
     */
    public List<Received> readUntil(List<String> topics, Predicate<List<Received>> until, Duration timeout) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Received> received = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(toReceived(record));
                }
                if (until.test(received)) {
                    return received;
                }
            }
        }
        return received;
    }

    /** Everything in the topics now: reads until two polls in a row bring nothing new. */
    public List<Received> readAll(List<String> topics, Duration settle) {
        long[] lastSize = {-1};
        Instant[] lastChange = {Instant.now()};
        return readUntil(topics, received -> {
            if (received.size() != lastSize[0]) {
                lastSize[0] = received.size();
                lastChange[0] = Instant.now();
                return false;
            }
            return Duration.between(lastChange[0], Instant.now()).compareTo(settle) > 0;
        }, Duration.ofMinutes(2));
    }

    private static Received toReceived(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        List<String> headerNames = new ArrayList<>();
        record.headers().forEach(header -> {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            headerNames.add(header.key());
        });
        return new Received(record.topic(), record.partition(), record.offset(),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8),
                headers, record.value(), List.copyOf(headerNames));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}

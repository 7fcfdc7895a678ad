package vn.parsipas.platform.releasecheck;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A CloudEvent through Kafka and back, as the release's own test identity: written (structured mode,
 * acks=all) to the release check's topic and read back from the offset the broker gave it, by partition
 * assignment (no consumer group, so the identity needs no group rights). It proves what every service
 * needs from the cluster: the bootstrap address, TLS with the cluster's CA, a token from Keycloak for
 * OAUTHBEARER, ACLs, and a broker that stores and serves a record with its headers. It writes nowhere a
 * service reads: no business topic, no dead letter, no alert.
 */
final class KafkaRoundTrip {
    static final String EVENT_TYPE = "vn.parsipas.release.checked.v1";
    static final String SOURCE = "/release-check";
    private static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    /** A record of the check is of no use after an hour (a topic the check creates keeps them that long). */
    private static final String RETENTION_MS = "3600000";

    private KafkaRoundTrip() {
    }

    /** The Kafka client's settings from the environment, as the services take them: KAFKA_SASL_MECHANISM → sasl.mechanism. */
    static Properties clientConfig(Map<String, String> env) {
        Properties config = new Properties();
        env.forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && !value.isBlank()) {
                config.put(name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, "parsipas-release-check");
        return config;
    }

    static ReleaseCheck.Outcome check(Properties client, String topic, Duration timeout) {
        Instant start = Instant.now();
        String id = "release-check-" + UUID.randomUUID();
        String what = "CloudEvent " + id + " qua Kafka (" + topic + ")";
        String envelope = envelope(id, start);
        // One deadline for the whole trip: each step gets what the earlier ones left.
        Instant deadline = start.plus(timeout);
        try {
            ensureTopic(client, topic, remaining(deadline));
            RecordMetadata written = write(client, topic, id, envelope, remaining(deadline));
            Optional<String> problem = readBack(client, written, id, envelope, deadline);
            if (problem.isPresent()) {
                return ReleaseCheck.Outcome.failed(what + ": " + problem.get());
            }
            return ReleaseCheck.Outcome.passed(what + ": ghi vào phân vùng " + written.partition() + ", offset "
                    + written.offset() + " và đọc lại nguyên vẹn", start);
        } catch (ExecutionException e) {
            return ReleaseCheck.Outcome.failed(what + ": " + describe(e.getCause()));
        } catch (TimeoutException | org.apache.kafka.common.errors.TimeoutException e) {
            return ReleaseCheck.Outcome.failed(what + ": quá " + timeout.toSeconds() + " s (" + describe(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ReleaseCheck.Outcome.failed(what + ": bị ngắt");
        } catch (RuntimeException e) {
            return ReleaseCheck.Outcome.failed(what + ": " + describe(e));
        }
    }

    private static int remaining(Instant deadline) {
        return (int) Math.max(1_000, Math.min(Integer.MAX_VALUE, Duration.between(Instant.now(), deadline).toMillis()));
    }

    /** Structured mode, as the suite's own events: the envelope is the value. */
    static String envelope(String id, Instant at) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"" + SOURCE + "\",\"type\":\"" + EVENT_TYPE
                + "\",\"subject\":\"" + id + "\",\"time\":\"" + at + "\",\"datacontenttype\":\"application/json\","
                + "\"data\":{\"checkedAt\":\"" + at + "\"}}";
    }

    /** Creates the topic when the cluster has none (no Strimzi-managed topic): one partition, an hour's retention. */
    private static void ensureTopic(Properties client, String topic, int millis)
            throws ExecutionException, InterruptedException, TimeoutException {
        Properties config = new Properties();
        config.putAll(client);
        config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        try (Admin admin = Admin.create(config)) {
            try {
                admin.describeTopics(Set.of(topic)).allTopicNames().get(millis, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                NewTopic created = new NewTopic(topic, Optional.of(1), Optional.empty())
                        .configs(Map.of("retention.ms", RETENTION_MS));
                try {
                    admin.createTopics(List.of(created)).all().get(millis, TimeUnit.MILLISECONDS);
                } catch (ExecutionException exists) {
                    if (!(exists.getCause() instanceof TopicExistsException)) {
                        throw exists;
                    }
                }
            }
        }
    }

    private static RecordMetadata write(Properties client, String topic, String id, String envelope, int millis)
            throws ExecutionException, InterruptedException, TimeoutException {
        Properties config = new Properties();
        config.putAll(client);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis);
        int request = Math.min(millis, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, request);
        // Kafka refuses a delivery timeout below linger.ms + request.timeout.ms.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(millis, request + 1_000));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, id.getBytes(StandardCharsets.UTF_8),
                    envelope.getBytes(StandardCharsets.UTF_8));
            record.headers().add("content-type", CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            return producer.send(record).get(millis, TimeUnit.MILLISECONDS);
        }
    }

    /** Reads the written offset back; empty when the record came back as written, else what differed. */
    private static Optional<String> readBack(Properties client, RecordMetadata written, String id, String envelope,
            Instant deadline) {
        Properties config = new Properties();
        config.putAll(client);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        TopicPartition partition = new TopicPartition(written.topic(), written.partition());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, written.offset());
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() == written.offset()) {
                        return compare(record, id, envelope);
                    }
                }
            }
        }
        return Optional.of("đã ghi (offset " + written.offset() + ") nhưng không đọc lại được trước khi hết giờ");
    }

    private static Optional<String> compare(ConsumerRecord<byte[], byte[]> record, String id, String envelope) {
        String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
        String value = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
        Header contentType = record.headers().lastHeader("content-type");
        if (!id.equals(key) || !envelope.equals(value)) {
            return Optional.of("bản ghi đọc lại khác bản ghi đã ghi");
        }
        if (contentType == null || !CONTENT_TYPE.equals(new String(contentType.value(), StandardCharsets.UTF_8))) {
            return Optional.of("bản ghi đọc lại mất header content-type");
        }
        return Optional.empty();
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + Readiness.oneLine(e.getMessage()));
    }
}

package vn.parsipas.platform.deadletter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.common.annotation.Identifier;

/**
 * Reads dead-letter topics and sends records back, with the broker settings of the service's
 * channels (security included). Blocking: callers run it on a worker thread. A read assigns the
 * partitions itself, without a consumer group, so it moves no committed offset of any consumer.
 */
@ApplicationScoped
public class DeadLetterKafka {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration READ_LIMIT = Duration.ofSeconds(30);
    private static final String PREFIX = "dead-letter-";

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> broker;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    private KafkaProducer<byte[], byte[]> producer;

    /** Where a read starts (or the next page starts): a partition and the offset in it. */
    public record Position(int partition, long offset) {
        static final Position START = new Position(0, 0);
    }

    /** Records from {@code from} on, partition by partition in offset order, that {@code keep}, at most {@code max}. */
    List<ConsumerRecord<byte[], byte[]>> read(String topic, Position from, Predicate<ConsumerRecord<byte[], byte[]>> keep, int max) {
        Map<String, Object> config = settings(ConsumerConfig.configNames());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, service + "-dead-letter-reader");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        List<ConsumerRecord<byte[], byte[]>> kept = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, READ_LIMIT).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .filter(partition -> partition.partition() >= from.partition())
                    .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_LIMIT);
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            for (TopicPartition partition : partitions) {
                long start = partition.partition() == from.partition() ? from.offset() : 0;
                consumer.assign(List.of(partition));
                consumer.seek(partition, start);
                while (consumer.position(partition) < ends.get(partition) && kept.size() < max) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("reading " + topic + " took longer than " + READ_LIMIT);
                    }
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                        if (record.offset() < ends.get(partition) && kept.size() < max && keep.test(record)) {
                            kept.add(record);
                        }
                    }
                }
                if (kept.size() >= max) {
                    break;
                }
            }
        }
        return kept;
    }

    /** Sends each record to the topic it came from with its key, value and headers but the dead-letter ones; waits for the broker. */
    void replay(List<ConsumerRecord<byte[], byte[]>> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            RecordHeaders headers = new RecordHeaders();
            record.headers().forEach(header -> {
                if (!header.key().startsWith(PREFIX)) {
                    headers.add(header);
                }
            });
            String original = DeadLetter.of(record).originalTopic();
            sent.add(producer().send(new ProducerRecord<>(original, null, record.key(), record.value(), headers)));
        }
        try {
            for (Future<RecordMetadata> each : sent) {
                each.get(READ_LIMIT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not take the replayed records: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        }
    }

    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            Map<String, Object> config = settings(ProducerConfig.configNames());
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.CLIENT_ID_CONFIG, service + "-dead-letter-replay");
            producer = new KafkaProducer<>(config);
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private Map<String, Object> settings(java.util.Set<String> names) {
        Map<String, Object> config = new HashMap<>();
        broker.forEach((key, value) -> {
            if (names.contains(key)) {
                config.put(key, value);
            }
        });
        return config;
    }
}

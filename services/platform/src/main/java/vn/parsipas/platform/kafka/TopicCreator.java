package vn.parsipas.platform.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import vn.parsipas.contracts.Topics;

/**
 * Creates the topics of the contracts' AsyncAPI document that do not exist yet, with the
 * partitions and cleanup policy it names; a channel with one topic per producer gets the topic of
 * every producer in {@code parsipas.kafka.external-producers}. Local runs and tests need it; in
 * Kubernetes the operator's KafkaTopic resources own the topics and this is switched off
 * ({@code parsipas.kafka.create-topics=false}).
 */
@Singleton
public class TopicCreator {
    private static final Logger LOG = Logger.getLogger(TopicCreator.class);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "parsipas.kafka.create-topics", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "parsipas.kafka.external-producers")
    List<String> producers;

    void createMissing(@Observes @Priority(1) StartupEvent startup) {
        if (!enabled) {
            return;
        }
        Map<String, Object> adminConfig = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (org.apache.kafka.clients.admin.AdminClientConfig.configNames().contains(key)) {
                adminConfig.put(key, value);
            }
        });
        try (Admin admin = Admin.create(adminConfig)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics(producers).stream().filter(topic -> !existing.contains(topic.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                LOG.infof("created %d topics: %s", missing.size(), missing.stream().map(NewTopic::name).toList());
            }
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("could not create topics (the broker or an operator may own them): %s", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every channel of asyncapi.yaml as topics: partitions and topic configuration from its Kafka binding. */
    static List<NewTopic> topics(List<String> producers) {
        try (InputStream in = TopicCreator.class.getResourceAsStream("/asyncapi.yaml")) {
            JsonNode channels = new ObjectMapper(new YAMLFactory()).readTree(in).get("channels");
            List<NewTopic> topics = new ArrayList<>();
            channels.forEach(channel -> {
                JsonNode kafka = channel.at("/bindings/kafka");
                Map<String, String> configs = new HashMap<>();
                kafka.path("topicConfiguration").fields().forEachRemaining(entry -> configs.put(entry.getKey(),
                        entry.getValue().isArray() ? join(entry.getValue()) : entry.getValue().asText()));
                String address = channel.get("address").asText();
                List<String> names = address.endsWith(Topics.PER_PRODUCER_ADDRESS)
                        ? producers.stream().map(producer -> Topics.ofProducer(address.replace(Topics.PER_PRODUCER_ADDRESS, ""),
                                producer)).toList()
                        : List.of(address);
                names.forEach(name -> topics.add(new NewTopic(name, kafka.path("partitions").asInt(3), (short) 1)
                        .configs(configs)));
            });
            return topics;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String join(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return String.join(",", values);
    }
}

package vn.parsipas.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The ACLs come from the AsyncAPI document, the subscriptions from each service's
 * application.properties: a topic a service reads, dead-letters to or writes that the document does
 * not give it would be denied by the broker in production (survey-service and the agency directory,
 * chart check H1). This fails whenever the two drift apart.
 */
class ServiceTopicsTest {
    private final Channels channels = new Channels();
    private final Chart.Rendered production = Chart.renderProduction();

    @Test
    void everyTopicAServiceIsConfiguredForIsInItsAsyncApiOperationsAndItsAcls() throws IOException {
        Map<String, Set<String>> publishes = channels.access("send");
        Map<String, Set<String>> consumes = channels.access("receive");
        Map<String, Properties> services = serviceConfigurations();
        assertThat(services).containsKeys("task-service", "indicator-service", "survey-service", "notification-service");

        services.forEach((service, config) -> {
            JsonNode user = production.named("KafkaUser", service);
            Set<String> consumed = consumes.getOrDefault(service, Set.of());
            for (String key : config.stringPropertyNames()) {
                String value = config.getProperty(key);
                String what = service + " " + key + "=" + value;
                if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic")) {
                    String channel = "true".equals(config.getProperty(key.replace(".topic", ".pattern")))
                            ? channelOfPattern(value, consumed) : value;
                    assertThat(consumed).as(what).contains(channel);
                    assertThat(KafkaResourcesTest.topics(user, "Read")).as(what).contains(channels.readResource(channel));
                } else if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.dead-letter-queue\\.topic")) {
                    assertThat(consumed).as(what).contains(value.substring(0, value.length() - ".dlq".length()));
                    assertThat(KafkaResourcesTest.topics(user, "Write")).as(what).contains(value);
                } else if (key.matches("mp\\.messaging\\.outgoing\\.[^.]+\\.topic")) {
                    assertThat(publishes.getOrDefault(service, Set.of())).as(what).contains(value);
                    assertThat(KafkaResourcesTest.topics(user, "Write")).as(what).contains(value);
                } else if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id")) {
                    assertThat(value).as(what).startsWith(service);
                }
            }
        });
    }

    /**
     * The per-producer channel a pattern subscription reads: it must take every producer's topic of
     * exactly one consumed channel, and never a dead-letter topic (which it would then re-read).
     */
    private String channelOfPattern(String pattern, Set<String> consumed) {
        Set<String> matched = consumed.stream().filter(channel -> channels.perProducer(channel)
                && (channel + ".from.igate").matches(pattern) && (channel + ".from.a-new-system").matches(pattern)).collect(
                Collectors.toSet());
        assertThat(matched).as(pattern).hasSize(1);
        String channel = matched.iterator().next();
        assertThat(channel + ".dlq").as(pattern).doesNotMatch(pattern);
        assertThat(channel).as(pattern).doesNotMatch(pattern);
        return channel;
    }

    /** application.properties of every service under services/, by application name (the profile-less keys). */
    private static Map<String, Properties> serviceConfigurations() throws IOException {
        Map<String, Properties> services = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(Chart.REPO.resolve("services"))) {
            for (Path file : dirs.map(dir -> dir.resolve("src/main/resources/application.properties")).filter(Files::exists).toList()) {
                Properties config = new Properties();
                try (Reader reader = Files.newBufferedReader(file)) {
                    config.load(reader);
                }
                services.put(config.getProperty("quarkus.application.name"), config);
            }
        }
        return services;
    }
}

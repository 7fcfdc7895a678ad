package vn.parsipas.platform.deadletter;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import vn.parsipas.contracts.Topics;
import vn.parsipas.platform.problem.NotFoundException;

/**
 * The dead-letter topics of this service's consumers, as its configuration names them
 * ({@code mp.messaging.incoming.<channel>.dead-letter-queue.topic}), each with its channel.
 */
@ApplicationScoped
public class DeadLetterTopics {
    private static final Pattern DLQ_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.dead-letter-queue\\.topic");

    private final Map<String, String> channelByTopic = new TreeMap<>();

    DeadLetterTopics() {
        Config config = ConfigProvider.getConfig();
        for (String name : config.getPropertyNames()) {
            Matcher matcher = DLQ_TOPIC.matcher(name);
            if (matcher.matches()) {
                channelByTopic.put(config.getValue(name, String.class), matcher.group(1));
            }
        }
    }

    /** Topic to channel, in topic order. */
    public Map<String, String> all() {
        return channelByTopic;
    }

    /** 404 unless a consumer of this service dead-letters to this topic. */
    public String require(String topic) {
        if (!channelByTopic.containsKey(topic)) {
            throw new NotFoundException("Dead-letter topic", topic + " of this service");
        }
        return topic;
    }

    /** A replay goes back to the topic the record came from, which must be one this channel reads. */
    static boolean feeds(String deadLetterTopic, String originalTopic) {
        if (originalTopic == null || !deadLetterTopic.endsWith(Topics.DLQ_SUFFIX)) {
            return false;
        }
        String channel = deadLetterTopic.substring(0, deadLetterTopic.length() - Topics.DLQ_SUFFIX.length());
        return originalTopic.equals(channel) || Topics.producerOf(originalTopic).map(producer -> Topics.ofProducer(channel, producer))
                .filter(originalTopic::equals).isPresent();
    }
}

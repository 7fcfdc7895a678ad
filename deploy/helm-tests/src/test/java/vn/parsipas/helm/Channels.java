package vn.parsipas.helm;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The channels of contracts/asyncapi.yaml, as the chart reads them: who writes and reads each, and
 * the topics they make. A channel is named by its topic, or, where each external producer has a
 * topic of its own (address {@code <channel>.from.{producer}}), by the stem of those topics.
 */
final class Channels {
    private static final String PER_PRODUCER = ".from.{producer}";

    private final JsonNode asyncApi = Chart.yaml(Chart.ASYNCAPI);

    /** Channels per actor ("task-service", ..., "external") for one action of the operations ("send", "receive"). */
    Map<String, Set<String>> access(String action) {
        Map<String, Set<String>> channels = new HashMap<>();
        asyncApi.get("operations").forEach(operation -> {
            if (action.equals(operation.get("action").asText())) {
                String summary = operation.get("summary").asText();
                String actor = summary.startsWith("external systems") ? "external" : summary.split(" ")[0];
                channels.computeIfAbsent(actor, a -> new TreeSet<>()).add(name(channel(operation)));
            }
        });
        return channels;
    }

    boolean perProducer(String channel) {
        for (JsonNode node : asyncApi.get("channels")) {
            if (node.get("address").asText().equals(channel + PER_PRODUCER)) {
                return true;
            }
        }
        return false;
    }

    /** The ACL resource a consumer reads a channel by: its topic, or the prefix of every producer's topic. */
    String readResource(String channel) {
        return perProducer(channel) ? channel + ".from." : channel;
    }

    /** Every topic a release with these external producers has, with the channel (AsyncAPI node) it belongs to. */
    Map<String, JsonNode> topics(JsonNode externalProducers) {
        Map<String, JsonNode> topics = new TreeMap<>();
        asyncApi.get("channels").forEach(channel -> {
            String name = name(channel);
            if (perProducer(name)) {
                externalProducers.forEach(producer -> {
                    if (WorkloadsTest.texts(producer.path("topics")).contains(name)) {
                        topics.put(name + ".from." + producer.path("clientId").asText(), channel);
                    }
                });
            } else {
                topics.put(name, channel);
            }
        });
        return topics;
    }

    private JsonNode channel(JsonNode operation) {
        return asyncApi.at(operation.at("/channel/$ref").asText().substring(1));
    }

    private static String name(JsonNode channel) {
        return channel.get("address").asText().replace(PER_PRODUCER, "");
    }
}

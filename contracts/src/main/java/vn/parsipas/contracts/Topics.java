package vn.parsipas.contracts;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka topic names, as in asyncapi.yaml. A rejected record of topic T goes to T + {@link #DLQ_SUFFIX}.
 *
 * <p>Other government systems write each to its own topic of a channel, {@code <channel>.from.<producer>}
 * ({@link #ofProducer}), the producer being its Keycloak client id and Kafka principal: the broker's
 * ACLs let only that principal write it, so the topic, not the record, says who produced a record.
 */
public final class Topics {
    public static final String DIRECTORY_AGENCIES = "directory.agencies.v1";
    public static final String PLAN_TARGETS = "plan.targets.v1";
    public static final String TASKS_LIFECYCLE = "tasks.lifecycle.v1";
    public static final String TASKS_DEADLINES = "tasks.deadlines.v1";
    /** Written by external producers, each to its own topic ({@link #ofProducer}). */
    public static final String INDICATORS_OBSERVATIONS = "indicators.observations.v1";
    public static final String INDICATORS_EVALUATIONS = "indicators.evaluations.v1";
    /** Written by external producers, each to its own topic ({@link #ofProducer}). */
    public static final String SIPAS_RESPONSES = "sipas.responses.v1";
    public static final String SIPAS_INDICES = "sipas.indices.v1";
    public static final String ALERTS = "alerts.v1";
    public static final String DLQ_SUFFIX = ".dlq";
    /** How asyncapi.yaml writes the address of a channel that has one topic per producer. */
    public static final String PER_PRODUCER_ADDRESS = ".from.{producer}";

    private static final String FROM = ".from.";
    private static final String PRODUCER = "[a-z0-9][a-z0-9-]*";
    private static final Pattern PRODUCER_TOPIC = Pattern.compile("(.+)\\.from\\.(" + PRODUCER + ")");

    private Topics() {
    }

    /** The topic a producer (a client id such as {@code igate}) writes a channel to. */
    public static String ofProducer(String channel, String producer) {
        if (!producer.matches(PRODUCER)) {
            throw new IllegalArgumentException("not a producer's client id: " + producer);
        }
        return channel + FROM + producer;
    }

    /** The producer whose own topic this is ({@code igate} for {@code indicators.observations.v1.from.igate}). */
    public static Optional<String> producerOf(String topic) {
        Matcher matcher = PRODUCER_TOPIC.matcher(topic);
        return matcher.matches() ? Optional.of(matcher.group(2)) : Optional.empty();
    }

    /** The CloudEvent source of a producer's records: {@code /<client id>}. */
    public static String sourceOf(String producer) {
        return "/" + producer;
    }
}

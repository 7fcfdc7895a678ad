package vn.parsipas.contracts;

/** Kafka topic names, as in asyncapi.yaml. A rejected record of topic T goes to T + {@link #DLQ_SUFFIX}. */
public final class Topics {
    public static final String DIRECTORY_AGENCIES = "directory.agencies.v1";
    public static final String PLAN_TARGETS = "plan.targets.v1";
    public static final String TASKS_LIFECYCLE = "tasks.lifecycle.v1";
    public static final String TASKS_DEADLINES = "tasks.deadlines.v1";
    public static final String INDICATORS_OBSERVATIONS = "indicators.observations.v1";
    public static final String INDICATORS_EVALUATIONS = "indicators.evaluations.v1";
    public static final String SIPAS_RESPONSES = "sipas.responses.v1";
    public static final String SIPAS_INDICES = "sipas.indices.v1";
    public static final String ALERTS = "alerts.v1";
    public static final String DLQ_SUFFIX = ".dlq";

    private Topics() {
    }
}

package vn.parsipas.contracts;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import vn.parsipas.contracts.alert.AlertAcknowledged;
import vn.parsipas.contracts.alert.AlertEscalated;
import vn.parsipas.contracts.alert.AlertRaised;
import vn.parsipas.contracts.alert.AlertResolved;
import vn.parsipas.contracts.directory.AgencyUpserted;
import vn.parsipas.contracts.indicator.IndicatorObserved;
import vn.parsipas.contracts.indicator.TargetStatusChanged;
import vn.parsipas.contracts.plan.TargetDefined;
import vn.parsipas.contracts.sipas.SatisfactionBelowTarget;
import vn.parsipas.contracts.sipas.SatisfactionIndexUpdated;
import vn.parsipas.contracts.sipas.SatisfactionRecovered;
import vn.parsipas.contracts.sipas.SurveyResponseSubmitted;
import vn.parsipas.contracts.task.TaskAssigned;
import vn.parsipas.contracts.task.TaskCompleted;
import vn.parsipas.contracts.task.TaskDeadlineCleared;
import vn.parsipas.contracts.task.TaskDueSoon;
import vn.parsipas.contracts.task.TaskOverdue;
import vn.parsipas.contracts.task.TaskProgressReported;
import vn.parsipas.contracts.task.TaskUpdated;

/** Every event of the suite: its CloudEvents type, topic, JSON Schema and Java record. */
public enum EventType {
    AGENCY_UPSERTED("vn.parsipas.directory.agency-upserted.v1", Topics.DIRECTORY_AGENCIES, "agency-upserted.v1", AgencyUpserted.class),
    TARGET_DEFINED("vn.parsipas.plan.target-defined.v1", Topics.PLAN_TARGETS, "target-defined.v1", TargetDefined.class),
    TASK_ASSIGNED("vn.parsipas.task.assigned.v1", Topics.TASKS_LIFECYCLE, "task-assigned.v1", TaskAssigned.class),
    TASK_UPDATED("vn.parsipas.task.updated.v1", Topics.TASKS_LIFECYCLE, "task-updated.v1", TaskUpdated.class),
    TASK_PROGRESS_REPORTED("vn.parsipas.task.progress-reported.v1", Topics.TASKS_LIFECYCLE, "task-progress-reported.v1", TaskProgressReported.class),
    TASK_COMPLETED("vn.parsipas.task.completed.v1", Topics.TASKS_LIFECYCLE, "task-completed.v1", TaskCompleted.class),
    TASK_DUE_SOON("vn.parsipas.task.due-soon.v1", Topics.TASKS_DEADLINES, "task-due-soon.v1", TaskDueSoon.class),
    TASK_OVERDUE("vn.parsipas.task.overdue.v1", Topics.TASKS_DEADLINES, "task-overdue.v1", TaskOverdue.class),
    TASK_DEADLINE_CLEARED("vn.parsipas.task.deadline-cleared.v1", Topics.TASKS_DEADLINES, "task-deadline-cleared.v1", TaskDeadlineCleared.class),
    INDICATOR_OBSERVED("vn.parsipas.indicator.observed.v1", Topics.INDICATORS_OBSERVATIONS, "indicator-observed.v1", IndicatorObserved.class),
    TARGET_STATUS_CHANGED("vn.parsipas.indicator.target-status-changed.v1", Topics.INDICATORS_EVALUATIONS, "target-status-changed.v1", TargetStatusChanged.class),
    SURVEY_RESPONSE_SUBMITTED("vn.parsipas.sipas.response-submitted.v1", Topics.SIPAS_RESPONSES, "survey-response-submitted.v1", SurveyResponseSubmitted.class),
    SATISFACTION_INDEX_UPDATED("vn.parsipas.sipas.index-updated.v1", Topics.SIPAS_INDICES, "satisfaction-index-updated.v1", SatisfactionIndexUpdated.class),
    SATISFACTION_BELOW_TARGET("vn.parsipas.sipas.below-target.v1", Topics.SIPAS_INDICES, "satisfaction-below-target.v1", SatisfactionBelowTarget.class),
    SATISFACTION_RECOVERED("vn.parsipas.sipas.recovered.v1", Topics.SIPAS_INDICES, "satisfaction-recovered.v1", SatisfactionRecovered.class),
    ALERT_RAISED("vn.parsipas.alert.raised.v1", Topics.ALERTS, "alert-raised.v1", AlertRaised.class),
    ALERT_ACKNOWLEDGED("vn.parsipas.alert.acknowledged.v1", Topics.ALERTS, "alert-acknowledged.v1", AlertAcknowledged.class),
    ALERT_ESCALATED("vn.parsipas.alert.escalated.v1", Topics.ALERTS, "alert-escalated.v1", AlertEscalated.class),
    ALERT_RESOLVED("vn.parsipas.alert.resolved.v1", Topics.ALERTS, "alert-resolved.v1", AlertResolved.class);

    /** Where the schemas are published; their {@code $id}s live under it. */
    public static final String SCHEMA_BASE = "https://parsipas.vn/contracts/schemas/";
    /** The JSON Schema of a CloudEvent envelope in structured mode, whatever its type. */
    public static final String ENVELOPE_SCHEMA = SCHEMA_BASE + "cloudevent-envelope.v1.schema.json";
    /** The JSON Schema of the Kafka headers of a CloudEvent in binary mode, whatever its type. */
    public static final String BINARY_HEADERS_SCHEMA = SCHEMA_BASE + "cloudevent-binary-headers.v1.schema.json";

    private static final Map<String, EventType> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::recordClass, Function.identity()));

    private final String type;
    private final String topic;
    private final String schemaName;
    private final Class<? extends Event> recordClass;
    /** Parsed once: every consumed record compares its dataschema with it. */
    private final URI dataSchema;

    EventType(String type, String topic, String schemaName, Class<? extends Event> recordClass) {
        this.type = type;
        this.topic = topic;
        this.schemaName = schemaName;
        this.recordClass = recordClass;
        this.dataSchema = URI.create(SCHEMA_BASE + schemaName + ".schema.json");
    }

    /** The CloudEvents {@code type}. */
    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    /** File name stem under contracts/schemas and contracts/examples, e.g. task-overdue.v1. */
    public String schemaName() {
        return schemaName;
    }

    /** The CloudEvents {@code dataschema}: the $id of the payload's JSON Schema. */
    public URI dataSchema() {
        return dataSchema;
    }

    public Class<? extends Event> recordClass() {
        return recordClass;
    }

    public static Optional<EventType> ofType(String cloudEventType) {
        return Optional.ofNullable(BY_TYPE.get(cloudEventType));
    }

    public static EventType of(Event event) {
        EventType eventType = BY_CLASS.get(event.getClass());
        if (eventType == null) {
            throw new IllegalArgumentException("not an event of the contracts: " + event.getClass());
        }
        return eventType;
    }
}

package vn.parsipas.task.plan;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A plan file as the OpenAPI document gives it: its top level only. Its full rules are a JSON Schema
 * 2020-12 (const, $defs, conditions) that OpenAPI 3.0 cannot carry; the service checks every one of them.
 */
@Schema(description = "A plan file (JSON, or YAML of the same shape): the whole schema is deploy/plans/plan.schema.json "
        + "(https://parsipas.vn/plans/plan.v1.schema.json); the service checks it and answers 400 naming every offending field")
public record PlanDocument(
        @Schema(required = true, enumeration = "parsipas.vn/plan/v1") String apiVersion,
        @Schema(required = true, description = "metadata and plan-wide goals") Map<String, Object> plan,
        @Schema(required = true, minItems = 1, description = "every agency and collective group the plan names")
        List<Map<String, Object>> agencies,
        @Schema(description = "numbered sections") List<Map<String, Object>> groups,
        @Schema(required = true, minItems = 1, description = "PAR criteria and SIPAS sub-indices with their targets and tasks")
        List<Map<String, Object>> criteria,
        @Schema(description = "plan-level one-off tasks") List<Map<String, Object>> tasks,
        @Schema(description = "plan-level recurring duties") List<Map<String, Object>> recurringTasks) {
}

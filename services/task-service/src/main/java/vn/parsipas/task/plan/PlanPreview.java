package vn.parsipas.task.plan;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/**
 * What importing a plan file would change, for whom, before it is applied (a dry run): the tasks
 * added, removed, re-owned and rescheduled, the targets added, removed and changed, the agencies new
 * to the directory or changed in it, and per agency what it gains and loses.
 */
@Schema(description = "What importing the file would change (dryRun=true): nothing is imported",
        requiredProperties = { "planId", "outcome", "warnings", "tasks", "targets", "agencies", "byAgency" },
        properties = @SchemaProperty(name = "outcome", enumeration = { ImportResult.CREATED, ImportResult.REVISED,
                ImportResult.UNCHANGED }, description = "what the import would be"))
public record PlanPreview(String planId, Integer currentVersion, String outcome, List<PlanWarning> warnings,
        Tasks tasks, Targets targets, Agencies agencies, List<Impact> byAgency) {

    /** A task as the plan file states it: an occurrence of a recurring duty is one task. */
    @Schema(name = "PlanTaskItem")
    public record TaskItem(String id, String title, String leadAgency, List<String> coordinatingAgencies, LocalDate deadline) {
    }

    @Schema(name = "PlanTaskReassignment")
    public record Reassignment(String id, String title, String previousLeadAgency, String leadAgency,
            List<String> previousCoordinatingAgencies, List<String> coordinatingAgencies) {
    }

    @Schema(name = "PlanTaskReschedule")
    public record Reschedule(String id, String title, LocalDate previousDeadline, LocalDate deadline) {
    }

    /** {@code reworded}: ids whose title, intro or criterion changed. */
    @Schema(name = "PlanPreviewTasks")
    public record Tasks(List<TaskItem> added, List<TaskItem> removed, List<Reassignment> reassigned,
            List<Reschedule> rescheduled, List<String> reworded) {
    }

    /** {@code changedFields}: the fields of the published definition that differ (value, responsibleAgency, ...). */
    @Schema(name = "PlanTargetItem")
    public record TargetItem(String id, String description, String previousResponsibleAgency, String responsibleAgency,
            List<String> changedFields) {
    }

    @Schema(name = "PlanPreviewTargets")
    public record Targets(List<TargetItem> added, List<TargetItem> removed, List<TargetItem> changed) {
    }

    @Schema(name = "PlanPreviewAgencies")
    public record Agencies(List<String> added, List<String> changed) {
    }

    /** One agency's share of the change: task and target ids it gains, loses or sees changed. */
    @Schema(name = "PlanAgencyImpact")
    public record Impact(String agency, List<String> tasksGained, List<String> tasksLost, List<String> tasksRescheduled,
            List<String> targetsGained, List<String> targetsLost, List<String> targetsChanged) {
    }
}

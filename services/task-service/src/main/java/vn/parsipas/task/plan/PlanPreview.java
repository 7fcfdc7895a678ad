package vn.parsipas.task.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * What importing a plan file would change, for whom, before it is applied (a dry run): the tasks
 * added, removed, re-owned and rescheduled, the targets added, removed and changed, the agencies new
 * to the directory or changed in it, and per agency what it gains and loses.
 */
public record PlanPreview(String planId, Integer currentVersion, String outcome, List<PlanWarning> warnings,
        Tasks tasks, Targets targets, Agencies agencies, List<Impact> byAgency) {

    /** A task as the plan file states it: an occurrence of a recurring duty is one task. */
    public record TaskItem(String id, String title, String leadAgency, List<String> coordinatingAgencies, LocalDate deadline) {
    }

    public record Reassignment(String id, String title, String previousLeadAgency, String leadAgency,
            List<String> previousCoordinatingAgencies, List<String> coordinatingAgencies) {
    }

    public record Reschedule(String id, String title, LocalDate previousDeadline, LocalDate deadline) {
    }

    /** {@code reworded}: ids whose title, intro or criterion changed. */
    public record Tasks(List<TaskItem> added, List<TaskItem> removed, List<Reassignment> reassigned,
            List<Reschedule> rescheduled, List<String> reworded) {
    }

    /** {@code changedFields}: the fields of the published definition that differ (value, responsibleAgency, ...). */
    public record TargetItem(String id, String description, String previousResponsibleAgency, String responsibleAgency,
            List<String> changedFields) {
    }

    public record Targets(List<TargetItem> added, List<TargetItem> removed, List<TargetItem> changed) {
    }

    public record Agencies(List<String> added, List<String> changed) {
    }

    /** One agency's share of the change: task and target ids it gains, loses or sees changed. */
    public record Impact(String agency, List<String> tasksGained, List<String> tasksLost, List<String> tasksRescheduled,
            List<String> targetsGained, List<String> targetsLost, List<String> targetsChanged) {
    }
}

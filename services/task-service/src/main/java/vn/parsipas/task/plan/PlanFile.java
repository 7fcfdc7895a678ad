package vn.parsipas.task.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A plan file (deploy/plans/plan.schema.json) as Java records, read after the file passed its schema.
 * Only what the service uses is mapped; the rest (purposes, source notes, maintainer notes) stays in
 * the stored document.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanFile(Info plan, List<AgencyEntry> agencies, List<CriterionEntry> criteria, List<TaskEntry> tasks,
        List<RecurringEntry> recurringTasks) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Info(String id, String number, String issuer, String province, LocalDate issuedOn, int year,
            String timeZone, String title, String shortTitle, List<String> coordinatingOffices, Goals goals) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Goals(List<TargetEntry> targets) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AgencyEntry(String code, String name, String kind, String parent) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CriterionEntry(String code, String kind, String area, String group, String title, String objective,
            String leadAgency, Boolean leadAgencyInferred, List<String> coordinatingAgencies, String responsibilityText,
            LocalDate deadline, String deadlineText, List<TargetEntry> targets, List<TaskEntry> tasks) {
    }

    /** A target; {@code resultExpectedBy} is set when its result is published after its deadline. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TargetEntry(String id, String kind, String description, LocalDate deadline, LocalDate resultExpectedBy,
            String responsibleAgency, Indicator indicator, String subIndex, String comparator, BigDecimal value,
            String relativeTo, BigDecimal delta, Baseline baseline, List<String> acceptedWarnings) {
    }

    public record Indicator(String code, String name, String unit) {
    }

    public record Baseline(BigDecimal value, int year) {
    }

    /**
     * A task of a criterion (lead, coordinating agencies and deadline omitted = the criterion's) or of the plan.
     * A criterion task with a {@code recurrence} recurs from {@code from} (omitted: the plan's issue date) to
     * {@code until} (omitted: the criterion's deadline).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TaskEntry(String id, String title, String intro, String leadAgency, List<String> coordinatingAgencies,
            LocalDate deadline, String recurrence, Integer dueDay, LocalDate from, LocalDate until, String reportTo,
            List<String> acceptedWarnings) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RecurringEntry(String id, String title, String intro, String leadAgency,
            List<String> coordinatingAgencies, String reportTo, String recurrence, Integer dueDay, LocalDate from,
            LocalDate until) {
    }
}

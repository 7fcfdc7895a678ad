package vn.parsipas.console.clients;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A task as task-service shows it, with the bodies of the commands the console sends. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Task(String id, String planId, String criterionCode, String title, String intro, String leadAgency,
        List<String> coordinatingAgencies, LocalDate deadline, Instant dueAt, String recurrence, String reportTo,
        String status, boolean overdue, BigDecimal percentComplete, Instant assignedAt, String assignedBy,
        Instant updatedAt, Instant completedAt, String completedBy, Boolean completedOnTime, DeadlineFacts deadlineFacts) {

    public boolean isCompleted() {
        return "completed".equals(status);
    }

    /** Due soon: a due-soon fact was raised for the current deadline and the task is neither done nor overdue. */
    public boolean isDueSoon() {
        return !overdue && !isCompleted() && deadlineFacts != null && deadlineFacts.lastDueSoonDays() != null;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DeadlineFacts(Integer lastDueSoonDays, boolean overdueRaised, Instant nextCheck) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change(Instant at, String actor, String change, String leadAgency, String previousLeadAgency,
            LocalDate deadline, LocalDate previousDeadline, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Report(String id, String taskId, BigDecimal percentComplete, String note, String evidenceUrl,
            String reportingAgency, Instant reportedAt, String reportedBy) {
    }

    public record Progress(BigDecimal percentComplete, String note, String evidenceUrl) {
    }

    public record Note(String note) {
    }

    public record Reason(String reason) {
    }
}

package vn.parsipas.task.tasks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A task as the API shows it. {@code overdue} is computed at read time (unfinished and past its
 * deadline); {@code deadlineFacts} says which facts were raised for the current deadline.
 */
public record TaskView(String id, String planId, String criterionCode, String title, String intro, String leadAgency,
        List<String> coordinatingAgencies, LocalDate deadline, Instant dueAt, String recurrence, String reportTo,
        String status, boolean overdue, BigDecimal percentComplete, Instant assignedAt, String assignedBy,
        Instant updatedAt, Instant completedAt, String completedBy, Boolean completedOnTime, DeadlineFacts deadlineFacts) {

    public record DeadlineFacts(Integer lastDueSoonDays, boolean overdueRaised, Instant nextCheck) {
    }
}

package vn.parsipas.contracts.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import vn.parsipas.contracts.Event;
import vn.parsipas.contracts.Lists;

public record TaskUpdated(
        String taskId,
        String planId,
        String criterionCode,
        String title,
        String leadAgency,
        List<String> coordinatingAgencies,
        LocalDate deadline,
        Instant dueAt,
        String change,
        String status,
        String previousLeadAgency,
        LocalDate previousDeadline,
        String reason,
        Instant updatedAt,
        String updatedBy) implements Event {

    public TaskUpdated {
        coordinatingAgencies = Lists.orEmpty(coordinatingAgencies);
    }

    @Override
    public String subject() {
        return taskId;
    }
}

package vn.parsipas.contracts.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import vn.parsipas.contracts.Event;
import vn.parsipas.contracts.Lists;

public record TaskAssigned(
        String taskId,
        String planId,
        String criterionCode,
        String title,
        String leadAgency,
        List<String> coordinatingAgencies,
        LocalDate deadline,
        Instant dueAt,
        String recurrence,
        Instant assignedAt,
        String assignedBy) implements Event {

    public TaskAssigned {
        coordinatingAgencies = Lists.orEmpty(coordinatingAgencies);
    }

    @Override
    public String subject() {
        return taskId;
    }
}

package vn.parsipas.contracts.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import vn.parsipas.contracts.Event;
import vn.parsipas.contracts.Lists;

public record TaskCompleted(
        String taskId,
        String planId,
        String criterionCode,
        String title,
        String leadAgency,
        List<String> coordinatingAgencies,
        LocalDate deadline,
        Instant dueAt,
        Instant completedAt,
        String completedBy,
        boolean onTime,
        String note) implements Event {

    public TaskCompleted {
        coordinatingAgencies = Lists.orEmpty(coordinatingAgencies);
    }

    @Override
    public String subject() {
        return taskId;
    }
}

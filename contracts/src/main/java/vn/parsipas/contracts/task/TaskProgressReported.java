package vn.parsipas.contracts.task;

import java.math.BigDecimal;
import java.time.Instant;

import vn.parsipas.contracts.Event;

public record TaskProgressReported(
        String taskId,
        String reportId,
        BigDecimal percentComplete,
        String note,
        String evidenceUrl,
        String reportingAgency,
        Instant reportedAt,
        String reportedBy) implements Event {

    @Override
    public String subject() {
        return taskId;
    }
}

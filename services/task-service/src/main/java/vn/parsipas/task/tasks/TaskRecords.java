package vn.parsipas.task.tasks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import vn.parsipas.platform.problem.NotFoundException;

/** A task's history of changes and its progress reports, oldest first. */
@ApplicationScoped
public class TaskRecords {
    @Schema(name = "TaskChange")
    public record Change(Instant at, String actor, String change, String leadAgency, String previousLeadAgency,
            LocalDate deadline, LocalDate previousDeadline, String reason) {
    }

    @Schema(name = "ProgressReport")
    public record Report(String id, String taskId, BigDecimal percentComplete, String note, String evidenceUrl,
            String reportingAgency, Instant reportedAt, String reportedBy) {
    }

    public Uni<List<Change>> history(String taskId) {
        return Panache.withSession(() -> requireTask(taskId)
                .chain(() -> TaskHistory.<TaskHistory>list("taskId = ?1 order by id", taskId)))
                .map(rows -> rows.stream().map(h -> new Change(h.at, h.actor, h.change, h.leadAgency,
                        h.previousLeadAgency, h.deadline, h.previousDeadline, h.reason)).toList());
    }

    public Uni<List<Report>> progress(String taskId) {
        return Panache.withSession(() -> requireTask(taskId)
                .chain(() -> ProgressReport.<ProgressReport>list("taskId = ?1 order by reportedAt, id", taskId)))
                .map(rows -> rows.stream().map(TaskRecords::report).toList());
    }

    public Uni<Report> report(String taskId, String reportId) {
        return Panache.withSession(() -> ProgressReport.<ProgressReport>findById(reportId)).map(found -> {
            if (found == null || !found.taskId.equals(taskId)) {
                throw new NotFoundException("Progress report", reportId);
            }
            return report(found);
        });
    }

    private static Report report(ProgressReport r) {
        return new Report(r.id, r.taskId, r.percentComplete, r.note, r.evidenceUrl, r.reportingAgency, r.reportedAt,
                r.reportedBy);
    }

    private static Uni<Void> requireTask(String taskId) {
        return Task.count("id", taskId).map(count -> {
            if (count == 0) {
                throw new NotFoundException("Task", taskId);
            }
            return null;
        });
    }
}

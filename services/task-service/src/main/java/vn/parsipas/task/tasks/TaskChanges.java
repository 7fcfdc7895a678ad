package vn.parsipas.task.tasks;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import vn.parsipas.contracts.task.TaskProgressReported;
import vn.parsipas.platform.outbox.Outbox;
import vn.parsipas.platform.time.BusinessTime;

/**
 * The state changes of a task, each with its history row and its events, inside the caller's
 * transaction on a task the caller has locked. The REST commands and the plan import both go
 * through here, so a change has the same effects whichever way it comes.
 */
@ApplicationScoped
public class TaskChanges {
    private static final Logger LOG = Logger.getLogger(TaskChanges.class);

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    DeadlineSchedule schedule;

    /** A new task: persisted, armed, announced. */
    public Uni<Void> assign(Task task) {
        task.dueAt = BusinessTime.endOf(task.deadline);
        task.updatedAt = clock.instant();
        arm(task);
        return task.persist()
                .chain(() -> history(task, "assigned", task.assignedBy, null, null, null))
                .chain(() -> outbox.add(TaskEvents.assigned(task)))
                .invoke(() -> LOG.infof("task %s assigned to %s, due %s", task.id, task.leadAgency, task.deadline));
    }

    public Uni<Void> reassign(Task task, String leadAgency, List<String> coordinatingAgencies, String reason, String actor) {
        String previousLead = task.leadAgency;
        task.leadAgency = leadAgency;
        task.coordinatingAgencies = coordinatingAgencies.toArray(String[]::new);
        task.updatedAt = clock.instant();
        return history(task, "reassigned", actor, previousLead, null, reason)
                .chain(() -> outbox.add(TaskEvents.updated(task, "reassigned", previousLead, null, reason, actor)))
                .invoke(() -> LOG.infof("task %s reassigned from %s to %s", task.id, previousLead, leadAgency));
    }

    /** Moves the deadline: the facts raised for the old one are cleared and the new one is armed. */
    public Uni<Void> changeDeadline(Task task, LocalDate deadline, String reason, String actor) {
        LocalDate previous = task.deadline;
        Uni<Void> cleared = clearFacts(task, "deadline-changed", previous);
        task.deadline = deadline;
        task.dueAt = BusinessTime.endOf(deadline);
        task.updatedAt = clock.instant();
        if (!task.isClosed()) {
            rearm(task);
        }
        return cleared
                .chain(() -> history(task, "deadline-changed", actor, null, previous, reason))
                .chain(() -> outbox.add(TaskEvents.updated(task, "deadline-changed", null, previous, reason, actor)))
                .invoke(() -> LOG.infof("task %s deadline moved from %s to %s", task.id, previous, deadline));
    }

    public Uni<Void> changeDetails(Task task, String title, String intro, String criterionCode, String reason, String actor) {
        task.title = title;
        task.intro = intro;
        task.criterionCode = criterionCode;
        task.updatedAt = clock.instant();
        return history(task, "details-changed", actor, null, null, reason)
                .chain(() -> outbox.add(TaskEvents.updated(task, "details-changed", null, null, reason, actor)));
    }

    public Uni<Void> reportProgress(Task task, ProgressReport report) {
        if (Task.OPEN.equals(task.status)) {
            task.status = Task.IN_PROGRESS;
        }
        task.percentComplete = report.percentComplete;
        task.updatedAt = report.reportedAt;
        return report.persist().chain(() -> outbox.add(new TaskProgressReported(task.id, report.id,
                report.percentComplete, report.note, report.evidenceUrl, report.reportingAgency, report.reportedAt,
                report.reportedBy)));
    }

    /** Completes the task; deadline facts raised for it are cleared so their alerts resolve. */
    public Uni<Void> complete(Task task, String note, String actor) {
        Instant now = clock.instant();
        Uni<Void> cleared = clearFacts(task, "completed", null);
        task.status = Task.COMPLETED;
        task.completedAt = now;
        task.completedBy = actor;
        task.completedOnTime = !now.isAfter(task.dueAt);
        task.updatedAt = now;
        task.nextDeadlineCheck = null;
        return cleared
                .chain(() -> history(task, "completed", actor, null, null, note))
                .chain(() -> outbox.add(TaskEvents.completed(task, note)))
                .invoke(() -> LOG.infof("task %s completed %s", task.id, task.completedOnTime ? "on time" : "late"));
    }

    /** Reopens a completed (or withdrawn) task: it is followed again, with fresh deadline facts. */
    public Uni<Void> reopen(Task task, String reason, String actor) {
        boolean started = task.percentComplete != null && task.percentComplete.compareTo(BigDecimal.ZERO) > 0;
        task.status = started ? Task.IN_PROGRESS : Task.OPEN;
        task.completedAt = null;
        task.completedBy = null;
        task.completedOnTime = null;
        task.updatedAt = clock.instant();
        rearm(task);
        return history(task, "reopened", actor, null, null, reason)
                .chain(() -> outbox.add(TaskEvents.updated(task, "reopened", null, null, reason, actor)))
                .invoke(() -> LOG.infof("task %s reopened", task.id));
    }

    /** A new plan version dropped the task: it is no longer followed. */
    public Uni<Void> withdraw(Task task, String reason, String actor) {
        Uni<Void> cleared = clearFacts(task, "withdrawn", null);
        task.status = Task.WITHDRAWN;
        task.updatedAt = clock.instant();
        task.nextDeadlineCheck = null;
        return cleared
                .chain(() -> history(task, "withdrawn", actor, null, null, reason))
                .chain(() -> outbox.add(TaskEvents.updated(task, "withdrawn", null, null, reason, actor)))
                .invoke(() -> LOG.infof("task %s withdrawn", task.id));
    }

    /** Clears the facts raised for the current deadline, if any; call before changing the task. */
    private Uni<Void> clearFacts(Task task, String resolution, LocalDate previousDeadline) {
        if (task.isClosed() || !task.hasDeadlineFacts()) {
            return Uni.createFrom().voidItem();
        }
        String eventId = DeadlineSchedule.clearedId(task.id, task.deadline, task.deadlineArming);
        boolean wasOverdue = task.overdueRaised;
        // The event is built after the caller's change, so it carries the task's new state.
        return Uni.createFrom().voidItem().chain(() -> outbox.add(
                TaskEvents.cleared(task, resolution, wasOverdue, previousDeadline, clock.instant()), eventId));
    }

    private void arm(Task task) {
        task.lastDueSoonDays = null;
        task.overdueRaised = false;
        task.nextDeadlineCheck = schedule.nextCheck(task.dueAt, null, false);
    }

    private void rearm(Task task) {
        task.deadlineArming++;
        arm(task);
    }

    private Uni<Void> history(Task task, String change, String actor, String previousLead, LocalDate previousDeadline,
            String reason) {
        TaskHistory entry = new TaskHistory();
        entry.taskId = task.id;
        entry.at = task.updatedAt;
        entry.actor = actor;
        entry.change = change;
        entry.leadAgency = task.leadAgency;
        entry.previousLeadAgency = previousLead;
        entry.deadline = task.deadline;
        entry.previousDeadline = previousDeadline;
        entry.reason = reason;
        return entry.persist().replaceWithVoid();
    }
}

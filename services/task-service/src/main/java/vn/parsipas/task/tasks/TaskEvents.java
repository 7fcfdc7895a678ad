package vn.parsipas.task.tasks;

import java.time.Instant;
import java.time.LocalDate;

import vn.parsipas.contracts.task.TaskAssigned;
import vn.parsipas.contracts.task.TaskCompleted;
import vn.parsipas.contracts.task.TaskDeadlineCleared;
import vn.parsipas.contracts.task.TaskDueSoon;
import vn.parsipas.contracts.task.TaskOverdue;
import vn.parsipas.contracts.task.TaskUpdated;

/** The events of a task, from its current state. */
public final class TaskEvents {
    private TaskEvents() {
    }

    public static TaskAssigned assigned(Task task) {
        return new TaskAssigned(task.id, task.planId, task.criterionCode, task.title, task.leadAgency, task.coordinating(),
                task.deadline, task.dueAt, task.recurrence, task.assignedAt, task.assignedBy);
    }

    public static TaskUpdated updated(Task task, String change, String previousLead, LocalDate previousDeadline,
            String reason, String actor) {
        return new TaskUpdated(task.id, task.planId, task.criterionCode, task.title, task.leadAgency, task.coordinating(),
                task.deadline, task.dueAt, change, task.status, previousLead, previousDeadline, reason, task.updatedAt, actor);
    }

    public static TaskCompleted completed(Task task, String note) {
        return new TaskCompleted(task.id, task.planId, task.criterionCode, task.title, task.leadAgency, task.coordinating(),
                task.deadline, task.dueAt, task.completedAt, task.completedBy, task.completedOnTime, note);
    }

    public static TaskDueSoon dueSoon(Task task, int days, Instant detectedAt) {
        return new TaskDueSoon(task.id, task.planId, task.criterionCode, task.title, task.leadAgency, task.coordinating(),
                task.deadline, task.dueAt, days, detectedAt);
    }

    public static TaskOverdue overdue(Task task, Instant detectedAt) {
        return new TaskOverdue(task.id, task.planId, task.criterionCode, task.title, task.leadAgency, task.coordinating(),
                task.deadline, task.dueAt, detectedAt);
    }

    /** {@code previousDeadline} is set when the cleared deadline is not the task's current one. */
    public static TaskDeadlineCleared cleared(Task task, String resolution, boolean wasOverdue, LocalDate previousDeadline,
            Instant clearedAt) {
        return new TaskDeadlineCleared(task.id, task.planId, task.criterionCode, task.title, task.leadAgency,
                task.coordinating(), task.deadline, task.dueAt, resolution, wasOverdue, previousDeadline, clearedAt);
    }
}

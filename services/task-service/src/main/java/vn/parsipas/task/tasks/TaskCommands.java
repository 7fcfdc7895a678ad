package vn.parsipas.task.tasks;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import vn.parsipas.platform.idempotency.IdempotentRequests;
import vn.parsipas.platform.problem.ConflictException;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.problem.NotFoundException;
import vn.parsipas.platform.text.Sha256;
import vn.parsipas.platform.time.BusinessTime;
import vn.parsipas.task.agency.AgencyDirectory;
import vn.parsipas.task.tasks.TaskRequests.Completion;
import vn.parsipas.task.tasks.TaskRequests.DeadlineChange;
import vn.parsipas.task.tasks.TaskRequests.NewTask;
import vn.parsipas.task.tasks.TaskRequests.Progress;
import vn.parsipas.task.tasks.TaskRequests.Reassignment;
import vn.parsipas.task.tasks.TaskRequests.Reopening;

/**
 * The task commands of the API: each validates, locks the task, applies one {@link TaskChanges}
 * change and commits it with its events; a rejected command changes nothing.
 */
@ApplicationScoped
public class TaskCommands {
    @Inject
    TaskChanges changes;

    @Inject
    AgencyDirectory agencies;

    @Inject
    Clock clock;

    @Inject
    DeadlineWakeUp deadlines;

    @Inject
    PlanReferences plans;

    @Inject
    IdempotentRequests idempotent;

    /** The created task's or report's id: the answer an Idempotency-Key replays (the resource shows what it is now). */
    private static IdempotentRequests.Answer created(String id) {
        return new IdempotentRequests.Answer(201, id);
    }

    /** Assigns a task; answers its id (the first one's, for a retry with the same Idempotency-Key). */
    public Uni<String> create(NewTask request, String idempotencyKey, String actor) {
        List<String> coordinating = coordinating(request.leadAgency(), request.coordinatingAgencies());
        LocalDate today = BusinessTime.today(clock);
        if (request.deadline().isBefore(today)) {
            throw new InvalidInputException("deadline", "is before the assignment date " + today);
        }
        if (request.criterionCode() != null && request.planId() == null) {
            throw new InvalidInputException("planId", "is required with criterionCode");
        }
        IdempotentRequests.Keyed keyed = IdempotentRequests.keyed(idempotencyKey, () -> Sha256.ofJson(request), "tasks", actor);
        return Panache.withTransaction(() -> idempotent.runInSession(keyed,
                        () -> agencies.requireActive(agencyFields(request.leadAgency(), coordinating))
                                .chain(() -> plans.require(request.planId(), request.criterionCode()))
                                .chain(() -> {
                                    Task task = new Task();
                                    task.id = UUID.randomUUID().toString();
                                    task.planId = request.planId();
                                    task.criterionCode = request.criterionCode();
                                    task.title = request.title().strip();
                                    task.leadAgency = request.leadAgency();
                                    task.coordinatingAgencies = coordinating.toArray(String[]::new);
                                    task.deadline = request.deadline();
                                    task.assignedAt = clock.instant();
                                    task.assignedBy = actor;
                                    return changes.assign(task).replaceWith(created(task.id));
                                })))
                .map(IdempotentRequests.Answer::body)
                .invoke(deadlines::wake);
    }

    public Uni<Void> reassign(String id, Reassignment request, String actor) {
        List<String> coordinating = coordinating(request.leadAgency(), request.coordinatingAgencies());
        return onTask(id, task -> {
            requireNotCompleted(task, "reassigned");
            if (task.leadAgency.equals(request.leadAgency()) && task.coordinating().equals(coordinating)) {
                return Uni.createFrom().voidItem();
            }
            return agencies.requireActive(agencyFields(request.leadAgency(), coordinating))
                    .chain(() -> changes.reassign(task, request.leadAgency(), coordinating, blankToNull(request.reason()),
                            actor));
        });
    }

    public Uni<Void> changeDeadline(String id, DeadlineChange request, String actor) {
        return onTask(id, task -> {
            requireNotCompleted(task, "given a new deadline");
            LocalDate assigned = LocalDate.ofInstant(task.assignedAt, BusinessTime.ZONE);
            if (request.deadline().isBefore(assigned)) {
                throw new InvalidInputException("deadline", "is before the assignment date " + assigned);
            }
            if (request.deadline().equals(task.deadline)) {
                return Uni.createFrom().voidItem();
            }
            return changes.changeDeadline(task, request.deadline(), request.reason().strip(), actor);
        }).invoke(deadlines::wake);
    }

    /**
     * A progress report by the lead agency: {@code actingAgencies} are the agencies the caller acts for
     * (null for a coordinator, who may record one on behalf of an agency).
     */
    public Uni<String> reportProgress(String id, Progress request, String idempotencyKey, Set<String> actingAgencies,
            String actor) {
        IdempotentRequests.Keyed keyed = IdempotentRequests.keyed(idempotencyKey, () -> Sha256.ofJson(request), "progress-reports", id,
                actor);
        // The task is locked first: a retry with the same key waits for the first request and gets its answer (no 409).
        return Panache.withTransaction(() -> lock(id).invoke(task -> requireLead(task, actingAgencies))
                .chain(task -> idempotent.runInSession(keyed, () -> {
                    requireNotCompleted(task, "given progress");
                    String reporting = request.reportingAgency() == null ? task.leadAgency : request.reportingAgency();
                    return agencies.requireActive(Map.of("reportingAgency", reporting)).chain(() -> {
                        ProgressReport report = new ProgressReport();
                        report.id = UUID.randomUUID().toString();
                        report.taskId = task.id;
                        report.percentComplete = request.percentComplete();
                        report.note = blankToNull(request.note());
                        report.evidenceUrl = blankToNull(request.evidenceUrl());
                        report.reportingAgency = reporting;
                        report.reportedAt = clock.instant();
                        report.reportedBy = actor;
                        return changes.reportProgress(task, report).replaceWith(created(report.id));
                    });
                }))).map(IdempotentRequests.Answer::body);
    }

    /** Completion is declared by the lead agency or a coordinator ({@code actingAgencies} null). */
    public Uni<Void> complete(String id, Completion request, Set<String> actingAgencies, String actor) {
        return onTask(id, task -> {
            requireLead(task, actingAgencies);
            requireNotCompleted(task, "completed again");
            return changes.complete(task, blankToNull(request.note()), actor);
        });
    }

    public Uni<Void> reopen(String id, Reopening request, String actor) {
        return onTask(id, task -> {
            if (!Task.COMPLETED.equals(task.status)) {
                throw new ConflictException("task " + id + " is " + task.status + ": only a completed task can be reopened");
            }
            return changes.reopen(task, request.reason().strip(), actor);
        }).invoke(deadlines::wake);
    }

    private Uni<Void> onTask(String id, Function<Task, Uni<Void>> change) {
        return Panache.withTransaction(() -> lock(id).chain(task -> change.apply(task)));
    }

    /** The task, locked until the transaction ends: commands and the deadline pass on one task queue up. */
    private static Uni<Task> lock(String id) {
        return Task.<Task>findById(id, LockModeType.PESSIMISTIC_WRITE).map(task -> {
            if (task == null) {
                throw new NotFoundException("Task", id);
            }
            if (Task.WITHDRAWN.equals(task.status)) {
                throw new ConflictException("task " + id + " was withdrawn from its plan");
            }
            return task;
        });
    }

    private static void requireLead(Task task, Set<String> actingAgencies) {
        if (actingAgencies != null && !actingAgencies.contains(task.leadAgency)) {
            throw new ForbiddenException("only the lead agency acts on this task");
        }
    }

    private static void requireNotCompleted(Task task, String what) {
        if (Task.COMPLETED.equals(task.status)) {
            throw new ConflictException("task " + task.id + " is completed and cannot be " + what + "; reopen it first");
        }
    }

    /** Coordinating agencies without duplicates and without the lead, or a 400 naming the field. */
    private static List<String> coordinating(String lead, List<String> requested) {
        if (requested == null) {
            return List.of();
        }
        if (requested.contains(lead)) {
            throw new InvalidInputException("coordinatingAgencies", "contains the lead agency " + lead);
        }
        if (new LinkedHashSet<>(requested).size() != requested.size()) {
            throw new InvalidInputException("coordinatingAgencies", "names an agency twice");
        }
        return List.copyOf(requested);
    }

    private static Map<String, String> agencyFields(String lead, List<String> coordinating) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("leadAgency", lead);
        for (int i = 0; i < coordinating.size(); i++) {
            fields.put("coordinatingAgencies[" + i + "]", coordinating.get(i));
        }
        return fields;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

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
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import vn.parsipas.platform.idempotency.IdempotencyKey;
import vn.parsipas.platform.problem.ConflictException;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.problem.NotFoundException;
import vn.parsipas.platform.time.BusinessTime;
import vn.parsipas.task.Json;
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

    /** The Idempotency-Key's rules, as the OpenAPI document states them. */
    public static final String KEY_RULES = "1 to 200 characters, scoped to the caller (a new task) or to the task (a progress "
            + "report): the same key with the same body answers the first result again and creates nothing twice; the same key "
            + "with another body is refused (422). While a new task with the key is still being assigned, another is refused "
            + "(409: retry it); a progress report locks its task, so a retry waits for the first and gets its answer. Keys are "
            + "kept with what they created, for good.";

    /** The id of what a POST created; {@code replayed} when an Idempotency-Key named an earlier request. */
    public record Created(String id, boolean replayed) {
    }

    public Uni<Created> create(NewTask request, String idempotencyKey, String actor) {
        List<String> coordinating = coordinating(request.leadAgency(), request.coordinatingAgencies());
        LocalDate today = BusinessTime.today(clock);
        if (request.deadline().isBefore(today)) {
            throw new InvalidInputException("deadline", "is before the assignment date " + today);
        }
        if (request.criterionCode() != null && request.planId() == null) {
            throw new InvalidInputException("planId", "is required with criterionCode");
        }
        String hash = Json.fingerprint(request);
        return Panache.withTransaction(() -> take(idempotencyKey, "tasks", actor).chain(() -> replay(Task.<Task>find(
                        "assignedBy = ?1 and idempotencyKey = ?2", actor, idempotencyKey), idempotencyKey, hash, task -> task.requestHash,
                        task -> task.id))
                .chain(replayed -> replayed != null ? Uni.createFrom().item(replayed)
                        : agencies.requireActive(agencyFields(request.leadAgency(), coordinating))
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
                                    task.idempotencyKey = idempotencyKey;
                                    task.requestHash = idempotencyKey == null ? null : hash;
                                    return changes.assign(task).replaceWith(new Created(task.id, false));
                                })))
                .invoke(created -> deadlines.wake());
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
    public Uni<Created> reportProgress(String id, Progress request, String idempotencyKey, Set<String> actingAgencies,
            String actor) {
        String hash = Json.fingerprint(request);
        // No take(): the task's lock makes a retry with the same key wait for the first and answer as it did.
        return Panache.withTransaction(() -> lock(id).invoke(task -> requireLead(task, actingAgencies)).chain(task -> replay(
                        ProgressReport.<ProgressReport>find("taskId = ?1 and idempotencyKey = ?2", id, idempotencyKey),
                        idempotencyKey, hash, report -> report.requestHash, report -> report.id)
                .chain(replayed -> {
                    if (replayed != null) {
                        return Uni.createFrom().item(replayed);
                    }
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
                        report.idempotencyKey = idempotencyKey;
                        report.requestHash = idempotencyKey == null ? null : hash;
                        return changes.reportProgress(task, report).replaceWith(new Created(report.id, false));
                    });
                })));
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

    /** Takes the Idempotency-Key for this transaction: a request with it still being processed is refused (409). */
    private static Uni<Void> take(String key, String... scope) {
        if (key == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(IdempotencyKey.takeSql("?1"))
                        .setParameter(1, IdempotencyKey.scoped(key, scope)).getSingleResult())
                .invoke(taken -> {
                    if (!Boolean.TRUE.equals(taken)) {
                        throw new IdempotencyKey.InUseException(key);
                    }
                }).replaceWithVoid();
    }

    /**
     * The earlier result of a request sent with the same Idempotency-Key, or null; the same key with
     * another request is refused (422).
     */
    private static <T> Uni<Created> replay(PanacheQuery<T> earlier, String key,
            String hash, Function<T, String> hashOf, Function<T, String> idOf) {
        if (key == null) {
            return Uni.createFrom().nullItem();
        }
        return earlier.firstResult().map(found -> {
            if (found == null) {
                return null;
            }
            if (!hash.equals(hashOf.apply(found))) {
                throw new IdempotencyKey.ReusedException(key);
            }
            return new Created(idOf.apply(found), true);
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

package vn.parsipas.task.plan;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.smallrye.mutiny.Uni;
import vn.parsipas.task.Json;
import vn.parsipas.task.plan.PlanContent.TaskSpec;
import vn.parsipas.task.tasks.Task;
import vn.parsipas.task.tasks.TaskChanges;

/**
 * Brings a plan's tasks in line with a version of the plan file, inside the import's transaction.
 * Each task is compared with what the previous version said about it (not with its current state), so
 * a change made through the API since then stays unless the new version changes the same thing.
 */
@ApplicationScoped
class PlanTaskSync {
    @Inject
    TaskChanges changes;

    /** Counts of what changed: assigned, updated, withdrawn. */
    static final class Tally {
        int assigned;
        int updated;
        int withdrawn;
    }

    Uni<Tally> sync(PlanFile.Info plan, int version, List<TaskSpec> specs, Instant assignedAt, String actor) {
        String reason = "Điều chỉnh theo Kế hoạch số " + plan.number() + " (phiên bản " + version + ")";
        return Task.<Task>find("planId = ?1", plan.id()).withLock(LockModeType.PESSIMISTIC_WRITE).list().chain(existing -> {
            Map<String, Task> byId = new HashMap<>();
            existing.forEach(task -> byId.put(task.id, task));
            Tally tally = new Tally();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (TaskSpec spec : specs) {
                Task task = byId.remove(spec.id());
                chain = chain.chain(() -> task == null ? assign(plan.id(), spec, assignedAt, actor, tally)
                        : revise(task, spec, reason, actor, tally));
            }
            for (Task dropped : byId.values()) {
                if (!Task.WITHDRAWN.equals(dropped.status)) {
                    tally.withdrawn++;
                    chain = chain.chain(() -> changes.withdraw(dropped,
                            "Nhiệm vụ không còn trong Kế hoạch số " + plan.number() + " (phiên bản " + version + ")", actor));
                }
            }
            return chain.replaceWith(tally);
        });
    }

    private Uni<Void> assign(String planId, TaskSpec spec, Instant assignedAt, String actor, Tally tally) {
        Task task = new Task();
        task.id = spec.id();
        task.planId = planId;
        task.planTaskId = spec.planTaskId();
        task.criterionCode = spec.criterionCode();
        task.title = spec.title();
        task.intro = spec.intro();
        task.leadAgency = spec.leadAgency();
        task.coordinatingAgencies = spec.coordinatingAgencies().toArray(String[]::new);
        task.deadline = spec.deadline();
        task.recurrence = spec.recurrence();
        task.reportTo = spec.reportTo();
        task.assignedAt = assignedAt;
        task.assignedBy = actor;
        task.planSpec = Json.write(spec);
        tally.assigned++;
        return changes.assign(task);
    }

    private Uni<Void> revise(Task task, TaskSpec spec, String reason, String actor, Tally tally) {
        TaskSpec previous = Json.read(task.planSpec, TaskSpec.class);
        boolean withdrawn = Task.WITHDRAWN.equals(task.status);
        if (spec.equals(previous) && !withdrawn) {
            return Uni.createFrom().voidItem();
        }
        tally.updated++;
        task.planSpec = Json.write(spec);
        task.recurrence = spec.recurrence();
        task.reportTo = spec.reportTo();
        Uni<Void> chain = withdrawn ? changes.reopen(task, reason, actor) : Uni.createFrom().voidItem();
        if (!spec.leadAgency().equals(previous.leadAgency())
                || !spec.coordinatingAgencies().equals(previous.coordinatingAgencies())) {
            chain = chain.chain(() -> changes.reassign(task, spec.leadAgency(), spec.coordinatingAgencies(), reason, actor));
        }
        if (!spec.deadline().equals(previous.deadline())) {
            chain = chain.chain(() -> changes.changeDeadline(task, spec.deadline(), reason, actor));
        }
        if (!spec.title().equals(previous.title()) || !Objects.equals(spec.intro(), previous.intro())
                || !Objects.equals(spec.criterionCode(), previous.criterionCode())) {
            chain = chain.chain(() -> changes.changeDetails(task, spec.title(), spec.intro(), spec.criterionCode(), reason, actor));
        }
        return chain;
    }
}

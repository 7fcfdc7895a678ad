package vn.parsipas.task.tasks;

import io.smallrye.mutiny.Uni;

/**
 * What a new task may point at in the plans: implemented by the plan feature, which drives tasks
 * and may import them, so tasks never import the plan back.
 */
public interface PlanReferences {
    /** Fails with a 400 naming {@code planId} or {@code criterionCode} when the plan or its active criterion does not exist; a null plan passes. */
    Uni<Void> require(String planId, String criterionCode);
}

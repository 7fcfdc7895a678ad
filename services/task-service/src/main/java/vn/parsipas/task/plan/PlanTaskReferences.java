package vn.parsipas.task.plan;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.task.tasks.PlanReferences;

/** A task's plan and criterion exist (and the criterion is active), read in the caller's transaction. */
@ApplicationScoped
public class PlanTaskReferences implements PlanReferences {
    @Override
    public Uni<Void> require(String planId, String criterionCode) {
        if (planId == null) {
            return Uni.createFrom().voidItem();
        }
        return Plan.findById(planId).chain(plan -> {
            if (plan == null) {
                throw new InvalidInputException("planId", "plan " + planId + " does not exist");
            }
            return criterionCode == null ? Uni.createFrom().voidItem()
                    : Criterion.count("planId = ?1 and code = ?2 and active = true", planId, criterionCode).map(found -> {
                        if (found == 0) {
                            throw new InvalidInputException("criterionCode", "plan " + planId + " has no criterion " + criterionCode);
                        }
                        return null;
                    });
        });
    }
}

package vn.parsipas.task;

import org.junit.jupiter.api.Test;

import vn.parsipas.devstack.ArchitectureRules;
import vn.parsipas.task.deadline.DeadlineDetector;
import vn.parsipas.task.plan.PlanImporter;
import vn.parsipas.task.tasks.TaskCommands;

/** Package direction, shared code and data access as docs/DECISIONS.md rules them (a plain JVM test, no Quarkus start). */
class ArchitectureTest {
    @Test
    void packagesPointOneWayAndSqlStaysOutOfResources() {
        // Native statements that must share the entity transaction: the claim of due tasks (FOR UPDATE SKIP LOCKED,
        // answered as Task entities), the plan import's advisory lock, the Idempotency-Key's advisory lock.
        ArchitectureRules.check("vn.parsipas.task", DeadlineDetector.class, PlanImporter.class, TaskCommands.class);
    }
}

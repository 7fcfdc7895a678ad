package vn.parsipas.task;

import org.junit.jupiter.api.Test;

import vn.parsipas.devstack.ArchitectureRules;
import vn.parsipas.task.plan.PlanImporter;
import vn.parsipas.task.tasks.TaskCommands;

/** Package direction, shared code and data access as docs/DECISIONS.md rules them (a plain JVM test, no Quarkus start). */
class ArchitectureTest {
    @Test
    void packagesPointOneWayAndSqlStaysOutOfResources() {
        // Native statements that must share the entity transaction: the plan import's advisory lock, the
        // Idempotency-Key's advisory lock. (The claim of due tasks is a claim queue on the pool: DeadlineDetector.)
        ArchitectureRules.check("vn.parsipas.task", PlanImporter.class, TaskCommands.class);
    }
}

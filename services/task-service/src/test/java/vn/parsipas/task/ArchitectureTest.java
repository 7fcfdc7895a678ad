package vn.parsipas.task;

import org.junit.jupiter.api.Test;

import vn.parsipas.devstack.ArchitectureRules;
import vn.parsipas.task.plan.PlanImporter;

/** Package direction, shared code and data access as docs/DECISIONS.md rules them (a plain JVM test, no Quarkus start). */
class ArchitectureTest {
    @Test
    void packagesPointOneWayAndSqlStaysOutOfResources() {
        // The one native statement that must share the entity transaction: the plan import's advisory lock.
        // (The Idempotency-Key's is the platform's; the claim of due tasks is a claim queue on the pool.)
        ArchitectureRules.check("vn.parsipas.task", PlanImporter.class);
    }
}

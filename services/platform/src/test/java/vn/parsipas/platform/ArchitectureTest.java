package vn.parsipas.platform;

import org.junit.jupiter.api.Test;

import vn.parsipas.devstack.ArchitectureRules;
import vn.parsipas.platform.events.Inbox;
import vn.parsipas.platform.idempotency.IdempotentRequests;
import vn.parsipas.platform.outbox.Outbox;

/** Package direction, shared code and data access as docs/DECISIONS.md rules them (a plain JVM test, no Quarkus start). */
class ArchitectureTest {
    @Test
    void packagesPointOneWayAndSqlStaysOutOfResources() {
        // Native statements in an entity transaction: the inbox and outbox rows, the Idempotency-Key's advisory lock.
        ArchitectureRules.check("vn.parsipas.platform", Inbox.class, Outbox.class, IdempotentRequests.class);
    }
}

package vn.parsipas.platform;

import org.junit.jupiter.api.Test;

import vn.parsipas.devstack.ArchitectureRules;
import vn.parsipas.platform.events.Inbox;
import vn.parsipas.platform.outbox.Outbox;

/** Package direction, shared code and data access as docs/DECISIONS.md rules them (a plain JVM test, no Quarkus start). */
class ArchitectureTest {
    @Test
    void packagesPointOneWayAndSqlStaysOutOfResources() {
        ArchitectureRules.check("vn.parsipas.platform", Inbox.class, Outbox.class);
    }
}

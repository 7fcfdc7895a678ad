package vn.parsipas.notification;

import org.junit.jupiter.api.Test;

import vn.parsipas.devstack.ArchitectureRules;

/** Package direction, shared code and data access as docs/DECISIONS.md rules them (a plain JVM test, no Quarkus start). */
class ArchitectureTest {
    @Test
    void packagesPointOneWayAndSqlStaysOutOfResources() {
        ArchitectureRules.check("vn.parsipas.notification");
    }
}

package vn.parsipas.console;

import org.junit.jupiter.api.Test;

import vn.parsipas.devstack.ArchitectureRules;

/**
 * Package direction and shared code as docs/DECISIONS.md rules them (a plain JVM test, no Quarkus start).
 * The console runs no SQL, so the data-access rules find nothing to judge; it reaches the services only
 * through their REST APIs, so importing a service module fails here like in any service.
 */
class ArchitectureTest {
    @Test
    void packagesPointOneWayAndNoServiceIsImported() {
        ArchitectureRules.check("vn.parsipas.console");
    }
}

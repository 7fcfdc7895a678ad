package vn.parsipas.survey;

import org.junit.jupiter.api.Test;

import vn.parsipas.devstack.ArchitectureRules;

/** Package direction, shared code and data access as docs/DECISIONS.md rules them (a plain JVM test, no Quarkus start). */
class ArchitectureTest {
    @Test
    void packagesPointOneWayAndSqlStaysOutOfResources() {
        // Db reads rows through the Hibernate session, which the data-access rule forbids: the one exception left,
        // until the service moves to the Vert.x Pool (docs/DECISIONS.md, "Structure and data access").
        ArchitectureRules.check("vn.parsipas.survey", Db.class);
    }
}

package vn.parsipas.devstack;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Arrays;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * The structure every module keeps (docs/DECISIONS.md, "Packages point one way" and "Data access"),
 * checked on its compiled main classes by a plain unit test, without starting Quarkus:
 * <ul>
 *   <li>its feature packages import each other one way only (no cycle between {@code <root>.<feature>});</li>
 *   <li>it reaches no other module of the suite but {@code contracts} and {@code platform} (services never
 *       import each other; the platform imports no service);</li>
 *   <li>no REST resource touches SQL (the Vert.x client or a native Hibernate query): a resource calls
 *       the feature's class that does;</li>
 *   <li>no REST resource opens a transaction: every transaction boundary is in a service class;</li>
 *   <li>native SQL runs through the Hibernate session only in the classes named as exceptions, each a
 *       statement that must share an entity transaction (a lock, a claim of entities, the platform's inbox
 *       and outbox rows); rows are never read that way.</li>
 * </ul>
 */
public final class ArchitectureRules {
    private static final String SUITE = "vn.parsipas..";
    private static final String SQL_CLIENT = "io.vertx.mutiny.sqlclient..";
    private static final String HIBERNATE_SESSION = "org\\.hibernate\\.reactive\\.mutiny\\.Mutiny\\$.*Session";

    private ArchitectureRules() {
    }

    /**
     * Checks the module whose main classes live under {@code root} (e.g. {@code vn.parsipas.task});
     * {@code nativeSessionSql} names the classes allowed to run native SQL in the Hibernate session.
     */
    public static void check(String root, Class<?>... nativeSessionSql) {
        // The rules judge by names: the module's own classes suffice, not the whole classpath behind them (seconds, not a minute).
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(root);
        if (classes.isEmpty()) {
            throw new IllegalStateException("no main class under " + root);
        }
        rules(root, nativeSessionSql).check(classes);
    }

    /** The rules, for classes under {@code root}. */
    static ArchRule rules(String root, Class<?>... nativeSessionSql) {
        String exceptions = String.join("|", Arrays.stream(nativeSessionSql).map(ArchitectureRules::withNested).toList());
        return CompositeArchRule.of(slices().matching(root + ".(*)..").namingSlices(root + ".$1")
                .should().beFreeOfCycles()
                .because("feature packages import each other one way only"))
                .and(noClasses().should().dependOnClassesThat(resideInAPackage(SUITE)
                        .and(not(resideInAnyPackage(root + "..", "vn.parsipas.contracts..", "vn.parsipas.platform.."))))
                .because("only contracts and platform are shared; services talk through Kafka"))
                .and(noClasses().that().areAnnotatedWith("jakarta.ws.rs.Path")
                .should().callMethodWhere(target(owner(resideInAPackage(SQL_CLIENT))))
                .orShould().callMethodWhere(target(name("createNativeQuery")))
                .because("a resource calls the class of its feature that owns the SQL")
                .allowEmptyShould(true))
                .and(noClasses().that().areAnnotatedWith("jakarta.ws.rs.Path")
                .should().callMethodWhere(target(name("withTransaction")))
                .because("a transaction begins and ends in the feature's service class, not in a resource")
                .allowEmptyShould(true))
                .and(noClasses().that(not(nameMatching(exceptions)))
                .should().callMethodWhere(target(name("createNativeQuery")).and(target(owner(nameMatching(HIBERNATE_SESSION)))))
                .because("entities for aggregates with a lifecycle, the Vert.x SqlConnection for bulk writes, claims and read models;"
                        + " native SQL in the Hibernate session only where a statement must share an entity transaction")
                .allowEmptyShould(true));
    }

    /** The class and the classes nested in it (its lambdas' and anonymous classes' calls count as its own). */
    private static String withNested(Class<?> type) {
        return type.getName().replace(".", "\\.").replace("$", "\\$") + "(\\$.*)?";
    }
}

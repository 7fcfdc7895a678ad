package vn.parsipas.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;

/** The architecture rules pass on one-way packages and fail on a cycle or on a module importing another. */
class ArchitectureRulesTest {
    private static final String FIXTURE = "vn.parsipas.devstack.fixture";
    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(FIXTURE);

    @Test
    void packagesThatPointOneWayPass() {
        assertThat(evaluate("clean").hasViolation()).isFalse();
    }

    @Test
    void aPackageCycleFails() {
        EvaluationResult result = evaluate("cyclic");

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("Cycle detected: " + FIXTURE + ".cyclic.a -> ");
    }

    @Test
    void aModuleImportingAnotherFails() {
        EvaluationResult result = evaluate("crossing");

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("only contracts and platform are shared")
                .contains(FIXTURE + ".crossing.a.Caller").contains(FIXTURE + ".clean.a.First");
    }

    private static EvaluationResult evaluate(String module) {
        String root = FIXTURE + "." + module;
        return ArchitectureRules.rules(root).evaluate(CLASSES.that(JavaClass.Predicates.resideInAPackage(root + "..")));
    }
}

package vn.parsipas.task.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.parsipas.task.plan.SeedEdits.read;
import static vn.parsipas.task.plan.SeedEdits.target;
import static vn.parsipas.task.plan.SeedEdits.task;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The checker's warnings: the patterns the audit of the first plan found, each where it is. */
class PlanWarningsTest {

    @Test
    void theCorrectedSeedWarnsOfNothingButTheOneItAccepts() {
        PlanReader.ParsedPlan seed = read(plan -> { });

        assertThat(seed.warnings()).isEmpty();
        assertThat(seed.acceptedWarnings()).isEqualTo(1);
    }

    @Test
    void aTargetOwnedByACollectiveOrByABodyOutsideTheHierarchyIsWarnedAbout() {
        PlanReader.ParsedPlan plan = read(p -> {
            target(p, "1.8", 0).put("responsibleAgency", "ALL-DEPARTMENTS");
            target(p, "2.2.1", 0).put("responsibleAgency", "BUU-DIEN-TINH");
        });

        assertThat(plan.warnings()).extracting(PlanWarning::field, PlanWarning::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("criteria[7].targets[0].responsibleAgency", PlanWarning.OWNER_COLLECTIVE),
                org.assertj.core.groups.Tuple.tuple("criteria[25].targets[0].responsibleAgency", PlanWarning.OWNER_OUTSIDE_HIERARCHY));
        assertThat(plan.warnings().get(1).message()).contains("t-2.2.1-satisfaction").contains("Bưu điện tỉnh")
                .contains("ngoài hệ thống cơ quan của tỉnh");
    }

    @Test
    void aOneOffTaskThatSaysItRecursIsWarnedAbout() {
        PlanReader.ParsedPlan plan = read(p -> {
            ObjectNode monthly = task(p, "1.8-t5");
            monthly.remove(List.of("recurrence", "recurrenceText"));
        });

        assertThat(plan.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo(PlanWarning.RECURRING_WORDING);
            assertThat(w.field()).isEqualTo("criteria[7].tasks[4].recurrence");
            assertThat(w.message()).contains("1.8-t5").contains("«tháng/lần»");
        });
    }

    @Test
    void aResultPublishedAfterItsDeadlineWithoutItsDateIsWarnedAbout() {
        PlanReader.ParsedPlan plan = read(p -> {
            target(p, "1.2", 0).remove("resultExpectedBy");
            target(p, "1.19", 0).remove("resultExpectedBy");
        });

        assertThat(plan.warnings()).extracting(PlanWarning::code).containsExactly(PlanWarning.RESULT_AFTER_DEADLINE,
                PlanWarning.RESULT_AFTER_DEADLINE);
        assertThat(plan.warnings().get(0).message()).contains("t-1.2-legal-documents-survey").contains("resultExpectedBy");
    }

    @Test
    void anAcceptedWarningWithItsReasonIsCountedNotRepeated() {
        PlanReader.ParsedPlan plan = read(p -> target(p, "1.16", 0).put("responsibleAgency", "ALL-AGENCIES")
                .put("note", "Giao cho mọi cơ quan theo chỉ đạo của UBND tỉnh.")
                .putArray("acceptedWarnings").add(PlanWarning.OWNER_COLLECTIVE));

        assertThat(plan.warnings()).isEmpty();
        assertThat(plan.acceptedWarnings()).isEqualTo(2);
    }
}

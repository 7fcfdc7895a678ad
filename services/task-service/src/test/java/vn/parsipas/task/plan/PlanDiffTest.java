package vn.parsipas.task.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.parsipas.task.plan.SeedEdits.read;
import static vn.parsipas.task.plan.SeedEdits.target;
import static vn.parsipas.task.plan.SeedEdits.task;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;

import vn.parsipas.task.agency.AgencyRequests.PlanAgency;
import vn.parsipas.task.plan.PlanPreview.Impact;

/** The dry run's comparison: what a new version changes, for whom, as the import would apply it. */
class PlanDiffTest {
    private static final PlanReader.ParsedPlan V1 = read(plan -> { });
    private static final Map<String, PlanAgency> DIRECTORY = V1.content().agencies().stream()
            .collect(Collectors.toMap(PlanAgency::code, a -> a));

    @Test
    void aRevisionShowsTasksAddedRemovedReownedRescheduledAndTargetsChangedPerAgency() {
        PlanReader.ParsedPlan v2 = read(plan -> {
            task(plan, "1.1-t2").put("leadAgency", "SO-NOI-VU");                      // re-owned
            task(plan, "1.2-t1").put("deadline", "2025-09-30");                       // rescheduled
            ((ArrayNode) SeedEdits.criterion(plan, "1.4").get("tasks")).addObject()   // added
                    .put("id", "1.4-t2").put("title", "Tổ chức hội nghị đối thoại về cải cách hành chính.");
            ((ArrayNode) SeedEdits.criterion(plan, "2.2.1").get("tasks")).remove(2);  // removed
            target(plan, "1.16", 0).put("value", 85);                                 // changed
            target(plan, "1.21", 1).put("responsibleAgency", "SO-NOI-VU");             // re-owned target
        });

        PlanPreview preview = diff(v2);

        assertThat(preview.outcome()).isEqualTo(ImportResult.REVISED);
        assertThat(preview.tasks().added()).extracting(PlanPreview.TaskItem::id).containsExactly("dak-lak-2025:1.4-t2");
        assertThat(preview.tasks().removed()).extracting(PlanPreview.TaskItem::id).containsExactly("dak-lak-2025:2.2.1-t3");
        assertThat(preview.tasks().reassigned()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("dak-lak-2025:1.1-t2");
            assertThat(r.previousLeadAgency()).isEqualTo("VP-UBND-TINH");
            assertThat(r.leadAgency()).isEqualTo("SO-NOI-VU");
        });
        assertThat(preview.tasks().rescheduled()).singleElement().satisfies(r -> {
            assertThat(r.previousDeadline()).isEqualTo(LocalDate.parse("2025-12-31"));
            assertThat(r.deadline()).isEqualTo(LocalDate.parse("2025-09-30"));
        });
        assertThat(preview.targets().changed()).extracting(PlanPreview.TargetItem::id, PlanPreview.TargetItem::changedFields)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("dak-lak-2025:t-1.16-online-dossier-rate", List.of("value")),
                        org.assertj.core.groups.Tuple.tuple("dak-lak-2025:t-1.21-registered-capital", List.of("responsibleAgency")));
        assertThat(preview.targets().added()).isEmpty();
        assertThat(preview.agencies().added()).isEmpty();

        Map<String, Impact> byAgency = preview.byAgency().stream().collect(Collectors.toMap(Impact::agency, i -> i));
        assertThat(byAgency.get("SO-NOI-VU").tasksGained()).containsExactly("dak-lak-2025:1.1-t2", "dak-lak-2025:1.4-t2");
        assertThat(byAgency.get("SO-NOI-VU").targetsGained()).containsExactly("dak-lak-2025:t-1.21-registered-capital");
        assertThat(byAgency.get("VP-UBND-TINH").tasksLost()).containsExactly("dak-lak-2025:1.1-t2");
        assertThat(byAgency.get("SO-TAI-CHINH").targetsLost()).containsExactly("dak-lak-2025:t-1.21-registered-capital");
        assertThat(byAgency.get("SO-KHOA-HOC-CONG-NGHE").targetsChanged()).containsExactly("dak-lak-2025:t-1.16-online-dossier-rate");
        assertThat(byAgency.get("ALL-AGENCIES").tasksRescheduled()).containsExactly("dak-lak-2025:1.2-t1");
    }

    @Test
    void aTaskWithdrawnSinceTheLastVersionComesBackAsAddedAndTheSameFileChangesNothing() {
        List<PlanDiff.StoredTask> stored = V1.content().tasks().stream()
                .map(spec -> new PlanDiff.StoredTask(spec, spec.id().equals("dak-lak-2025:1.5-t2"))).toList();

        PlanPreview same = PlanDiff.between("dak-lak-2025", 1, ImportResult.UNCHANGED, List.of(), stored,
                V1.content().targets().stream().map(PlanContent.TargetSpec::definition).toList(), DIRECTORY, V1.content());

        assertThat(same.tasks().added()).extracting(PlanPreview.TaskItem::id).containsExactly("dak-lak-2025:1.5-t2");
        assertThat(same.tasks().removed()).isEmpty();
        assertThat(same.targets().changed()).isEmpty();
    }

    @Test
    void aNewAgencyAndAChangedOneAreListed() {
        PlanReader.ParsedPlan v2 = read(plan -> {
            ((ArrayNode) plan.get("agencies")).addObject().put("code", "SO-Y-TE").put("name", "Sở Y tế").put("kind", "department")
                    .put("parent", "VP-UBND-TINH");
            ((com.fasterxml.jackson.databind.node.ObjectNode) plan.get("agencies").get(3)).put("name", "Sở Tư pháp tỉnh");
        });

        PlanPreview preview = diff(v2);

        assertThat(preview.agencies().added()).containsExactly("SO-Y-TE");
        assertThat(preview.agencies().changed()).containsExactly("SO-TU-PHAP");
    }

    private static PlanPreview diff(PlanReader.ParsedPlan next) {
        List<PlanDiff.StoredTask> stored = V1.content().tasks().stream().map(spec -> new PlanDiff.StoredTask(spec, false)).toList();
        return PlanDiff.between("dak-lak-2025", 1, ImportResult.REVISED, next.warnings(), stored,
                V1.content().targets().stream().map(PlanContent.TargetSpec::definition).toList(), DIRECTORY, next.content());
    }
}

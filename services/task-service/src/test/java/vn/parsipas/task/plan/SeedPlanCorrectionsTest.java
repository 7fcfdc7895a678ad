package vn.parsipas.task.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import vn.parsipas.contracts.plan.TargetDefined;
import vn.parsipas.task.Fixtures;
import vn.parsipas.task.plan.PlanContent.TaskSpec;

/**
 * The corrections of the audit of deploy/plans/dak-lak-2025.yaml (issue 16), one test each: who owns a
 * target, what it measures, when duties recur, when results are judged, how names and figures are
 * read. Each reading is recorded in the file beside the value it explains.
 */
class SeedPlanCorrectionsTest {
    private static final PlanReader.ParsedPlan SEED = PlanReader.read(Fixtures.seedPlan(), PlanFormat.YAML);
    private static final JsonNode DOCUMENT = SEED.document();
    private static final Map<String, JsonNode> CRITERIA = index(DOCUMENT.get("criteria"), c -> c.get("code").asText());

    @Test
    void sipasServiceSubIndicesAreOwnedByAnOfficeThatCanActWithBuuDienTinhImplementing() {
        Map<String, String> owners = Map.of("2.2.1", "VP-UBND-TINH", "2.2.2", "VP-UBND-TINH", "2.2.3", "VP-UBND-TINH",
                "2.2.4", "VP-UBND-TINH", "2.2.5", "SO-NOI-VU");
        owners.forEach((code, owner) -> {
            JsonNode criterion = CRITERIA.get(code);
            assertThat(criterion.get("leadAgency").asText()).as(code).isEqualTo(owner);
            assertThat(criterion.get("targets").get(0).get("responsibleAgency").asText()).as(code).isEqualTo(owner);
            assertThat(texts(criterion.get("coordinatingAgencies"))).as(code).contains("BUU-DIEN-TINH", "ALL-AGENCIES");
            // the source's wording stays, and the reading is recorded beside it
            assertThat(criterion.get("responsibilityText").asText()).as(code).startsWith("Cơ quan thực hiện: ").contains("Bưu điện tỉnh");
            assertThat(criterion.get("note").asText()).as(code).contains("with no lead").contains("Bưu điện tỉnh");
        });
        assertThat(SEED.warnings()).noneMatch(w -> w.code().startsWith("target-owner"));
    }

    @Test
    void criterion119HasItsOwnTargetAndTheGrowthOf122IsKeptOnce() throws Exception {
        JsonNode target = single(CRITERIA.get("1.19").get("targets"));
        assertThat(target.get("description").asText()).isEqualTo(CRITERIA.get("1.19").get("objective").asText());
        assertThat(target.at("/indicator/unit").asText()).isEqualTo("group");
        assertThat(target.get("comparator").asText()).isEqualTo("eq");
        assertThat(target.get("value").asInt()).isEqualTo(1);
        assertThat(target.has("sourceRef")).isFalse();

        List<String> growth = new ArrayList<>();
        CRITERIA.forEach((code, criterion) -> criterion.get("targets").forEach(t -> {
            if ("state-budget-revenue-growth".equals(t.at("/indicator/code").asText())) {
                growth.add(code);
            }
        }));
        assertThat(growth).containsExactly("1.22");
        assertThat(catalogue("state-budget-revenue-group").get("dataProvider").asText()).isEqualTo("SO-NOI-VU");
    }

    @Test
    void criterion111MeasuresTheLevelOfAutonomyNotTheNumberOfUnits() throws Exception {
        JsonNode target = single(CRITERIA.get("1.11").get("targets"));
        String indicator = target.at("/indicator/code").asText();
        assertThat(target.at("/indicator/unit").asText()).isEqualTo("percent");
        assertThat(target.at("/indicator/name").asText()).startsWith("Mức tự bảo đảm chi thường xuyên");
        assertThat(target.get("comparator").asText()).isEqualTo("gt");
        assertThat(target.get("relativeTo").asText()).isEqualTo("baseline");
        assertThat(target.get("responsibleAgency").asText()).isEqualTo("SO-TAI-CHINH");
        assertThat(catalogue(indicator).get("dataProvider").asText()).isEqualTo("SO-TAI-CHINH");
    }

    @Test
    void disbursementIsOwnedBySoTaiChinhWithTheDepartmentsAndInvestorsImplementing() {
        JsonNode criterion = CRITERIA.get("1.8");
        JsonNode disbursement = criterion.get("targets").get(0);
        assertThat(disbursement.get("id").asText()).isEqualTo("t-1.8-disbursement-rate");
        assertThat(disbursement.get("responsibleAgency").asText()).isEqualTo("SO-TAI-CHINH");
        assertThat(criterion.get("leadAgency").asText()).isEqualTo("SO-TAI-CHINH");
        assertThat(texts(criterion.get("coordinatingAgencies"))).contains("ALL-DEPARTMENTS", "ALL-INVESTORS");
        Map<String, TaskSpec> tasks = index(SEED.content().tasks(), TaskSpec::planTaskId);
        for (String task : List.of("1.8-t1", "1.8-t2", "1.8-t3", "1.8-t4")) {
            assertThat(tasks.get(task).leadAgency()).as(task).isEqualTo("ALL-DEPARTMENTS");
            assertThat(tasks.get(task).coordinatingAgencies()).as(task).containsExactly("ALL-INVESTORS");
        }
    }

    @Test
    void recurringDutiesHaveAnOccurrenceAndADeadlinePerPeriod() {
        Map<String, List<LocalDate>> due = SEED.content().tasks().stream().filter(t -> t.recurrence() != null)
                .collect(Collectors.groupingBy(TaskSpec::planTaskId, Collectors.mapping(TaskSpec::deadline, Collectors.toList())));

        assertThat(due.get("1.8-t5")).hasSize(8).first().isEqualTo(LocalDate.parse("2025-05-31"));
        assertThat(due.get("1.8-t5")).last().isEqualTo(LocalDate.parse("2025-12-31"));
        assertThat(due.get("1.8-t9")).containsExactly(LocalDate.parse("2025-06-30"), LocalDate.parse("2025-09-30"),
                LocalDate.parse("2025-12-31"));
        assertThat(due.get("2.2.5-t1")).containsExactly(LocalDate.parse("2025-12-31"));
        // the periodic PAR reports follow the reporting calendar of văn bản 581/BNV-CCHC: by the 20th
        List<LocalDate> calendar = List.of(LocalDate.parse("2025-06-20"), LocalDate.parse("2025-09-20"), LocalDate.parse("2025-12-20"));
        assertThat(due.get("2.2.2-t2")).isEqualTo(calendar);
        assertThat(due.get("plan-r1")).isEqualTo(calendar);
        assertThat(due.get("plan-r2")).isEqualTo(calendar);
        assertThat(SEED.content().tasks()).filteredOn(t -> t.id().startsWith("dak-lak-2025:1.8-t5-"))
                .extracting(TaskSpec::id).doesNotHaveDuplicates().contains("dak-lak-2025:1.8-t5-2025-07");
        assertThat(SEED.warnings()).noneMatch(w -> w.code().equals(PlanWarning.RECURRING_WORDING));
    }

    @Test
    void resultsPublishedTheNextYearAreJudgedWhenTheyAreExpected() {
        Map<String, TargetDefined> targets = index(SEED.content().targets().stream().map(PlanContent.TargetSpec::definition).toList(),
                t -> t.targetId().substring("dak-lak-2025:".length()));
        for (String id : List.of("t-plan-par-index-rank", "t-1.2-legal-documents-survey", "t-1.4-organisation-survey",
                "t-1.7-civil-service-survey", "t-1.12-public-finance-survey", "t-1.18-portal-survey", "t-1.19-budget-revenue-group")) {
            TargetDefined target = targets.get(id);
            assertThat(target.deadline()).as(id).isEqualTo(LocalDate.parse("2025-12-31"));
            assertThat(target.resultExpectedBy()).as(id).isEqualTo(LocalDate.parse("2026-06-30"));
        }
        assertThat(targets.get("t-1.8-disbursement-rate").resultExpectedBy()).isEqualTo(LocalDate.parse("2026-02-15"));
        assertThat(targets.get("t-1.16-online-dossier-rate").resultExpectedBy()).isNull();
        assertThat(SEED.warnings()).noneMatch(w -> w.code().equals(PlanWarning.RESULT_AFTER_DEADLINE));
    }

    @Test
    void agencyNamesAreWrittenAsThePlanWritesThem() {
        StringBuilder verbatim = new StringBuilder();
        JsonNode plan = DOCUMENT.get("plan");
        List.of("preamble", "closing").forEach(field -> verbatim.append(plan.get(field).asText()).append('\n'));
        plan.at("/goals/purposes").forEach(line -> verbatim.append(line.asText()).append('\n'));
        plan.at("/goals/requirements").forEach(line -> verbatim.append(line.asText()).append('\n'));
        for (JsonNode criterion : DOCUMENT.get("criteria")) {
            List.of("title", "objective", "responsibilityText").forEach(f -> verbatim.append(criterion.get(f).asText()).append('\n'));
            criterion.get("tasks").forEach(task -> verbatim.append(task.get("title").asText()).append('\n')
                    .append(task.path("intro").asText()).append('\n'));
        }
        DOCUMENT.get("tasks").forEach(task -> verbatim.append(task.get("title").asText()).append('\n'));
        String text = verbatim.toString();

        for (JsonNode agency : DOCUMENT.get("agencies")) {
            List<String> names = new ArrayList<>(List.of(agency.get("name").asText()));
            agency.path("aliases").forEach(alias -> names.add(alias.asText()));
            for (String name : names) {
                String lowerFirst = name.substring(0, 1).toLowerCase() + name.substring(1);
                assertThat(text.contains(name) || text.contains(lowerFirst)).as("%s «%s» is written so in the plan",
                        agency.get("code").asText(), name).isTrue();
            }
        }
        Map<String, JsonNode> agencies = index(DOCUMENT.get("agencies"), a -> a.get("code").asText());
        assertThat(agencies.get("CHI-CUC-THUE-KV-XIV").get("name").asText()).isEqualTo("Chi Cục Thuế khu vực XIV");
        assertThat(agencies.get("CHI-CUC-HAI-QUAN-KV-XIV").get("name").asText()).isEqualTo("Chi cục Hải quan Khu vực XIV");
        assertThat(agencies.get("UBND-TINH").get("name").asText()).isEqualTo("UBND tỉnh");
    }

    @Test
    void theThreePercentIsReadAsPercentagePointsBesideEachTarget() {
        for (String code : List.of("2.2.1", "2.2.3", "2.2.4", "2.2.5", "2.2.6")) {
            JsonNode target = CRITERIA.get(code).get("targets").get(0);
            String value = target.get("value").decimalValue().stripTrailingZeros().toPlainString();
            assertThat(target.get("baseline").get("value").decimalValue().add(target.get("delta").decimalValue()))
                    .isEqualByComparingTo(target.get("value").decimalValue());
            assertThat(target.path("note").asText()).as(code).contains("percentage points").contains("= " + value);
        }
        assertThat(CRITERIA.get("2.2.1").get("targets").get(0).get("note").asText())
                .contains("81.31 + 3 = 84.31").contains("not 81.31 x 1.03 = 83.75");
    }

    private static JsonNode catalogue(String code) throws Exception {
        JsonNode catalogue = new ObjectMapper(new YAMLFactory()).readTree(Path.of("../../deploy/indicators/catalogue.yaml").toFile());
        for (JsonNode indicator : catalogue.get("indicators")) {
            if (indicator.get("code").asText().equals(code)) {
                return indicator;
            }
        }
        throw new AssertionError(code + " is not in deploy/indicators/catalogue.yaml");
    }

    private static JsonNode single(JsonNode array) {
        assertThat(array).hasSize(1);
        return array.get(0);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static <T> Map<String, T> index(Iterable<T> items, Function<T, String> key) {
        Map<String, T> map = new java.util.LinkedHashMap<>();
        items.forEach(item -> map.putIfAbsent(key.apply(item), item));
        return map;
    }
}

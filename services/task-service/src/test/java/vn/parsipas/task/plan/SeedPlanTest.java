package vn.parsipas.task.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.parsipas.task.Fixtures.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.Topics;
import vn.parsipas.devstack.ListPages;
import vn.parsipas.task.Fixtures;
import vn.parsipas.task.TaskServiceTest;

/**
 * The Đắk Lắk 2025 plan (deploy/plans/dak-lak-2025.yaml) is imported at the first start of the empty
 * test database. What the service holds and published must match the seed exactly.
 */
@QuarkusTest
@TaskServiceTest
class SeedPlanTest {
    private static final String PLAN = "dak-lak-2025";
    private static final Map<String, Integer> TASKS_PER_CRITERION = tasksPerCriterion();

    @Test
    void theInitialPlanIsImportedOnceAtFirstStart() {
        JsonPath plan = api().get("/api/v1/plans/" + PLAN).then().statusCode(200).extract().jsonPath();
        assertThat(plan.getString("number")).isEqualTo("120/KH-UBND");
        assertThat(plan.getString("issuer")).isEqualTo("Ủy ban nhân dân tỉnh Đắk Lắk");
        assertThat(plan.getString("issuedOn")).isEqualTo("2025-05-26");
        assertThat(plan.getInt("version")).isEqualTo(1);
        assertThat(plan.getString("importedBy")).isEqualTo("initial-plan");

        assertThat(api().get("/api/v1/plans/" + PLAN + "/versions").then().statusCode(200).extract().jsonPath()
                .getList("version")).containsExactly(1);
    }

    @Test
    void criteriaHaveTheSeedsCodesLeadsAndTaskCounts() {
        List<Map<String, Object>> criteria = api().get("/api/v1/plans/" + PLAN + "/criteria").then().statusCode(200)
                .extract().jsonPath().getList("$");

        assertThat(criteria).extracting(c -> c.get("code")).containsExactlyElementsOf(TASKS_PER_CRITERION.keySet());
        assertThat(criteria).filteredOn(c -> "par".equals(c.get("area"))).hasSize(21);
        assertThat(criteria).filteredOn(c -> c.get("code").toString().startsWith("2.")).hasSize(10);
        assertThat(criteria).noneMatch(c -> "1.9".equals(c.get("code")));
        Map<String, Object> leads = criteria.stream().collect(Collectors.toMap(c -> (String) c.get("code"),
                c -> c.get("leadAgency"), (a, b) -> a, LinkedHashMap::new));
        assertThat(leads).containsAllEntriesOf(Map.ofEntries(
                Map.entry("1.1", "VP-UBND-TINH"), Map.entry("1.2", "SO-TU-PHAP"), Map.entry("1.3", "SO-NOI-VU"),
                Map.entry("1.4", "SO-NOI-VU"), Map.entry("1.5", "SO-NOI-VU"), Map.entry("1.6", "SO-NOI-VU"),
                Map.entry("1.7", "SO-NOI-VU"), Map.entry("1.8", "SO-TAI-CHINH"), Map.entry("1.10", "SO-TAI-CHINH"),
                Map.entry("1.11", "ALL-AGENCIES"), Map.entry("1.12", "SO-TAI-CHINH"),
                Map.entry("1.13", "SO-KHOA-HOC-CONG-NGHE"), Map.entry("1.14", "SO-KHOA-HOC-CONG-NGHE"),
                Map.entry("1.15", "SO-KHOA-HOC-CONG-NGHE"), Map.entry("1.16", "SO-KHOA-HOC-CONG-NGHE"),
                Map.entry("1.17", "SO-KHOA-HOC-CONG-NGHE"), Map.entry("1.18", "VP-UBND-TINH"),
                Map.entry("1.19", "SO-TAI-CHINH"), Map.entry("1.20", "CHI-CUC-THUE-KV-XIV"),
                Map.entry("1.21", "SO-TAI-CHINH"), Map.entry("1.22", "ALL-AGENCIES"), Map.entry("2.1.1", "SO-TU-PHAP"),
                Map.entry("2.1.2", "SO-TU-PHAP"), Map.entry("2.1.3", "SO-TU-PHAP"), Map.entry("2.1.4", "SO-TU-PHAP"),
                Map.entry("2.2.1", "VP-UBND-TINH"), Map.entry("2.2.2", "VP-UBND-TINH"),
                Map.entry("2.2.3", "VP-UBND-TINH"), Map.entry("2.2.4", "VP-UBND-TINH"),
                Map.entry("2.2.5", "SO-NOI-VU"), Map.entry("2.2.6", "VP-UBND-TINH")));
        assertThat(leads).hasSize(31);
        Map<String, Object> c116 = criteria.stream().filter(c -> "1.16".equals(c.get("code"))).findFirst().orElseThrow();
        assertThat(c116.get("deadlineText")).isEqualTo("Trong năm 2025");
        assertThat(c116.get("deadline")).isEqualTo("2025-12-31");

        List<Map<String, Object>> tasks = allTasks();
        Map<String, Long> perCriterion = tasks.stream().filter(t -> t.get("criterionCode") != null)
                .collect(Collectors.groupingBy(t -> (String) t.get("criterionCode"), Collectors.counting()));
        // a recurring bullet is one task per period: 1.8-t5 monthly (8) and 1.8-t9 quarterly (3), 2.2.2-t2 quarterly (3)
        Map<String, Long> expected = TASKS_PER_CRITERION.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> (long) e.getValue()));
        expected.putAll(Map.of("1.8", 9L - 2 + 8 + 3, "2.2.2", 10L - 1 + 3));
        assertThat(perCriterion).containsExactlyInAnyOrderEntriesOf(expected);
        // 125 bullets; 4 of them recur (8 monthly, 3 + 3 quarterly, 1 yearly occurrences); 7 plan tasks, 2 x 3 reports
        assertThat(tasks).hasSize(125 - 4 + 15 + 7 + 6);
    }

    @Test
    void tasksInheritFromTheirCriterionAndRecurringDutiesExpandIntoOccurrences() {
        Map<String, Map<String, Object>> tasks = allTasks().stream()
                .collect(Collectors.toMap(t -> (String) t.get("id"), Function.identity()));

        Map<String, Object> t183 = tasks.get("dak-lak-2025:1.8-t3");
        assertThat(t183.get("title")).isEqualTo("Thực hiện nghiêm túc thực hiện Chỉ thị số 06/CT-UBND ngày 25/02/2025 "
                + "của UBND tỉnh về tăng cường thực hiện và giải ngân kế hoạch đầu tư công năm 2025 trên địa bàn tỉnh.");
        assertThat(t183.get("leadAgency")).isEqualTo("ALL-DEPARTMENTS");
        assertThat(t183.get("coordinatingAgencies")).isEqualTo(List.of("ALL-INVESTORS"));
        assertThat(t183.get("deadline")).isEqualTo("2025-12-31");
        assertThat(t183.get("dueAt")).isEqualTo("2025-12-31T17:00:00Z");
        assertThat(t183.get("assignedAt")).isEqualTo("2025-05-25T17:00:00Z");
        assertThat(tasks.get("dak-lak-2025:2.2.4-t2").get("leadAgency")).isEqualTo("ALL-AGENCIES");
        assertThat(tasks.get("dak-lak-2025:2.2.4-t2").get("coordinatingAgencies")).isEqualTo(List.of("BUU-DIEN-TINH"));
        assertThat(tasks.get("dak-lak-2025:1.1-t1").get("coordinatingAgencies")).isEqualTo(List.of());
        assertThat(tasks.get("dak-lak-2025:plan-t7").get("leadAgency")).isEqualTo("UB-MTTQ-TINH");
        assertThat(tasks.get("dak-lak-2025:plan-t7").get("criterionCode")).isNull();

        assertThat(tasks.keySet()).filteredOn(id -> id.contains(":plan-r")).containsExactlyInAnyOrder(
                "dak-lak-2025:plan-r1-2025-Q2", "dak-lak-2025:plan-r1-2025-Q3", "dak-lak-2025:plan-r1-2025-Q4",
                "dak-lak-2025:plan-r2-2025-Q2", "dak-lak-2025:plan-r2-2025-Q3", "dak-lak-2025:plan-r2-2025-Q4");
        Map<String, Object> q3 = tasks.get("dak-lak-2025:plan-r1-2025-Q3");
        assertThat(q3.get("deadline")).isEqualTo("2025-09-20");
        assertThat(q3.get("recurrence")).isEqualTo("quarterly");
        assertThat(q3.get("leadAgency")).isEqualTo("ALL-DEPARTMENTS-LOCALITIES");
        assertThat(q3.get("reportTo")).isEqualTo("SO-NOI-VU");
        assertThat(tasks.get("dak-lak-2025:plan-r2-2025-Q2").get("deadline")).isEqualTo("2025-06-20");
        assertThat(tasks.get("dak-lak-2025:plan-r2-2025-Q4").get("reportTo")).isEqualTo("UBND-TINH");
        // the monthly construction briefing of 1.8: one task per month, each with its own deadline
        assertThat(tasks.keySet()).filteredOn(id -> id.startsWith("dak-lak-2025:1.8-t5-")).hasSize(8)
                .contains("dak-lak-2025:1.8-t5-2025-05", "dak-lak-2025:1.8-t5-2025-12");
        Map<String, Object> october = tasks.get("dak-lak-2025:1.8-t5-2025-10");
        assertThat(october).containsEntry("deadline", "2025-10-31").containsEntry("recurrence", "monthly")
                .containsEntry("leadAgency", "SO-TAI-CHINH").containsEntry("criterionCode", "1.8");
        assertThat(tasks.get("dak-lak-2025:2.2.2-t2-2025-Q4")).containsEntry("deadline", "2025-12-20")
                .containsEntry("reportTo", "SO-NOI-VU");
    }

    @Test
    void targetsHaveTheSeedsThresholdsAndSipasBaselines() {
        JsonPath targets = api().get("/api/v1/plans/" + PLAN + "/targets").then().statusCode(200).extract().jsonPath();
        List<String> kinds = targets.getList("kind");
        assertThat(kinds).hasSize(38);
        assertThat(kinds.stream().collect(Collectors.groupingBy(k -> k, Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(Map.of("indicator", 21L, "sipas", 10L, "survey-rated", 5L, "milestone", 2L));
        assertThat(targets.getList("findAll { it.kind == 'indicator' }.indicator.code").stream().distinct()).hasSize(21);

        Map<String, Object> rank = target(targets, "dak-lak-2025:t-plan-par-index-rank");
        assertThat(rank.get("criterionCode")).isNull();
        assertThat(rank.get("comparator")).isEqualTo("lte");
        assertThat(rank.get("delta")).isEqualTo(-5);
        assertThat(rank.get("relativeTo")).isEqualTo("baseline");
        assertThat(rank.get("deadline")).isEqualTo("2025-12-31");
        assertThat(rank.get("resultExpectedBy")).isEqualTo("2026-06-30");
        assertThat(target(targets, "dak-lak-2025:t-1.8-disbursement-rate")).containsEntry("comparator", "gte").containsEntry("value", 95);
        assertThat(target(targets, "dak-lak-2025:t-1.15-digitised-data-reuse-rate")).containsEntry("comparator", "gt").containsEntry("value", 50);
        assertThat(target(targets, "dak-lak-2025:t-1.16-online-dossier-rate")).containsEntry("value", 80).containsEntry("unit", "percent")
                .containsEntry("criterionTitle", api().get("/api/v1/plans/" + PLAN + "/criteria").jsonPath()
                        .getString("find { it.code == '1.16' }.title"));

        assertSipas(targets, "2.2.1", 84.31f, 81.31f, 3);
        assertSipas(targets, "2.2.2", 85, 80.87f, null);
        assertSipas(targets, "2.2.3", 83.4f, 80.4f, 3);
        assertSipas(targets, "2.2.4", 83.1f, 80.1f, 3);
        assertSipas(targets, "2.2.5", 83.73f, 80.73f, 3);
        assertSipas(targets, "2.2.6", 85.26f, 80.26f, 5);
        for (String item : List.of("2.1.1", "2.1.2", "2.1.3", "2.1.4")) {
            Map<String, Object> policy = target(targets, "dak-lak-2025:t-" + item + "-satisfaction");
            assertThat(policy).containsEntry("comparator", "gt").containsEntry("relativeTo", "baseline").containsEntry("value", null);
        }
    }

    @Test
    void everyAgencyTargetAndTaskOfTheSeedWasPublishedOnceAndValid() throws Exception {
        List<String> seedAgencies = new ArrayList<>();
        new ObjectMapper(new YAMLFactory()).readTree(Fixtures.seedPlan()).get("agencies")
                .forEach(agency -> seedAgencies.add(agency.get("code").asText()));
        assertThat(seedAgencies).hasSize(26);
        List<Map<String, Object>> agencies = api().queryParam("limit", 200).get("/api/v1/agencies").jsonPath().getList("items");
        assertThat(agencies).extracting(a -> a.get("code")).containsAll(seedAgencies);
        assertThat(agencies).filteredOn(a -> "collective".equals(a.get("kind"))).extracting(a -> a.get("code"))
                .containsExactlyInAnyOrder("ALL-AGENCIES", "ALL-DEPARTMENTS", "ALL-LOCALITIES", "ALL-DEPARTMENTS-LOCALITIES",
                        "ALL-PUBLIC-SERVICE-UNITS", "ALL-INVESTORS");

        List<JsonNode> targetEvents = Fixtures.events(Topics.PLAN_TARGETS, key -> key.startsWith(PLAN + ":"), 38);
        assertThat(targetEvents).hasSize(38);
        assertThat(targetEvents).allMatch(e -> e.at("/data/planVersion").asInt() == 1 && e.at("/data/active").asBoolean());
        List<JsonNode> assigned = Fixtures.ofType(Fixtures.events(Topics.TASKS_LIFECYCLE, key -> key.startsWith(PLAN + ":"), 149),
                EventType.TASK_ASSIGNED);
        assertThat(assigned).hasSize(149);
        assertThat(assigned).extracting(e -> e.get("subject").asText()).doesNotHaveDuplicates();
        List<JsonNode> agencyEvents = Fixtures.events(Topics.DIRECTORY_AGENCIES, seedAgencies::contains, 26);
        assertThat(agencyEvents).extracting(e -> e.get("subject").asText()).containsAll(seedAgencies);
        JsonNode office = agencyEvents.stream().filter(e -> e.get("subject").asText().equals("VP-UBND-TINH")).findFirst().orElseThrow();
        assertThat(office.at("/data/name").asText()).isEqualTo("Văn phòng UBND tỉnh");
        assertThat(office.at("/data/parentCode").asText()).isEqualTo("UBND-TINH");
    }

    private static void assertSipas(JsonPath targets, String item, float value, float baseline, Integer delta) {
        Map<String, Object> target = target(targets, "dak-lak-2025:t-" + item + "-satisfaction");
        assertThat(target).containsEntry("kind", "sipas").containsEntry("subIndex", item).containsEntry("comparator", "gte")
                .containsEntry("unit", "percent").containsEntry("delta", delta);
        assertThat(((Number) target.get("value")).floatValue()).isEqualTo(value);
        @SuppressWarnings("unchecked")
        Map<String, Object> base = (Map<String, Object>) target.get("baseline");
        assertThat(((Number) base.get("value")).floatValue()).isEqualTo(baseline);
        assertThat(base.get("year")).isEqualTo(2024);
    }

    private static Map<String, Object> target(JsonPath targets, String id) {
        return targets.getMap("find { it.targetId == '" + id + "' }");
    }

    /** Every task of the plan, page by page. */
    private static List<Map<String, Object>> allTasks() {
        return ListPages.all(() -> api().queryParam("planId", PLAN), "/api/v1/tasks", 50);
    }

    private static Map<String, Integer> tasksPerCriterion() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        String[] pairs = ("1.1=2 1.2=4 1.3=5 1.4=1 1.5=2 1.6=2 1.7=2 1.8=9 1.10=1 1.11=2 1.12=4 1.13=1 1.14=2 1.15=1 "
                + "1.16=7 1.17=2 1.18=4 1.19=12 1.20=4 1.21=5 1.22=17 2.1.1=1 2.1.2=2 2.1.3=1 2.1.4=3 2.2.1=3 2.2.2=10 "
                + "2.2.3=5 2.2.4=4 2.2.5=2 2.2.6=5").split(" ");
        for (String pair : pairs) {
            String[] parts = pair.split("=");
            counts.put(parts[0], Integer.parseInt(parts[1]));
        }
        return counts;
    }
}

package vn.parsipas.task.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static vn.parsipas.task.Fixtures.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.parsipas.contracts.EventType;
import vn.parsipas.contracts.Topics;
import vn.parsipas.task.Fixtures;
import vn.parsipas.task.TaskServiceTest;

/** Importing plan files through the API: validation with paths, idempotence, versions with differences only. */
@QuarkusTest
@TaskServiceTest
class PlanImportTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void importingTheSameContentAgainChangesNothingWhateverItsFormat() throws Exception {
        String id = uniquePlanId();
        ObjectNode plan = seedAs(id);

        post(plan).then().statusCode(201)
                .body("outcome", equalTo("created")).body("version", equalTo(1))
                .body("changes.agenciesUpserted", equalTo(0)).body("changes.targetsDefined", equalTo(38))
                .body("changes.tasksAssigned", equalTo(149));
        post(plan).then().statusCode(200).body("outcome", equalTo("unchanged")).body("version", equalTo(1));
        String sameAsYaml = new String(Fixtures.seedPlan(), StandardCharsets.UTF_8).replace("id: dak-lak-2025", "id: " + id);
        api().contentType("application/yaml").body(sameAsYaml.getBytes(StandardCharsets.UTF_8)).post("/api/v1/plans")
                .then().statusCode(200).body("outcome", equalTo("unchanged"));

        assertThat(api().get("/api/v1/plans/" + id + "/versions").jsonPath().getList("version")).containsExactly(1);
        assertThat(Fixtures.ofType(Fixtures.events(Topics.TASKS_LIFECYCLE, key -> key.startsWith(id + ":"), 149),
                EventType.TASK_ASSIGNED)).hasSize(149);
        assertThat(Fixtures.events(Topics.PLAN_TARGETS, key -> key.startsWith(id + ":"), 38)).hasSize(38);
    }

    @Test
    void aRevisedFileMakesANewVersionAndPublishesOnlyTheDifferences() throws Exception {
        String id = uniquePlanId();
        ObjectNode plan = seedAs(id);
        post(plan).then().statusCode(201);
        // Changed through the API since version 1: a revision that does not touch this task keeps it.
        api().body(Map.of("deadline", "2025-11-30", "reason", "Rút ngắn thời hạn theo chỉ đạo của UBND tỉnh."))
                .post("/api/v1/tasks/" + id + ":1.2-t1/change-deadline").then().statusCode(200);

        String newAgency = Fixtures.uniqueCode();
        ((ArrayNode) plan.get("agencies")).addObject().put("code", newAgency).put("name", "Sở Thử nghiệm")
                .put("kind", "department").put("parent", "VP-UBND-TINH");
        ((ObjectNode) criterion(plan, "1.16").get("targets").get(0)).put("value", 85);
        ((ArrayNode) criterion(plan, "1.22").get("targets")).remove(2);
        ((ArrayNode) criterion(plan, "1.4").get("tasks")).addObject().put("id", "1.4-t2")
                .put("title", "Tổ chức hội nghị đối thoại về công tác cải cách hành chính.");
        ArrayNode sipasTasks = (ArrayNode) criterion(plan, "2.2.1").get("tasks");
        sipasTasks.remove(sipasTasks.size() - 1);
        ((ObjectNode) criterion(plan, "1.8").get("tasks").get(2)).put("deadline", "2025-09-30");
        ((ObjectNode) criterion(plan, "1.1").get("tasks").get(1)).put("leadAgency", "SO-NOI-VU");

        post(plan).then().statusCode(201)
                .body("outcome", equalTo("revised")).body("version", equalTo(2))
                .body("changes.agenciesUpserted", equalTo(1)).body("changes.targetsDefined", equalTo(1))
                .body("changes.targetsRemoved", equalTo(1)).body("changes.tasksAssigned", equalTo(1))
                .body("changes.tasksUpdated", equalTo(2)).body("changes.tasksWithdrawn", equalTo(1));

        List<JsonNode> targets = Fixtures.events(Topics.PLAN_TARGETS, key -> key.startsWith(id + ":"), 40);
        assertThat(targets).hasSize(40);
        List<JsonNode> version2 = targets.stream().filter(e -> e.at("/data/planVersion").asInt() == 2).toList();
        assertThat(version2).extracting(e -> e.get("subject").asText())
                .containsExactlyInAnyOrder(id + ":t-1.16-online-dossier-rate", id + ":t-1.22-state-budget-revenue-growth");
        assertThat(version2).anySatisfy(e -> assertThat(e.at("/data/value").asInt()).isEqualTo(85))
                .anySatisfy(e -> assertThat(e.at("/data/active").asBoolean()).isFalse());

        List<JsonNode> lifecycle = Fixtures.events(Topics.TASKS_LIFECYCLE, key -> key.startsWith(id + ":"), 154);
        assertThat(Fixtures.ofType(lifecycle, EventType.TASK_ASSIGNED)).hasSize(150)
                .anySatisfy(e -> assertThat(e.get("subject").asText()).isEqualTo(id + ":1.4-t2"));
        List<JsonNode> updated = Fixtures.ofType(lifecycle, EventType.TASK_UPDATED);
        assertThat(updated).extracting(e -> e.get("subject").asText() + " " + e.at("/data/change").asText())
                .containsExactlyInAnyOrder(id + ":1.2-t1 deadline-changed", id + ":1.8-t3 deadline-changed",
                        id + ":1.1-t2 reassigned", id + ":2.2.1-t3 withdrawn");
        JsonNode moved = updated.stream().filter(e -> e.get("subject").asText().equals(id + ":1.8-t3")).findFirst().orElseThrow();
        assertThat(moved.at("/data/previousDeadline").asText()).isEqualTo("2025-12-31");
        assertThat(moved.at("/data/deadline").asText()).isEqualTo("2025-09-30");
        assertThat(moved.at("/data/reason").asText()).isEqualTo("Điều chỉnh theo Kế hoạch số 120/KH-UBND (phiên bản 2)");
        JsonNode reassigned = updated.stream().filter(e -> e.get("subject").asText().equals(id + ":1.1-t2")).findFirst().orElseThrow();
        assertThat(reassigned.at("/data/previousLeadAgency").asText()).isEqualTo("VP-UBND-TINH");
        assertThat(reassigned.at("/data/leadAgency").asText()).isEqualTo("SO-NOI-VU");
        assertThat(Fixtures.events(Topics.DIRECTORY_AGENCIES, newAgency, 1)).hasSize(1);

        api().get("/api/v1/tasks/" + id + ":2.2.1-t3").then().statusCode(200).body("status", equalTo("withdrawn"));
        api().get("/api/v1/tasks/" + id + ":1.2-t1").then().statusCode(200).body("deadline", equalTo("2025-11-30"));
        assertThat(api().get("/api/v1/plans/" + id + "/versions").jsonPath().getList("version")).containsExactly(1, 2);
        assertThat(api().get("/api/v1/plans/" + id + "/targets").jsonPath().getList("targetId")).hasSize(37);
    }

    @Test
    void schemaErrorsAreReportedWithTheirPathAndNothingIsImported() throws Exception {
        String id = uniquePlanId();
        ObjectNode plan = seedAs(id);
        ((ObjectNode) plan.get("tasks").get(0)).remove("title");
        ((ObjectNode) plan.get("criteria").get(1)).put("deadline", "2025-13-01");
        ((ObjectNode) plan.get("criteria").get(0)).put("leadAgency", "so-noi-vu");

        post(plan).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("tasks[0].title", "criteria[1].deadline", "criteria[0].leadAgency"));
        api().get("/api/v1/plans/" + id).then().statusCode(404);
    }

    @Test
    void errorsBeyondTheSchemaAreReportedWithTheirPathAndNothingIsImported() throws Exception {
        String id = uniquePlanId();
        ObjectNode plan = seedAs(id);
        ((ObjectNode) plan.get("criteria").get(0)).put("leadAgency", "SO-KHONG-TON-TAI");
        ((ObjectNode) plan.get("criteria").get(2).get("tasks").get(0)).put("id", "1.3-t9");
        ((ObjectNode) criterion(plan, "2.2.6").get("targets").get(0)).put("subIndex", "2.2.5");
        ((ObjectNode) criterion(plan, "1.1").get("tasks").get(1)).put("leadAgency", "ALL-AGENCIES");

        post(plan).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("criteria[0].leadAgency", "criteria[2].tasks[0].id",
                        "criteria[30].targets[0].subIndex", "criteria[0].tasks[1].coordinatingAgencies"));
        api().get("/api/v1/plans/" + id).then().statusCode(404);
    }

    @Test
    void aFileThatIsNotYamlIsRejectedWithItsLine() {
        api().contentType("application/yaml").body("apiVersion: parsipas.vn/plan/v1\nplan: [unclosed\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/plans").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].message", org.hamcrest.Matchers.containsString("dòng"));
    }

    @Test
    void aDryRunSaysWhatChangesForWhomAndNothingChangesUntilItIsApplied() throws Exception {
        String id = uniquePlanId();
        ObjectNode plan = seedAs(id);
        post(plan).then().statusCode(201);
        ((ObjectNode) criterion(plan, "1.1").get("tasks").get(1)).put("leadAgency", "SO-NOI-VU");
        ((ArrayNode) criterion(plan, "2.2.1").get("tasks")).remove(2);
        ((ObjectNode) criterion(plan, "1.16").get("targets").get(0)).put("value", 85);

        api().contentType(ContentType.JSON).body(plan.toString()).post("/api/v1/plans?dryRun=true").then().statusCode(200)
                .body("outcome", equalTo("revised")).body("currentVersion", equalTo(1))
                .body("tasks.reassigned[0].id", equalTo(id + ":1.1-t2"))
                .body("tasks.reassigned[0].previousLeadAgency", equalTo("VP-UBND-TINH"))
                .body("tasks.removed[0].id", equalTo(id + ":2.2.1-t3"))
                .body("targets.changed[0].changedFields", equalTo(List.of("value")))
                .body("byAgency.find { it.agency == 'SO-NOI-VU' }.tasksGained", equalTo(List.of(id + ":1.1-t2")))
                .body("byAgency.find { it.agency == 'VP-UBND-TINH' }.tasksLost", equalTo(List.of(id + ":1.1-t2")))
                .body("byAgency.find { it.agency == 'ALL-AGENCIES' }.tasksLost", equalTo(List.of(id + ":2.2.1-t3")));

        // nothing applied: same version, same owner, no event of a second version
        assertThat(api().get("/api/v1/plans/" + id + "/versions").jsonPath().getList("version")).containsExactly(1);
        api().get("/api/v1/tasks/" + id + ":1.1-t2").then().body("leadAgency", equalTo("VP-UBND-TINH"));
        assertThat(Fixtures.events(Topics.PLAN_TARGETS, key -> key.startsWith(id + ":"), 38))
                .allMatch(e -> e.at("/data/planVersion").asInt() == 1);

        post(plan).then().statusCode(201).body("version", equalTo(2)).body("changes.tasksUpdated", equalTo(1))
                .body("changes.tasksWithdrawn", equalTo(1)).body("changes.targetsDefined", equalTo(1));
        assertThat(Fixtures.ofType(Fixtures.events(Topics.TASKS_LIFECYCLE, id + ":1.1-t2", 2), EventType.TASK_UPDATED))
                .singleElement().satisfies(e -> assertThat(e.at("/data/leadAgency").asText()).isEqualTo("SO-NOI-VU"));
    }

    @Test
    void aStoredVersionExportsToTheTemplateAndTheFilledTemplateImportsAsTheSamePlan() throws Exception {
        byte[] exported = api().accept(PlanFormat.XLSX_MEDIA_TYPE).get("/api/v1/plans/dak-lak-2025/versions/1/workbook")
                .then().statusCode(200).contentType(PlanFormat.XLSX_MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"dak-lak-2025-v1.xlsx\"").extract().asByteArray();

        // the seed, through the template and back: the same plan, so nothing changes
        xlsx(exported).then().statusCode(200).body("outcome", equalTo("unchanged")).body("version", equalTo(1));

        // a province starts from last year's plan: a new id in the sheet «Kế hoạch» makes a new plan
        String id = uniquePlanId();
        xlsx(PlanWorkbookTest.edit(exported, workbook -> workbook.getSheet("Kế hoạch").getRow(2).getCell(1).setCellValue(id)))
                .then().statusCode(201).body("outcome", equalTo("created")).body("changes.tasksAssigned", equalTo(149))
                .body("changes.targetsDefined", equalTo(38)).body("warnings", equalTo(List.of()));
        api().get("/api/v1/tasks/" + id + ":1.8-t5-2025-09").then().statusCode(200).body("deadline", equalTo("2025-09-30"));
        byte[] again = api().accept(PlanFormat.XLSX_MEDIA_TYPE).get("/api/v1/plans/" + id + "/workbook").then().statusCode(200)
                .extract().asByteArray();
        xlsx(again).then().statusCode(200).body("outcome", equalTo("unchanged"));
    }

    @Test
    void aFilledTemplateWithMistakesIsRefusedCellByCellAndNothingIsImported() {
        byte[] exported = api().accept(PlanFormat.XLSX_MEDIA_TYPE).get("/api/v1/plans/dak-lak-2025/workbook").then().statusCode(200)
                .extract().asByteArray();
        String id = uniquePlanId();
        byte[] broken = PlanWorkbookTest.edit(exported, workbook -> {
            workbook.getSheet("Kế hoạch").getRow(2).getCell(1).setCellValue(id);
            workbook.getSheet("Nhiệm vụ").getRow(2).getCell(4).setCellValue("SO-KHONG-CO");
            workbook.getSheet("Mục tiêu").getRow(2).getCell(5).setCellValue("31/02/2025");
        });

        xlsx(broken).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("Nhiệm vụ!E3", "Mục tiêu!F3"))
                .body("errors.find { it.field == 'Mục tiêu!F3' }.message", equalTo("Trang «Mục tiêu», dòng 3, cột «Thời hạn» (ô F3): "
                        + "«31/02/2025» không phải là một ngày; ghi theo dạng dd/mm/yyyy, ví dụ 31/12/2025"));
        api().get("/api/v1/plans/" + id).then().statusCode(404);
    }

    @Test
    void theEmptyTemplateListsTheDirectoryAndAFileConvertsBetweenTheTemplateAndYaml() throws Exception {
        byte[] template = api().accept(PlanFormat.XLSX_MEDIA_TYPE).get("/api/v1/plan-template").then().statusCode(200)
                .extract().asByteArray();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(template))) {
            List<String> codes = new java.util.ArrayList<>();
            var agencies = workbook.getSheet("Cơ quan");
            for (int r = 2; r <= agencies.getLastRowNum(); r++) {
                codes.add(agencies.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(codes).contains("VP-UBND-TINH", "SO-NOI-VU", "ALL-AGENCIES");
            assertThat(workbook.getSheet("Tiêu chí").getLastRowNum()).isEqualTo(1);
        }

        byte[] workbook = api().contentType("application/yaml").accept(PlanFormat.XLSX_MEDIA_TYPE).body(Fixtures.seedPlan())
                .post("/api/v1/plan-conversions").then().statusCode(200).extract().asByteArray();
        String yaml = api().contentType(PlanFormat.XLSX_MEDIA_TYPE).accept("application/yaml").body(workbook)
                .post("/api/v1/plan-conversions").then().statusCode(200).extract().asString();
        assertThat(PlanReader.read(yaml.getBytes(StandardCharsets.UTF_8), PlanFormat.YAML).hash())
                .isEqualTo(PlanReader.read(Fixtures.seedPlan(), PlanFormat.YAML).hash());
    }

    private static io.restassured.response.Response xlsx(byte[] workbook) {
        return api().contentType(PlanFormat.XLSX_MEDIA_TYPE).body(workbook).post("/api/v1/plans");
    }

    private static io.restassured.response.Response post(JsonNode plan) {
        return api().contentType(ContentType.JSON).body(plan.toString()).post("/api/v1/plans");
    }

    private static ObjectNode seedAs(String planId) throws Exception {
        ObjectNode plan = (ObjectNode) YAML.readTree(Fixtures.seedPlan());
        ((ObjectNode) plan.get("plan")).put("id", planId);
        return plan;
    }

    private static JsonNode criterion(JsonNode plan, String code) {
        for (JsonNode criterion : plan.get("criteria")) {
            if (criterion.get("code").asText().equals(code)) {
                return criterion;
            }
        }
        throw new IllegalArgumentException(code);
    }

    private static String uniquePlanId() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

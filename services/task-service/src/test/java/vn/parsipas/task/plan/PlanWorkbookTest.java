package vn.parsipas.task.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import vn.parsipas.platform.problem.InvalidInputException;
import vn.parsipas.platform.problem.Problem.FieldError;
import vn.parsipas.task.Fixtures;
import vn.parsipas.task.plan.workbook.PlanWorkbook;

/** The XLSX template: the seed plan goes through it unchanged, and every mistake in a filled one is named by its cell. */
class PlanWorkbookTest {
    private static final PlanReader.ParsedPlan SEED = PlanReader.read(Fixtures.seedPlan(), PlanFormat.YAML);
    private static final byte[] EXPORTED = PlanWorkbook.write(SEED.document());

    @Test
    void theSeedPlanExportedToTheTemplateAndImportedBackIsTheSamePlan() {
        PlanReader.ParsedPlan back = PlanReader.read(EXPORTED, PlanFormat.XLSX);

        assertThat(back.hash()).isEqualTo(SEED.hash());
        assertThat(back.content().tasks()).isEqualTo(SEED.content().tasks());
        assertThat(back.content().targets()).isEqualTo(SEED.content().targets());
        assertThat(back.content().agencies()).isEqualTo(SEED.content().agencies());
    }

    @Test
    void theTemplateHasVietnameseHeadersAndDropDownsForAgenciesKindsAndComparators() throws Exception {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(EXPORTED))) {
            assertThat(List.of("Hướng dẫn", "Kế hoạch", "Cơ quan", "Mục", "Tiêu chí", "Mục tiêu", "Nhiệm vụ", "Ghi chú nguồn"))
                    .allSatisfy(name -> assertThat(workbook.getSheet(name)).as(name).isNotNull());
            assertThat(workbook.isSheetHidden(workbook.getSheetIndex("Danh mục"))).isTrue();
            Sheet tasks = workbook.getSheet("Nhiệm vụ");
            assertThat(tasks.getRow(0).getCell(4).getStringCellValue()).isEqualTo("Cơ quan chủ trì");
            assertThat(lists(tasks)).contains("'Cơ quan'!$A$3:$A$2000");
            assertThat(lists(workbook.getSheet("Mục tiêu"))).anyMatch(f -> f.startsWith("'Danh mục'!$F$"))
                    .contains("'Cơ quan'!$A$3:$A$2000");
            assertThat(lists(workbook.getSheet("Cơ quan"))).anyMatch(f -> f.startsWith("'Danh mục'!$A$"));
            Sheet vocabulary = workbook.getSheet("Danh mục");
            assertThat(vocabulary.getRow(0).getCell(5).getStringCellValue()).isEqualTo("So sánh");
            assertThat(vocabulary.getRow(1).getCell(5).getStringCellValue()).isEqualTo("≥");
            // 1.8-t5 recurs monthly; its criterion code stays text
            Sheet sheet = workbook.getSheet("Nhiệm vụ");
            boolean found = false;
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                if ("1.8-t5".equals(sheet.getRow(r).getCell(1).getStringCellValue())) {
                    assertThat(sheet.getRow(r).getCell(0).getStringCellValue()).isEqualTo("1.8");
                    assertThat(sheet.getRow(r).getCell(7).getStringCellValue()).isEqualTo("hằng tháng");
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
    }

    @Test
    void everyMistakeInAFilledTemplateIsNamedByItsCellAndNothingIsRead() {
        byte[] broken = edit(EXPORTED, workbook -> {
            Sheet tasks = workbook.getSheet("Nhiệm vụ");
            tasks.getRow(2).getCell(4).setCellValue("SO-KHONG-CO");          // unknown agency, row 3, column E
            tasks.getRow(3).getCell(6).setCellValue("29/02/2025");           // no such day, row 4, column G
            tasks.getRow(4).getCell(1).setCellValue("1.1-t1");               // duplicate code, row 5, column B
            Sheet targets = workbook.getSheet("Mục tiêu");
            targets.getRow(3).getCell(9).setBlank();                          // indicator target without unit, row 4, column J
        });

        assertThatThrownBy(() -> PlanReader.read(broken, PlanFormat.XLSX)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.errors()).extracting(FieldError::field, FieldError::message).contains(
                        org.assertj.core.groups.Tuple.tuple("Nhiệm vụ!E3", "Trang «Nhiệm vụ», dòng 3, cột «Cơ quan chủ trì» (ô E3): "
                                + "cơ quan «SO-KHONG-CO» không có trong trang «Cơ quan»"),
                        org.assertj.core.groups.Tuple.tuple("Nhiệm vụ!G4", "Trang «Nhiệm vụ», dòng 4, cột «Thời hạn» (ô G4): "
                                + "«29/02/2025» không phải là một ngày; ghi theo dạng dd/mm/yyyy, ví dụ 31/12/2025"),
                        org.assertj.core.groups.Tuple.tuple("Nhiệm vụ!B5", "Trang «Nhiệm vụ», dòng 5, cột «Mã nhiệm vụ» (ô B5): "
                                + "mã «1.1-t1» đã dùng ở dòng 3"),
                        org.assertj.core.groups.Tuple.tuple("Mục tiêu!J4", "Trang «Mục tiêu», dòng 4, cột «Đơn vị» (ô J4): "
                                + "chỉ tiêu định lượng phải có «Đơn vị»")));
    }

    @Test
    void aMistakeFoundOnlyOnTheWholePlanIsStillNamedByItsCell() {
        byte[] misnumbered = edit(EXPORTED, workbook -> workbook.getSheet("Nhiệm vụ").getRow(3).getCell(1).setCellValue("1.1-t7"));
        byte[] overOwned = edit(EXPORTED, workbook -> workbook.getSheet("Tiêu chí").getRow(2).getCell(8).setCellValue("VP-UBND-TINH"));

        assertThatThrownBy(() -> PlanReader.read(misnumbered, PlanFormat.XLSX)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field, FieldError::message).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Nhiệm vụ!B4", "Trang «Nhiệm vụ», dòng 4, cột «Mã nhiệm vụ» (ô B4): "
                                + "phải là 1.1-t2: mã được đánh số theo thứ tự")));
        assertThatThrownBy(() -> PlanReader.read(overOwned, PlanFormat.XLSX)).isInstanceOfSatisfying(InvalidInputException.class,
                // the criterion's cell, and the task that inherits the list
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("Tiêu chí!I3", "Nhiệm vụ!F4"));
    }

    @Test
    void aCellThatIsNotAChoiceOfItsListSaysWhichAreAndANumberMayUseADecimalComma() {
        byte[] edited = edit(EXPORTED, workbook -> {
            Sheet targets = workbook.getSheet("Mục tiêu");
            targets.getRow(3).getCell(11).setCellValue("lớn hơn hoặc bằng");
        });
        assertThatThrownBy(() -> PlanReader.read(edited, PlanFormat.XLSX)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.message())
                        .contains("«lớn hơn hoặc bằng» không có trong danh sách so sánh: ≥; >; ≤; <; =")));

        byte[] comma = edit(EXPORTED, workbook -> sipasRow(workbook, "t-2.2.1-satisfaction", row -> {
            row.getCell(12).setCellValue("84,31");
            row.getCell(15).setCellValue("81,31");
        }));
        assertThat(PlanReader.read(comma, PlanFormat.XLSX).hash()).isEqualTo(SEED.hash());
    }

    @Test
    void anEmptyTemplateListsTheAgenciesAndReadingItSaysWhatIsMissing() {
        com.fasterxml.jackson.databind.node.ObjectNode agency = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .objectNode().put("code", "SO-NOI-VU").put("name", "Sở Nội vụ").put("kind", "department");
        byte[] template = PlanWorkbook.template(List.of(agency));

        assertThatThrownBy(() -> PlanReader.read(template, PlanFormat.XLSX)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(FieldError::message)
                        .contains("Trang «Kế hoạch», dòng 3, trường «Mã kế hoạch» (ô B3): thiếu giá trị"));
    }

    private static void sipasRow(Workbook workbook, String id, Consumer<org.apache.poi.ss.usermodel.Row> change) {
        Sheet targets = workbook.getSheet("Mục tiêu");
        for (int r = 2; r <= targets.getLastRowNum(); r++) {
            if (id.equals(targets.getRow(r).getCell(1).getStringCellValue())) {
                change.accept(targets.getRow(r));
                return;
            }
        }
        throw new AssertionError(id);
    }

    private static List<String> lists(Sheet sheet) {
        return sheet.getDataValidations().stream().map(DataValidation::getValidationConstraint)
                .map(c -> c.getFormula1()).filter(f -> f != null).toList();
    }

    static byte[] edit(byte[] xlsx, Consumer<Workbook> change) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(workbook);
            workbook.write(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package vn.parsipas.console.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import vn.parsipas.console.clients.SubIndex;
import vn.parsipas.console.clients.Task;
import vn.parsipas.console.clients.TaskSummary;
import vn.parsipas.console.overview.PlanOverviewTest;
import vn.parsipas.console.overview.ReportPeriod;

/** The workbook as the office opens it: sheets, frozen Vietnamese headers, figures with their formats. */
class ReportWorkbookTest {
    static final ReportPeriod Q1 = new ReportPeriod("quy-1", "Quý I", 2025, LocalDate.of(2024, 12, 15), LocalDate.of(2025, 3, 14),
            LocalDate.of(2025, 3, 20));

    @Test
    void everySheetHasItsFrozenHeaderAndTheCriterionsFigures() throws Exception {
        try (Workbook workbook = open(data(List.of()))) {
            assertThat(names(workbook)).containsExactly("Thông tin", "Tiêu chí", "Nhiệm vụ", "Chỉ tiêu", "Chỉ số SIPAS", "Cơ quan");
            DataFormatter shown = new DataFormatter();
            Sheet cover = workbook.getSheet("Thông tin");
            assertThat(shown.formatCellValue(cover.getRow(3).getCell(1))).isEqualTo("Từ 15/12/2024 đến 14/03/2025");

            Sheet criteria = workbook.getSheet("Tiêu chí");
            assertThat(criteria.getPaneInformation().isFreezePane()).isTrue();
            assertThat(criteria.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(cells(criteria.getRow(0), shown)).startsWith("Mã tiêu chí", "Tiêu chí", "Loại", "Cơ quan chủ trì", "Tổng số nhiệm vụ")
                    .contains("Chỉ tiêu: Có nguy cơ không đạt", "Cảnh báo đang mở");
            Row digital = row(criteria, "1.16");
            List<String> header = cells(criteria.getRow(0), shown);
            assertThat(shown.formatCellValue(digital.getCell(header.indexOf("Cơ quan chủ trì")))).isEqualTo("Sở Khoa học và Công nghệ");
            assertThat(digital.getCell(header.indexOf("Quá hạn")).getNumericCellValue()).isEqualTo(1);
            assertThat(digital.getCell(header.indexOf("Chỉ tiêu: Có nguy cơ không đạt")).getNumericCellValue()).isEqualTo(1);
            assertThat(digital.getCell(header.indexOf("Cảnh báo đang mở")).getNumericCellValue()).isEqualTo(2);
            assertThat(criteria.getColumnWidth(1)).as("the title column is wide").isGreaterThan(50 * 256);

            Row target = row(workbook.getSheet("Chỉ tiêu"), "1.16");
            assertThat(shown.formatCellValue(target.getCell(9))).as("latest value, two decimals").isEqualTo("48.50");
            assertThat(shown.formatCellValue(target.getCell(12))).isEqualTo("Có nguy cơ không đạt");
            assertThat(shown.formatCellValue(workbook.getSheet("Chỉ số SIPAS").getRow(1).getCell(1))).contains("Không đọc được");
        }
    }

    @Test
    void tasksSayWhetherTheirDeadlineFallsInThePeriodAndSubIndicesCarryTheirInterval() throws Exception {
        Task due = new Task("t1", "dak-lak-2025", "1.16", "Số hóa hồ sơ", null, "SO-TU-PHAP", List.of("SO-KHOA-HOC-CONG-NGHE"),
                LocalDate.of(2025, 3, 1), null, null, null, "in-progress", true, null, null, null, null, null, null, null, null);
        SubIndex access = new SubIndex("2.2.1", "Tiếp cận dịch vụ", "SO-TU-PHAP", "2025-Q4", 150, true, 600, 420,
                new BigDecimal("70.00"), new BigDecimal("66.33"), new BigDecimal("73.67"),
                new BigDecimal("84.31"), true);
        ReportData data = data(List.of(due));
        data = new ReportData(data.overview(), data.period(), data.tasks(), data.agencies(), List.of(access), data.names(), data.preparedBy());
        try (Workbook workbook = open(data)) {
            DataFormatter shown = new DataFormatter();
            Row task = workbook.getSheet("Nhiệm vụ").getRow(1);
            assertThat(shown.formatCellValue(task.getCell(4))).isEqualTo("01/03/2025");
            assertThat(shown.formatCellValue(task.getCell(5))).isEqualTo("Có");
            assertThat(shown.formatCellValue(task.getCell(6))).isEqualTo("Đang thực hiện");
            assertThat(shown.formatCellValue(task.getCell(3))).isEqualTo("Sở Khoa học và Công nghệ");
            Row index = workbook.getSheet("Chỉ số SIPAS").getRow(1);
            assertThat(cells(index, shown)).containsExactly("2.2.1", "Tiếp cận dịch vụ", "Sở Tư pháp", "2025-Q4", "150", "600", "420",
                    "70.00", "66.33", "73.67", "84.31", "Có");
        }
    }

    private static ReportData data(List<Task> tasks) {
        return new ReportData(PlanOverviewTest.sample(null), Q1, tasks,
                List.of(new TaskSummary.OfAgency("SO-TU-PHAP", "Sở Tư pháp", new TaskSummary.Counts(1, 0, 0, 1, 0, 0))), null,
                PlanOverviewTest.NAMES, "Nguyễn Văn A (coordinator.snv)");
    }

    private static Workbook open(ReportData data) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(ReportWorkbook.write(data)));
    }

    private static List<String> names(Workbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    private static List<String> cells(Row row, DataFormatter shown) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            cells.add(shown.formatCellValue(row.getCell(i)));
        }
        return cells;
    }

    private static Row row(Sheet sheet, String code) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && code.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + code + " in " + sheet.getSheetName());
    }
}

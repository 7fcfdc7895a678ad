package vn.parsipas.console.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

import vn.parsipas.console.ConsoleConfig;
import vn.parsipas.console.overview.PlanOverviewTest;

/** The Word draft read back as the office's clerk checks it against Nghị định 30/2020/NĐ-CP. */
class ReportDocumentTest {
    static final ConsoleConfig.Report ISSUER = new ConsoleConfig.Report() {
        @Override
        public Map<String, ConsoleConfig.Period> periods() {
            return java.util.Map.of();
        }

        @Override
        public String issuer() {
            return "Sở Nội vụ";
        }

        @Override
        public String issuerParent() {
            return "UBND tỉnh Đắk Lắk";
        }

        @Override
        public String place() {
            return "Đắk Lắk";
        }
    };

    @Test
    void theHeaderTitleBodyPerCriterionAndRecipientsAreWhereTheDecreePutsThem() throws Exception {
        ReportData data = new ReportData(PlanOverviewTest.sample(null), ReportWorkbookTest.Q1, List.of(), List.of(), null,
                PlanOverviewTest.NAMES, "coordinator.snv");
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(ReportDocument.write(data, ISSUER)))) {
            XWPFTable header = document.getTables().get(0);
            assertThat(header.getRow(0).getCell(0).getText()).contains("UBND TỈNH ĐẮK LẮK").contains("SỞ NỘI VỤ").contains("Số:")
                    .contains("/BC-SNV");
            assertThat(header.getRow(0).getCell(1).getText()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                    .contains("Độc lập - Tự do - Hạnh phúc").contains("Đắk Lắk, ngày").contains("năm 2025");
            assertThat(header.getRow(0).getCell(1).getParagraphs().get(0).getRuns().get(0).isBold()).isTrue();

            List<String> body = document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(body).contains("BÁO CÁO", "Kết quả thực hiện Kế hoạch số 120/KH-UBND – Quý I năm 2025", "I. KẾT QUẢ THỰC HIỆN",
                    "II. TỒN TẠI, HẠN CHẾ");
            assertThat(body).anyMatch(p -> p.contains("từ ngày 15/12/2024 đến ngày 14/03/2025"));
            int digital = body.indexOf("1.16. Chuyển đổi số");
            assertThat(body.get(digital + 1)).isEqualTo("Cơ quan chủ trì: Sở Khoa học và Công nghệ.");
            assertThat(body.get(digital + 2)).isEqualTo("Nhiệm vụ: 7; đã hoàn thành 3 (đúng hạn 2, trễ hạn 1); đang thực hiện 3; quá hạn 1.");
            assertThat(body.get(digital + 3)).contains("48,5 (kỳ 2025-11)").contains("Có nguy cơ không đạt");
            assertThat(body).contains("Tiêu chí có chỉ tiêu có nguy cơ không đạt hoặc không đạt: 1.16, 2.2.1.");

            XWPFTable closing = document.getTables().get(1);
            assertThat(closing.getRow(0).getCell(0).getText()).startsWith("Nơi nhận:").contains("Lưu: VT.");
            assertThat(closing.getRow(0).getCell(1).getText()).contains("GIÁM ĐỐC");
            assertThat(document.getDocument().getBody().getSectPr().getPgSz().getW()).as("A4").hasToString("11906");
            assertThat(document.getParagraphs().get(0).getRuns().get(0).getFontFamily()).isEqualTo("Times New Roman");
        }
    }

    @Test
    void theSymbolOfTheIssuingBodyIsItsInitialsWithoutDiacritics() {
        assertThat(ReportDocument.abbreviation("SỞ NỘI VỤ")).isEqualTo("SNV");
        assertThat(ReportDocument.abbreviation("Sở Tư pháp")).isEqualTo("STP");
        assertThat(ReportDocument.abbreviation("Đài Phát thanh")).isEqualTo("DPT");
    }
}

package vn.parsipas.console.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.text.Normalizer;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import vn.parsipas.console.ConsoleConfig;
import vn.parsipas.console.clients.Target;
import vn.parsipas.console.overview.CriterionRow;
import vn.parsipas.console.overview.PlanOverview;
import vn.parsipas.console.web.Wording;

/**
 * Báo cáo kết quả thực hiện Kế hoạch as a Word draft laid out as Nghị định 30/2020/NĐ-CP asks of an
 * administrative document: A4 with its margins, Times New Roman; the issuing body beside Quốc hiệu and
 * Tiêu ngữ, the số/ký hiệu to fill, place and date, the title; the body per criterion; "Nơi nhận" beside
 * the signature block. The office edits, numbers and signs it.
 */
public final class ReportDocument {
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String FONT = "Times New Roman";

    private ReportDocument() {
    }

    public static byte[] write(ReportData data, ConsoleConfig.Report issuer) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            header(doc, data, issuer);
            body(doc, data);
            closing(doc, issuer);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A4, margins top and bottom 20 mm, left 30 mm, right 15 mm (in twentieths of a point). */
    private static void page(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(1134));
        margins.setBottom(BigInteger.valueOf(1134));
        margins.setLeft(BigInteger.valueOf(1701));
        margins.setRight(BigInteger.valueOf(850));
    }

    private static void header(XWPFDocument doc, ReportData data, ConsoleConfig.Report issuer) {
        XWPFTable table = twoColumns(doc);
        XWPFTableCell body = table.getRow(0).getCell(0);
        XWPFTableCell nation = table.getRow(0).getCell(1);
        line(body.getParagraphs().get(0), issuer.issuerParent().toUpperCase(Wording.LOCALE), false, false, 12);
        line(body.addParagraph(), issuer.issuer().toUpperCase(Wording.LOCALE), true, false, 12);
        line(body.addParagraph(), "Số:        /BC-" + abbreviation(issuer.issuer()), false, false, 13);
        line(nation.getParagraphs().get(0), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true, false, 12);
        line(nation.addParagraph(), "Độc lập - Tự do - Hạnh phúc", true, false, 13);
        line(nation.addParagraph(), issuer.place() + ", ngày      tháng      năm " + data.period().year(), false, true, 13);

        PlanOverview o = data.overview();
        centred(doc, "BÁO CÁO", true, 14).setSpacingBefore(360);
        centred(doc, "Kết quả thực hiện Kế hoạch số " + o.plan().number() + " – " + data.period().title(), true, 14);
        centred(doc, o.plan().shortTitle(), false, 13);
        paragraph(doc, "Thời gian chốt số liệu: từ ngày " + Wording.date(data.period().from()) + " đến ngày "
                + Wording.date(data.period().to()) + "; số liệu tổng hợp từ hệ thống PAR·SIPAS lúc " + Wording.dateTime(o.at())
                + (o.agency() == null ? "." : "; phạm vi: " + data.names().of(o.agency()) + "."), false, true);
    }

    private static void body(XWPFDocument doc, ReportData data) {
        PlanOverview o = data.overview();
        paragraph(doc, "I. KẾT QUẢ THỰC HIỆN", true, false);
        long total = o.rows().stream().mapToLong(r -> r.tasks().total()).sum();
        long done = o.rows().stream().mapToLong(r -> r.tasks().done()).sum();
        long overdue = o.rows().stream().mapToLong(r -> r.tasks().overdue()).sum();
        paragraph(doc, "Tổng số nhiệm vụ: " + total + "; đã hoàn thành: " + done + "; quá hạn: " + overdue
                + "; cảnh báo đang mở: " + o.openAlerts() + ".", false, false);
        for (CriterionRow row : o.rows()) {
            paragraph(doc, (row.code() == null ? "Chung của kế hoạch" : row.code()) + ". " + row.title(), true, false);
            paragraph(doc, "Cơ quan chủ trì: " + (row.leadAgency() == null ? "–" : data.names().of(row.leadAgency())) + ".", false, false);
            paragraph(doc, "Nhiệm vụ: " + row.tasks().total() + "; đã hoàn thành " + row.tasks().done() + " (đúng hạn "
                    + row.tasks().doneOnTime() + ", trễ hạn " + row.tasks().doneLate() + "); đang thực hiện "
                    + row.tasks().inProgress() + "; quá hạn " + row.tasks().overdue() + ".", false, false);
            for (Target t : row.targets()) {
                String value = t.value() == null ? "chưa có số liệu" : Wording.number(t.value()) + (t.period() == null ? "" : " (kỳ " + t.period() + ")");
                paragraph(doc, "- " + t.description() + " Kết quả: " + value + "; đánh giá: " + Wording.targetStatus(t.status()) + "."
                        + (t.reason() == null ? "" : " " + t.reason()), false, false);
            }
        }
        paragraph(doc, "II. TỒN TẠI, HẠN CHẾ", true, false);
        List<CriterionRow> late = o.rows().stream().filter(r -> r.tasks().overdue() > 0).toList();
        List<CriterionRow> slipping = o.rows().stream().filter(r -> r.hasStatus("AT_RISK") || r.hasStatus("MISSED")).toList();
        paragraph(doc, "Tiêu chí có nhiệm vụ quá hạn: " + codes(late) + ".", false, false);
        paragraph(doc, "Tiêu chí có chỉ tiêu có nguy cơ không đạt hoặc không đạt: " + codes(slipping) + ".", false, false);
        paragraph(doc, "III. PHƯƠNG HƯỚNG, ĐỀ XUẤT, KIẾN NGHỊ", true, false);
        paragraph(doc, "(Cơ quan soạn thảo bổ sung.)", false, true);
    }

    private static void closing(XWPFDocument doc, ConsoleConfig.Report issuer) {
        XWPFTable table = twoColumns(doc);
        XWPFTableCell recipients = table.getRow(0).getCell(0);
        XWPFTableCell signature = table.getRow(0).getCell(1);
        XWPFParagraph title = recipients.getParagraphs().get(0);
        title.setAlignment(ParagraphAlignment.LEFT);
        run(title, "Nơi nhận:", true, true, 12);
        for (String to : List.of("- UBND tỉnh (để báo cáo);", "- Bộ Nội vụ (để báo cáo);", "- Các sở, ban, ngành;", "- Lưu: VT.")) {
            XWPFParagraph p = recipients.addParagraph();
            run(p, to, false, false, 11);
        }
        line(signature.getParagraphs().get(0), "GIÁM ĐỐC", true, false, 13);
        line(signature.addParagraph(), "(Ký, ghi rõ họ tên, đóng dấu)", false, true, 13);
    }

    private static String codes(List<CriterionRow> rows) {
        return rows.isEmpty() ? "không có" : String.join(", ", rows.stream().map(r -> r.code() == null ? "chung" : r.code()).toList());
    }

    /** "SNV" for SỞ NỘI VỤ: the initials of the issuing body, as số/ký hiệu use them. */
    static String abbreviation(String body) {
        StringBuilder initials = new StringBuilder();
        for (String word : body.trim().split("\\s+")) {
            String plain = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .replace('Đ', 'D').replace('đ', 'd');
            initials.append(Character.toUpperCase(plain.charAt(0)));
        }
        return initials.toString();
    }

    private static XWPFTable twoColumns(XWPFDocument doc) {
        XWPFTable table = doc.createTable(1, 2);
        table.removeBorders();
        table.setWidth("100%");
        table.setTableAlignment(TableRowAlign.CENTER);
        return table;
    }

    private static void line(XWPFParagraph p, String text, boolean bold, boolean italic, int size) {
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, text, bold, italic, size);
    }

    private static XWPFParagraph centred(XWPFDocument doc, String text, boolean bold, int size) {
        XWPFParagraph p = doc.createParagraph();
        line(p, text, bold, false, size);
        return p;
    }

    private static void paragraph(XWPFDocument doc, String text, boolean bold, boolean italic) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setFirstLineIndent(567);
        p.setSpacingAfter(120);
        run(p, text, bold, italic, 14);
    }

    private static void run(XWPFParagraph p, String text, boolean bold, boolean italic, int size) {
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setBold(bold);
        run.setItalic(italic);
        run.setFontFamily(FONT);
        run.setFontSize(size);
    }
}

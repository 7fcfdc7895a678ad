package vn.parsipas.console.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.parsipas.console.clients.SubIndex;
import vn.parsipas.console.clients.Target;
import vn.parsipas.console.clients.Task;
import vn.parsipas.console.clients.TaskSummary;
import vn.parsipas.console.overview.CriterionRow;
import vn.parsipas.console.overview.PlanOverview;
import vn.parsipas.console.overview.ReportPeriod;
import vn.parsipas.console.report.SheetWriter.Column;
import vn.parsipas.console.web.Directory;
import vn.parsipas.console.web.Wording;
import vn.parsipas.contracts.text.VietnameseFigures;

/**
 * Báo cáo kết quả thực hiện Kế hoạch as a workbook: a cover (Thông tin) and one sheet each for the
 * criteria, the tasks, the targets with their latest values, the SIPAS sub-indices and the agencies.
 */
public final class ReportWorkbook {
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The target statuses in the order the office reads them, best first. */
    static final List<String> STATUS_COLUMNS = List.of("MET", "ON_TRACK", "AT_RISK", "MISSED", "NO_DATA", "NO_BASELINE",
            "NOT_EVALUATED");

    private ReportWorkbook() {
    }

    public static byte[] write(ReportData data) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            SheetWriter sheets = new SheetWriter(workbook);
            cover(sheets, data);
            criteria(sheets, data);
            tasks(sheets, data);
            targets(sheets, data);
            indices(sheets, data);
            agencies(sheets, data);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cover(SheetWriter sheets, ReportData data) {
        PlanOverview o = data.overview();
        ReportPeriod p = data.period();
        Sheet sheet = sheets.facts("Thông tin");
        sheets.fact(sheet, "Báo cáo", "Báo cáo kết quả thực hiện Kế hoạch " + o.plan().number() + " – " + p.title());
        sheets.fact(sheet, "Kế hoạch", o.plan().number() + ": " + o.plan().shortTitle());
        sheets.fact(sheet, "Kỳ báo cáo", p.title());
        sheets.fact(sheet, "Thời gian chốt số liệu", "Từ " + Wording.date(p.from()) + " đến " + Wording.date(p.to()));
        sheets.fact(sheet, "Hạn gửi báo cáo", p.due());
        sheets.fact(sheet, "Số liệu lấy lúc", o.at());
        sheets.fact(sheet, "Phạm vi", o.agency() == null ? "Toàn tỉnh" : data.names().of(o.agency()));
        sheets.fact(sheet, "Người xuất báo cáo", data.preparedBy());
        sheets.fact(sheet, "Ghi chú", "Số liệu là tình trạng tại thời điểm lấy số liệu (nhiệm vụ: task-service; chỉ tiêu: "
                + "indicator-service; chỉ số hài lòng: survey-service; cảnh báo: notification-service). Cột \"Hạn trong kỳ\" "
                + "của trang Nhiệm vụ cho biết hạn hoàn thành có nằm trong thời gian chốt số liệu của kỳ hay không.");
    }

    private static void criteria(SheetWriter sheets, ReportData data) {
        List<Column> columns = new ArrayList<>(List.of(new Column("Mã tiêu chí", 10), new Column("Tiêu chí", 60),
                new Column("Loại", 18), new Column("Cơ quan chủ trì", 28), new Column("Tổng số nhiệm vụ", 11),
                new Column("Hoàn thành đúng hạn", 11), new Column("Hoàn thành trễ hạn", 11), new Column("Đang thực hiện", 11),
                new Column("Quá hạn", 11)));
        STATUS_COLUMNS.forEach(s -> columns.add(new Column("Chỉ tiêu: " + Wording.targetStatus(s), 13)));
        columns.add(new Column("Cảnh báo đang mở", 11));
        Sheet sheet = sheets.table("Tiêu chí", columns, 2);
        for (CriterionRow r : data.overview().rows()) {
            List<Object> values = new ArrayList<>(List.of(r.code() == null ? "" : r.code(), r.title(), r.kindLabel(),
                    r.leadAgency() == null ? "" : data.names().of(r.leadAgency()), r.tasks().total(), r.tasks().doneOnTime(),
                    r.tasks().doneLate(), r.tasks().inProgress(), r.tasks().overdue()));
            STATUS_COLUMNS.forEach(s -> values.add(r.statusCounts().getOrDefault(s, 0)));
            values.add(r.openAlerts());
            sheets.row(sheet, values.toArray());
        }
    }

    private static void tasks(SheetWriter sheets, ReportData data) {
        Sheet sheet = sheets.table("Nhiệm vụ", List.of(new Column("Mã tiêu chí", 10), new Column("Nhiệm vụ", 60),
                new Column("Cơ quan chủ trì", 28), new Column("Cơ quan phối hợp", 36), new Column("Hạn hoàn thành", 13),
                new Column("Hạn trong kỳ", 9), new Column("Tình trạng", 16), new Column("Quá hạn", 9), new Column("Tiến độ (%)", 10),
                new Column("Ngày hoàn thành", 16), new Column("Hoàn thành đúng hạn", 11)), 2);
        Directory.Names names = data.names();
        for (Task t : data.tasks()) {
            boolean inPeriod = t.deadline() != null && !t.deadline().isBefore(data.period().from()) && !t.deadline().isAfter(data.period().to());
            sheets.row(sheet, t.criterionCode(), t.title(), names.of(t.leadAgency()),
                    t.coordinatingAgencies() == null ? "" : String.join("; ", t.coordinatingAgencies().stream().map(names::of).toList()),
                    t.deadline(), yesNo(inPeriod), Wording.taskStatus(t.status()), t.overdue() ? "Có" : "Không",
                    t.percentComplete(), t.completedAt(), t.completedOnTime() == null ? null : yesNo(t.completedOnTime()));
        }
    }

    private static void targets(SheetWriter sheets, ReportData data) {
        Sheet sheet = sheets.table("Chỉ tiêu", List.of(new Column("Mã tiêu chí", 10), new Column("Chỉ tiêu", 60),
                new Column("Chỉ số", 40), new Column("Cơ quan chịu trách nhiệm", 28), new Column("Điều kiện đạt", 9),
                new Column("Ngưỡng", 11), new Column("Đơn vị", 12), new Column("Năm gốc", 9), new Column("Giá trị năm gốc", 11),
                new Column("Giá trị mới nhất", 11), new Column("Kỳ số liệu", 11), new Column("Giá trị theo lộ trình", 11),
                new Column("Trạng thái", 18), new Column("Nhận định", 60), new Column("Hạn", 12), new Column("Đánh giá lúc", 16)), 2);
        for (CriterionRow r : data.overview().rows()) {
            for (Target t : r.targets()) {
                sheets.row(sheet, t.criterionCode(), t.description(), t.indicatorName(), data.names().of(t.responsibleAgency()),
                        comparator(t.comparator()), t.threshold(), Wording.unit(t.unit()), t.baselineYear(), t.baselineValue(), t.value(),
                        t.period(), t.expectedValue(), Wording.targetStatus(t.status()), t.reason(), t.deadline(), t.evaluatedAt());
            }
        }
    }

    private static void indices(SheetWriter sheets, ReportData data) {
        Sheet sheet = sheets.table("Chỉ số SIPAS", List.of(new Column("Mã chỉ số thành phần", 12), new Column("Chỉ số thành phần", 48),
                new Column("Phạm vi", 28), new Column("Kỳ", 10), new Column("Số phiếu", 10), new Column("Số câu trả lời hợp lệ", 12),
                new Column("Số câu trả lời hài lòng", 12), new Column("Tỷ lệ hài lòng (%)", 11),
                new Column("Khoảng tin cậy 95%: cận dưới (%)", 13), new Column("Khoảng tin cậy 95%: cận trên (%)", 13),
                new Column("Mục tiêu (%)", 11), new Column("Dưới mục tiêu", 10)), 2);
        if (data.indices() == null) {
            sheets.row(sheet, "", "Không đọc được số liệu chỉ số hài lòng (survey-service) lúc xuất báo cáo.");
            return;
        }
        for (SubIndex i : data.indices()) {
            sheets.row(sheet, i.subIndex(), i.subIndexName(), "PROVINCE".equals(i.scope()) ? "Toàn tỉnh" : data.names().of(i.scope()),
                    i.period(), i.responses(), i.validAnswers(), i.satisfiedAnswers(), i.satisfiedPercent(), i.intervalLowPercent(),
                    i.intervalHighPercent(), i.targetPercent(), i.targetPercent() == null ? null : yesNo(i.belowTarget()));
        }
    }

    private static void agencies(SheetWriter sheets, ReportData data) {
        Sheet sheet = sheets.table("Cơ quan", List.of(new Column("Mã cơ quan", 22), new Column("Cơ quan", 36),
                new Column("Nhiệm vụ chủ trì", 11), new Column("Hoàn thành đúng hạn", 11), new Column("Hoàn thành trễ hạn", 11),
                new Column("Đang thực hiện", 11), new Column("Quá hạn", 11), new Column("Chỉ tiêu có nguy cơ không đạt", 13),
                new Column("Chỉ tiêu không đạt", 11), new Column("Cảnh báo đang mở", 11)), 2);
        List<Target> targets = data.overview().rows().stream().flatMap(r -> r.targets().stream()).toList();
        Set<String> codes = new LinkedHashSet<>();
        data.agencies().forEach(a -> codes.add(a.agency()));
        targets.forEach(t -> codes.add(t.responsibleAgency()));
        codes.addAll(data.overview().openAlertsByAgency().keySet());
        codes.remove(null);
        for (String code : codes.stream().sorted((a, b) -> data.names().of(a).compareTo(data.names().of(b))).toList()) {
            TaskSummary.Counts tasks = data.agencies().stream().filter(a -> code.equals(a.agency())).map(TaskSummary.OfAgency::tasks)
                    .findFirst().orElse(TaskSummary.Counts.NONE);
            sheets.row(sheet, code, data.names().of(code), tasks.total(), tasks.doneOnTime(), tasks.doneLate(), tasks.inProgress(),
                    tasks.overdue(), count(targets, code, "AT_RISK"), count(targets, code, "MISSED"),
                    data.overview().openAlertsByAgency().getOrDefault(code, 0L));
        }
    }

    private static long count(List<Target> targets, String agency, String status) {
        return targets.stream().filter(t -> agency.equals(t.responsibleAgency()) && status.equals(t.status())).count();
    }

    /** "≥", "<", ... as the alerts write them; nothing for a target without a comparator. */
    private static String comparator(String comparator) {
        return comparator == null || comparator.isEmpty() ? "" : VietnameseFigures.comparator(comparator);
    }

    private static String yesNo(boolean value) {
        return value ? "Có" : "Không";
    }
}

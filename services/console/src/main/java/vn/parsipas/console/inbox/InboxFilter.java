package vn.parsipas.console.inbox;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import io.quarkus.qute.TemplateData;
import vn.parsipas.console.clients.AlertQuery;
import vn.parsipas.console.web.FormErrors;
import vn.parsipas.console.web.Links;

/**
 * The inbox's tab and filters as the page's query carries them (Vietnamese parameter names, as the
 * addresses people see): tab, loai (kind), muc-do (severity), tieu-chi (criterion), tu-ngay and den-ngay
 * (period of raising, yyyy-MM-dd from the date fields). Values not offered by the page are ignored.
 */
@TemplateData
public record InboxFilter(Tab tab, String kind, String severity, String criterion, LocalDate from, LocalDate to,
        String fromText, String toText, FormErrors errors) {

    /** A tab of the inbox: its address, its words, and which alerts it lists. */
    public enum Tab {
        OPEN("chua-tiep-nhan", "Chưa tiếp nhận", "open", "own"),
        ACKNOWLEDGED("da-tiep-nhan", "Đã tiếp nhận", "acknowledged", "own"),
        ESCALATED("chuyen-len", "Được chuyển lên", "active", "escalation"),
        RESOLVED("da-xu-ly", "Đã xử lý xong", "resolved", null);

        public final String slug;
        public final String label;
        final String status;
        final String holding;

        Tab(String slug, String label, String status, String holding) {
            this.slug = slug;
            this.label = label;
            this.status = status;
            this.holding = holding;
        }

        /** Whether alerts on this tab can still be acknowledged (open ones, held or escalated). */
        public boolean isAcknowledgeable() {
            return this == OPEN || this == ESCALATED;
        }

        static Tab of(String slug) {
            for (Tab tab : values()) {
                if (tab.slug.equals(slug)) {
                    return tab;
                }
            }
            return OPEN;
        }
    }

    public static final List<String> KINDS = List.of("task-overdue", "task-due-soon", "target-missed", "target-at-risk",
            "target-no-data", "target-no-baseline", "satisfaction-below-target");
    public static final List<String> SEVERITIES = List.of("critical", "warning", "info");

    public static InboxFilter parse(String tab, String kind, String severity, String criterion, String from, String to) {
        FormErrors errors = new FormErrors();
        LocalDate fromDate = date(from, "tu-ngay", errors);
        LocalDate toDate = date(to, "den-ngay", errors);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.add("den-ngay", "\"Đến ngày\" phải sau \"Từ ngày\".");
            toDate = null;
        }
        String cleanCriterion = criterion == null || criterion.isBlank() ? null : criterion.trim();
        if (cleanCriterion != null && !cleanCriterion.matches("^[0-9]+(\\.[0-9]+)*$")) {
            errors.add("tieu-chi", "Tiêu chí ghi bằng số hiệu trong kế hoạch, ví dụ 1.16 hoặc 2.2.1.");
            cleanCriterion = null;
        }
        return new InboxFilter(Tab.of(tab), offered(KINDS, kind), offered(SEVERITIES, severity),
                cleanCriterion, fromDate, toDate, from == null ? "" : from, to == null ? "" : to, errors);
    }

    public List<Tab> tabs() {
        return List.of(Tab.values());
    }

    public List<String> kinds() {
        return KINDS;
    }

    public List<String> severities() {
        return SEVERITIES;
    }

    public boolean isFiltered() {
        return kind != null || severity != null || criterion != null || from != null || to != null;
    }

    /** The page's address for this filter on another tab and page. */
    public String link(Tab onTab, String cursor) {
        return Links.page("canh-bao", query(onTab, cursor));
    }

    public Map<String, String> query(Tab onTab, String cursor) {
        return Links.query("tab", onTab.slug, "loai", kind, "muc-do", severity, "tieu-chi", criterion,
                "tu-ngay", from == null ? null : from.toString(), "den-ngay", to == null ? null : to.toString(), "trang", cursor);
    }

    AlertQuery toQuery(String cursor, int limit) {
        AlertQuery query = new AlertQuery();
        query.status = tab.status;
        query.holding = tab.holding;
        query.kind = kind;
        query.severity = severity;
        query.criterion = criterion;
        query.raisedFrom = from == null ? null : from.toString();
        query.raisedTo = to == null ? null : to.toString();
        query.cursor = cursor;
        query.limit = limit;
        return query;
    }

    /** The value when the page offers it, else null (List.of refuses to look for null). */
    static String offered(List<String> choices, String value) {
        return value != null && choices.contains(value) ? value : null;
    }

    private static LocalDate date(String text, String field, FormErrors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.add(field, "Ngày không hợp lệ: chọn ngày trên lịch hoặc nhập theo dạng năm-tháng-ngày.");
            return null;
        }
    }
}

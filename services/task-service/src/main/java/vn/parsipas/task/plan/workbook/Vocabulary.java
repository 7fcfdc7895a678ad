package vn.parsipas.task.plan.workbook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The choice lists of the template: each code of the plan format with the Vietnamese label a cell
 * shows. A cell may hold the label or the code itself; lists are offered as drop-downs.
 */
enum Vocabulary {
    AGENCY_KIND("Loại cơ quan", "people-committee", "UBND", "office", "Văn phòng", "department", "Sở, ngành",
            "inspectorate", "Thanh tra", "public-service-unit", "Đơn vị sự nghiệp công lập",
            "central-branch", "Cơ quan Trung ương trên địa bàn", "state-enterprise", "Doanh nghiệp nhà nước",
            "media", "Cơ quan báo chí", "mass-organisation", "Tổ chức chính trị - xã hội", "locality", "Địa phương",
            "collective", "Nhóm cơ quan"),
    CRITERION_KIND("Loại tiêu chí", "criterion", "Tiêu chí", "sub-criterion", "Tiêu chí thành phần",
            "sub-index", "Chỉ số thành phần SIPAS"),
    AREA("Lĩnh vực", "par", "PAR Index", "sipas-policy", "SIPAS - chính sách", "sipas-service", "SIPAS - dịch vụ hành chính công"),
    TARGET_KIND("Loại mục tiêu", "indicator", "Chỉ tiêu định lượng", "sipas", "Chỉ số hài lòng SIPAS",
            "survey-rated", "Điều tra xã hội học", "milestone", "Mốc hoàn thành"),
    UNIT("Đơn vị", "percent", "%", "percent-growth", "% tăng trưởng", "percentage-points", "điểm phần trăm",
            "count", "số lượng", "places", "thứ hạng", "group", "nhóm", "billion-vnd", "tỷ đồng"),
    COMPARATOR("So sánh", "gte", "≥", "gt", ">", "lte", "≤", "lt", "<", "eq", "="),
    RECURRENCE("Chu kỳ", "monthly", "hằng tháng", "quarterly", "hằng quý", "half-yearly", "6 tháng", "yearly", "hằng năm"),
    RELATIVE_TO("So với", "baseline", "năm gốc"),
    RATING("Đánh giá", "good", "tốt"),
    WARNING("Cảnh báo", "target-owner-collective", "target-owner-collective",
            "target-owner-outside-hierarchy", "target-owner-outside-hierarchy",
            "recurring-wording", "recurring-wording", "result-after-deadline", "result-after-deadline");

    private final String title;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Map<String, String> codes = new LinkedHashMap<>();

    Vocabulary(String title, String... codesAndLabels) {
        this.title = title;
        for (int i = 0; i < codesAndLabels.length; i += 2) {
            labels.put(codesAndLabels[i], codesAndLabels[i + 1]);
            codes.put(key(codesAndLabels[i + 1]), codesAndLabels[i]);
            codes.put(key(codesAndLabels[i]), codesAndLabels[i]);
        }
    }

    String title() {
        return title;
    }

    List<String> labels() {
        return List.copyOf(labels.values());
    }

    String label(String code) {
        return labels.getOrDefault(code, code);
    }

    /** The code of a label or of a code, whatever its case; null when the cell holds neither. */
    String code(String cell) {
        return codes.get(key(cell));
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}

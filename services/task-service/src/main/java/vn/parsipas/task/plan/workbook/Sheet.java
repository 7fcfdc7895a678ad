package vn.parsipas.task.plan.workbook;

import static vn.parsipas.task.plan.workbook.Column.Type.AGENCIES;
import static vn.parsipas.task.plan.workbook.Column.Type.AGENCY;
import static vn.parsipas.task.plan.workbook.Column.Type.CHOICES;
import static vn.parsipas.task.plan.workbook.Column.Type.DATE;
import static vn.parsipas.task.plan.workbook.Column.Type.FLAG;
import static vn.parsipas.task.plan.workbook.Column.Type.INTEGER;
import static vn.parsipas.task.plan.workbook.Column.Type.LINES;
import static vn.parsipas.task.plan.workbook.Column.Type.LIST;
import static vn.parsipas.task.plan.workbook.Column.Type.NUMBER;
import static vn.parsipas.task.plan.workbook.Column.Type.TEXT;

import java.util.List;

/**
 * The sheets of the template and their columns, in order. Row 1 holds the headers, row 2 a line of
 * help; entries start on row 3. Targets and tasks name their criterion in their first column (empty:
 * a goal or a task of the whole plan).
 */
record Sheet(String name, List<Column> columns) {
    static final String GUIDE = "Hướng dẫn";
    static final String LISTS = "Danh mục";
    /** Written in a cell of a list of agencies that is explicitly empty (a task with no coordinating agency). */
    static final String NONE = "(không có)";
    static final int FIRST_ROW = 2;
    static final String CRITERION = "criterion";

    /** One field per row (header in column A, value in B); a list field on as many rows as it has items. */
    static final Sheet PLAN = new Sheet("Kế hoạch", List.of(
            Column.of("Mã kế hoạch", "id", TEXT, "chữ thường không dấu, nối bằng «-», ví dụ dak-lak-2025"),
            Column.of("Số, ký hiệu", "number", TEXT, "ví dụ 120/KH-UBND"),
            Column.of("Cơ quan ban hành", "issuer", TEXT, "ví dụ Ủy ban nhân dân tỉnh Đắk Lắk"),
            Column.of("Tỉnh", "province", TEXT, ""),
            Column.of("Ngày ban hành", "issuedOn", DATE, "dd/mm/yyyy"),
            Column.of("Năm kế hoạch", "year", INTEGER, ""),
            Column.of("Múi giờ", "timeZone", TEXT, "Asia/Ho_Chi_Minh"),
            Column.of("Tên kế hoạch", "title", TEXT, "nguyên văn"),
            Column.of("Tên ngắn", "shortTitle", TEXT, "không bắt buộc"),
            Column.of("Chủ đề năm", "theme", TEXT, "nguyên văn, bỏ dấu ngoặc kép"),
            Column.of("Đoạn mở đầu", "preamble", TEXT, "không bắt buộc"),
            Column.of("Đoạn kết", "closing", TEXT, "không bắt buộc"),
            Column.of("Chữ ký", "signature", TEXT, "không bắt buộc"),
            Column.of("Cơ quan điều phối", "coordinatingOffices", AGENCIES, "nhận báo cáo và cảnh báo vượt cấp; mã cách nhau bởi dấu phẩy"),
            Column.of("Mục đích", "goals.purposes", TEXT, "mỗi ý một dòng, lặp lại tên trường"),
            Column.of("Yêu cầu", "goals.requirements", TEXT, "mỗi ý một dòng, lặp lại tên trường")));

    static final Sheet AGENCY_SHEET = new Sheet("Cơ quan", List.of(
            Column.of("Mã cơ quan", "code", TEXT, "chữ HOA không dấu, nối bằng «-», ví dụ SO-NOI-VU"),
            Column.of("Tên cơ quan", "name", TEXT, "như kế hoạch ghi"),
            Column.choice("Loại", "kind", Vocabulary.AGENCY_KIND, "chọn trong danh sách"),
            Column.of("Cơ quan cấp trên", "parent", AGENCY, "nhận cảnh báo vượt cấp; để trống nếu không thuộc tỉnh"),
            Column.of("Tên gọi khác trong văn bản", "aliases", LINES, "mỗi tên một dòng"),
            new Column("Gồm các loại", "memberKinds", CHOICES, Vocabulary.AGENCY_KIND, "chỉ với nhóm cơ quan; cách nhau bởi dấu phẩy"),
            Column.of("Ghi chú", "note", TEXT, "")));

    static final Sheet GROUPS = new Sheet("Mục", List.of(
            Column.of("Mã mục", "code", TEXT, "ví dụ 1, 2.1"),
            Column.of("Tên mục", "title", TEXT, "nguyên văn"),
            Column.choice("Lĩnh vực", "area", Vocabulary.AREA, "khi mọi tiêu chí của mục cùng một lĩnh vực"),
            Column.of("Mục cha", "parent", TEXT, ""),
            Column.of("Dòng tham chiếu", "reference", TEXT, "nguyên văn")));

    static final Sheet CRITERIA = new Sheet("Tiêu chí", List.of(
            Column.of("Mã tiêu chí", "code", TEXT, "số như văn bản: 1.16, 2.2.1"),
            Column.choice("Loại", "kind", Vocabulary.CRITERION_KIND, "chọn trong danh sách"),
            Column.choice("Lĩnh vực", "area", Vocabulary.AREA, "chọn trong danh sách"),
            Column.of("Mục", "group", TEXT, "mã mục ở trang «Mục»"),
            Column.of("Tên tiêu chí", "title", TEXT, "nguyên văn"),
            Column.of("Mục tiêu, yêu cầu", "objective", TEXT, "phần a), nguyên văn"),
            Column.of("Cơ quan chủ trì", "leadAgency", AGENCY, "mã cơ quan"),
            Column.of("Chủ trì do suy ra", "leadAgencyInferred", FLAG, "«x» khi văn bản không ghi cơ quan chủ trì; ghi lý do ở Ghi chú"),
            Column.of("Cơ quan phối hợp, thực hiện", "coordinatingAgencies", AGENCIES, "mã cách nhau bởi dấu phẩy"),
            Column.of("Phân công trách nhiệm", "responsibilityText", TEXT, "phần c), nguyên văn"),
            Column.of("Thời hạn", "deadline", DATE, "dd/mm/yyyy"),
            Column.of("Thời hạn theo văn bản", "deadlineText", TEXT, "phần d), ví dụ «Trong năm 2025»"),
            Column.of("Ghi chú", "note", TEXT, "")));

    static final Sheet TARGETS = new Sheet("Mục tiêu", List.of(
            Column.of("Tiêu chí", CRITERION, TEXT, "mã tiêu chí; để trống với mục tiêu chung của kế hoạch"),
            Column.of("Mã mục tiêu", "id", TEXT, "t-<mã tiêu chí hoặc plan>-<tên ngắn>"),
            Column.choice("Loại", "kind", Vocabulary.TARGET_KIND, "chọn trong danh sách"),
            Column.of("Mô tả", "description", TEXT, "câu của văn bản, nguyên văn"),
            Column.of("Cơ quan chịu trách nhiệm", "responsibleAgency", AGENCY, "một cơ quan có thể hành động, không phải một nhóm"),
            Column.of("Thời hạn", "deadline", DATE, "cuối kỳ mục tiêu nói đến, dd/mm/yyyy"),
            Column.of("Ngày dự kiến có kết quả", "resultExpectedBy", DATE, "khi kết quả công bố sau thời hạn (PAR Index, SIPAS)"),
            Column.of("Mã chỉ số", "indicator.code", TEXT, "chỉ tiêu định lượng: mã trong danh mục chỉ số"),
            Column.of("Tên chỉ số", "indicator.name", TEXT, ""),
            Column.choice("Đơn vị", "indicator.unit", Vocabulary.UNIT, "bắt buộc với chỉ tiêu định lượng"),
            Column.of("Chỉ số SIPAS", "subIndex", TEXT, "mã chỉ số thành phần, ví dụ 2.2.1"),
            Column.choice("So sánh", "comparator", Vocabulary.COMPARATOR, "≥ > ≤ < ="),
            Column.of("Giá trị mục tiêu", "value", NUMBER, "để trống khi chỉ so với năm gốc"),
            Column.choice("So với", "relativeTo", Vocabulary.RELATIVE_TO, "«năm gốc» khi văn bản chỉ ghi «tăng hơn năm ...»"),
            Column.of("Mức tăng", "delta", NUMBER, "tính theo đơn vị: 3 là 3 điểm phần trăm"),
            Column.of("Giá trị năm gốc", "baseline.value", NUMBER, ""),
            Column.of("Năm gốc", "baseline.year", INTEGER, ""),
            Column.choice("Đánh giá", "rating", Vocabulary.RATING, "điều tra xã hội học: tốt"),
            Column.of("Đối tượng khảo sát", "respondents", TEXT, "điều tra xã hội học, nguyên văn"),
            Column.of("Vị trí trong văn bản", "sourceRef", TEXT, "khi không ở phần a) của tiêu chí"),
            new Column("Cảnh báo đã chấp nhận", "acceptedWarnings", CHOICES, Vocabulary.WARNING, "ghi lý do ở Ghi chú"),
            Column.of("Ghi chú", "note", TEXT, "")));

    static final Sheet TASKS = new Sheet("Nhiệm vụ", List.of(
            Column.of("Tiêu chí", CRITERION, TEXT, "mã tiêu chí; để trống với nhiệm vụ chung của kế hoạch"),
            Column.of("Mã nhiệm vụ", "id", TEXT, "<tiêu chí>-t<n>; plan-t<n>; plan-r<n> (định kỳ)"),
            Column.of("Nội dung", "title", TEXT, "nguyên văn, không có dấu «-» đầu dòng"),
            Column.of("Dòng dẫn", "intro", TEXT, "dòng đứng trước, nếu có"),
            Column.of("Cơ quan chủ trì", "leadAgency", AGENCY, "để trống: cơ quan chủ trì của tiêu chí"),
            Column.of("Cơ quan phối hợp", "coordinatingAgencies", AGENCIES, "để trống: của tiêu chí; «(không có)»: không có"),
            Column.of("Thời hạn", "deadline", DATE, "để trống: của tiêu chí; không ghi với nhiệm vụ định kỳ"),
            Column.choice("Chu kỳ", "recurrence", Vocabulary.RECURRENCE, "nhiệm vụ định kỳ: mỗi kỳ một thời hạn"),
            Column.of("Hạn trong tháng cuối kỳ", "dueDay", INTEGER, "ngày; để trống: ngày cuối kỳ; báo cáo CCHC: 20"),
            Column.of("Chu kỳ theo văn bản", "recurrenceText", TEXT, "nguyên văn, ví dụ «01 tháng/lần»"),
            Column.of("Từ ngày", "from", DATE, "để trống: ngày ban hành"),
            Column.of("Đến ngày", "until", DATE, "để trống: thời hạn của tiêu chí"),
            Column.of("Báo cáo cho", "reportTo", AGENCY, "cơ quan nhận báo cáo mỗi kỳ"),
            Column.of("Vị trí trong văn bản", "sourceRef", TEXT, "ví dụ 1.8 c), III.1"),
            new Column("Cảnh báo đã chấp nhận", "acceptedWarnings", CHOICES, Vocabulary.WARNING, "ghi lý do ở Ghi chú"),
            Column.of("Ghi chú", "note", TEXT, "")));

    static final Sheet NOTES = new Sheet("Ghi chú nguồn", List.of(
            Column.of("Mã ghi chú", "id", TEXT, "chữ thường không dấu, nối bằng «-»"),
            Column.of("Tham chiếu", "refs", LIST, "mã tiêu chí, phần của văn bản; cách nhau bởi dấu phẩy"),
            Column.of("Ghi chú", "note", TEXT, "")));

    /** The sheets read and written, in the workbook's order (after the guide). */
    static final List<Sheet> ALL = List.of(PLAN, AGENCY_SHEET, GROUPS, CRITERIA, TARGETS, TASKS, NOTES);

    Column column(String field) {
        return columns.get(index(field));
    }

    int index(String field) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).field().equals(field)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name + " has no column " + field);
    }
}

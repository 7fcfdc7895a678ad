package vn.parsipas.contracts.text;

/**
 * The Vietnamese words for an alert's codes, as the alerts.v1 events and the notification API carry them
 * (kind, severity, status, resolution, an agency's role, a notification's transition, a timeline entry):
 * the e-mails and the console's pages say them the same way. Beside {@link VietnameseFigures} for the
 * same reason: the console reads them and does not depend on the services. Unknown or missing codes get
 * a neutral word, never an exception (a newer service may send a code an older reader does not know).
 */
public final class AlertLabels {
    private AlertLabels() {
    }

    /** The kind of alert: "task-overdue" → "Nhiệm vụ quá hạn". */
    public static String kind(String kind) {
        return switch (kind == null ? "" : kind) {
            case "task-due-soon" -> "Nhiệm vụ sắp đến hạn";
            case "task-overdue" -> "Nhiệm vụ quá hạn";
            case "target-at-risk" -> "Mục tiêu có nguy cơ không đạt";
            case "target-missed" -> "Mục tiêu không đạt";
            case "target-no-data" -> "Thiếu số liệu của chỉ tiêu";
            case "target-no-baseline" -> "Chưa có số liệu năm gốc của chỉ tiêu";
            case "satisfaction-below-target" -> "Chỉ số hài lòng dưới mục tiêu";
            default -> "Cảnh báo";
        };
    }

    public static String severity(String severity) {
        return switch (severity == null ? "" : severity) {
            case "critical" -> "Nghiêm trọng";
            case "warning" -> "Cảnh báo";
            default -> "Thông tin";
        };
    }

    /** open, acknowledged, resolved. */
    public static String status(String status) {
        return switch (status == null ? "" : status) {
            case "open" -> "Chưa tiếp nhận";
            case "acknowledged" -> "Đã tiếp nhận";
            default -> "Đã xử lý xong";
        };
    }

    /** Why an alert was resolved. */
    public static String resolution(String resolution) {
        return switch (resolution == null ? "" : resolution) {
            case "task-completed" -> "Nhiệm vụ đã hoàn thành";
            case "deadline-changed" -> "Thời hạn nhiệm vụ đã được điều chỉnh";
            case "target-recovered" -> "Mục tiêu đã trở lại đúng lộ trình";
            case "index-recovered" -> "Chỉ số hài lòng đã trở lại mức mục tiêu";
            case "superseded" -> "Được thay bằng cảnh báo mới về cùng đối tượng";
            default -> "Đã đóng";
        };
    }

    /** How an agency holds an alert (responsible, copy, escalation); empty for none. */
    public static String role(String role) {
        return switch (role == null ? "" : role) {
            case "responsible" -> "Cơ quan chủ trì xử lý";
            case "copy" -> "Nhận để phối hợp";
            case "escalation" -> "Chuyển đến cơ quan cấp trên";
            default -> "";
        };
    }

    /** A notification's transition in a word (an e-mail's subject): raised, repeated-2, escalated-1, reassigned-X, resolved. */
    public static String transition(String transition) {
        String code = transition == null ? "" : transition;
        if (code.startsWith("repeated")) {
            return "Nhắc lại";
        }
        if (code.startsWith("escalated")) {
            return "Chuyển cấp trên";
        }
        if (code.startsWith("reassigned")) {
            return "Giao lại";
        }
        return "resolved".equals(code) ? "Đã xử lý xong" : "Cảnh báo mới";
    }

    /** A line of an alert's timeline: raised, notified, repeated, escalated, acknowledged, resolved, ... */
    public static String timeline(String type) {
        return switch (type == null ? "" : type) {
            case "raised" -> "Phát sinh cảnh báo";
            case "notified" -> "Đưa vào hộp thư";
            case "muted" -> "Tạm ngưng thông báo";
            case "repeated" -> "Nhắc lại";
            case "escalated" -> "Chuyển cấp trên";
            case "escalation-skipped" -> "Không có cấp trên để chuyển";
            case "acknowledged" -> "Tiếp nhận";
            case "resolved" -> "Kết thúc";
            case "reassigned" -> "Giao lại";
            case "progress" -> "Báo cáo tiến độ";
            case "task-completed" -> "Báo cáo hoàn thành";
            case "task-updated" -> "Cập nhật nhiệm vụ";
            case "index-updated" -> "Cập nhật chỉ số";
            case "seen" -> "Ghi nhận lại";
            default -> "Ghi nhận";
        };
    }
}

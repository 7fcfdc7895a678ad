package vn.parsipas.notification.alert;

import java.util.stream.Collectors;

import vn.parsipas.notification.directory.Routing;

/** The Vietnamese words for what people read about alerts. */
public final class Labels {
    private Labels() {
    }

    /** Who is responsible and who is in copy, by name; a collective is named with the office acting for it. */
    static String routing(AlertKind kind, Routing routing) {
        String role = kind.family() == AlertKind.Family.TASK ? "Cơ quan chủ trì"
                : kind.toDataProvider() ? "Đơn vị cung cấp số liệu" : "Cơ quan chịu trách nhiệm";
        StringBuilder text = new StringBuilder(role).append(": ").append(routing.name(routing.responsible()));
        if (routing.viaCoordinator()) {
            text.append(" (gửi ").append(routing.name(routing.deliveredTo())).append(" để điều phối)");
        }
        text.append('.');
        if (!routing.listedCopies().isEmpty()) {
            text.append(" Cơ quan phối hợp: ")
                    .append(routing.listedCopies().stream().map(routing::name).collect(Collectors.joining(", ")))
                    .append('.');
        }
        return text.toString();
    }

    public static String resolution(String resolution) {
        return switch (resolution) {
            case "task-completed" -> "Nhiệm vụ đã hoàn thành";
            case "deadline-changed" -> "Thời hạn nhiệm vụ đã được điều chỉnh";
            case "target-recovered" -> "Mục tiêu đã trở lại đúng lộ trình";
            case "index-recovered" -> "Chỉ số hài lòng đã trở lại mức mục tiêu";
            case "superseded" -> "Được thay bằng cảnh báo mới về cùng đối tượng";
            default -> "Đã đóng";
        };
    }

    public static String severity(String severity) {
        return switch (severity) {
            case "critical" -> "Nghiêm trọng";
            case "warning" -> "Cảnh báo";
            default -> "Thông tin";
        };
    }

    public static String status(String status) {
        return switch (status) {
            case Alert.OPEN -> "Chưa tiếp nhận";
            case Alert.ACKNOWLEDGED -> "Đã tiếp nhận";
            default -> "Đã xử lý xong";
        };
    }

    /** How a notification's transition reads in a subject line: raised, repeated-2, escalated-1, resolved, ... */
    public static String transition(String transition) {
        if (transition.startsWith("repeated")) {
            return "Nhắc lại";
        }
        if (transition.startsWith("escalated")) {
            return "Chuyển cấp trên";
        }
        if (transition.startsWith("reassigned")) {
            return "Giao lại";
        }
        return "resolved".equals(transition) ? "Đã xử lý xong" : "Cảnh báo mới";
    }
}

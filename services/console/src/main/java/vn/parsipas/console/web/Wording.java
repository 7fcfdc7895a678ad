package vn.parsipas.console.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;
import vn.parsipas.contracts.text.AlertLabels;
import vn.parsipas.contracts.text.VietnameseFigures;

/**
 * Everything staff read about the suite's states, in Vietnamese, in one place: dates as
 * dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh, numbers with a decimal comma, the words for kinds, severities,
 * statuses, roles and timeline entries. Templates call them as {@code {vi:dateTime(x)}}. Figures and
 * alert words come from the contracts ({@link VietnameseFigures}, {@link AlertLabels}), so a page says
 * what the e-mails say.
 */
@TemplateExtension(namespace = "vi")
public final class Wording {
    public static final ZoneId ZONE = VietnameseFigures.PROVINCE_TIME;
    public static final Locale LOCALE = Locale.forLanguageTag("vi-VN");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZONE);

    private Wording() {
    }

    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    public static String date(LocalDate date) {
        return VietnameseFigures.date(date);
    }

    /** The ISO form of an instant, for {@code <time datetime>}. */
    public static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** 84.31 → "84,31", 2740 → "2.740"; whole numbers without decimals (as {@link VietnameseFigures#number}). */
    public static String number(BigDecimal value) {
        return value == null ? "" : VietnameseFigures.number(value);
    }

    /** A SIPAS period: "2025-Q4" is "Quý IV/2025", "2025" the year to date. */
    public static String period(String period) {
        if (period == null) {
            return "";
        }
        if (period.matches("[0-9]{4}-Q[1-4]")) {
            return "Quý " + List.of("I", "II", "III", "IV").get(period.charAt(6) - '1') + "/" + period.substring(0, 4);
        }
        return period.matches("[0-9]{4}") ? "Năm " + period : period;
    }

    /** How often an indicator's value is due (the catalogue's cadence). */
    public static String cadence(String cadence) {
        return switch (cadence == null ? "" : cadence) {
            case "monthly" -> "Hằng tháng";
            case "quarterly" -> "Hằng quý";
            case "yearly" -> "Hằng năm";
            default -> "–";
        };
    }

    /** An indicator's unit (the catalogue's code) as staff read it beside a figure. */
    public static String unit(String unit) {
        return switch (unit == null ? "" : unit) {
            case "percent" -> "%";
            case "percent-growth" -> "% tăng so với năm trước";
            case "percentage-points" -> "điểm phần trăm";
            case "billion-vnd" -> "tỷ đồng";
            case "places" -> "hạng (1 là cao nhất)";
            case "group" -> "nhóm";
            case "count" -> "số lượng";
            default -> unit;
        };
    }

    /** A figure in its unit, as the alerts and e-mails write it: "84,31%", "12 tỷ đồng", "hạng 12"; a count is the number alone. */
    public static String figure(BigDecimal value, String unit) {
        return value == null ? "" : VietnameseFigures.figure(value, unit);
    }

    public static String kind(String kind) {
        return AlertLabels.kind(kind);
    }

    public static String severity(String severity) {
        return AlertLabels.severity(severity);
    }

    public static String alertStatus(String status) {
        return AlertLabels.status(status);
    }

    /** How an agency holds an alert. */
    public static String role(String role) {
        return AlertLabels.role(role);
    }

    public static String resolution(String resolution) {
        return AlertLabels.resolution(resolution);
    }

    /** A line of an alert's timeline: raised, notified, repeated, escalated, acknowledged, resolved, ... */
    public static String timeline(String type) {
        return AlertLabels.timeline(type);
    }

    public static String channel(String channel) {
        return switch (channel == null ? "" : channel) {
            case "email" -> "Thư điện tử";
            case "webhook" -> "Webhook";
            default -> "Hộp thư";
        };
    }

    public static String deliveryStatus(String status) {
        return switch (status == null ? "" : status) {
            case "sent" -> "Đã gửi";
            case "pending", "sending" -> "Đang chờ gửi";
            case "muted" -> "Tạm ngưng";
            case "skipped" -> "Không gửi";
            case "dead" -> "Gửi thất bại";
            default -> status;
        };
    }

    /** A notification's transition: raised, repeated-2, escalated-1, reassigned-X, resolved. */
    public static String transition(String transition) {
        if (transition == null) {
            return "";
        }
        String word = AlertLabels.transition(transition);
        if (transition.startsWith("repeated")) {
            return word + " lần " + transition.substring(transition.indexOf('-') + 1);
        }
        if (transition.startsWith("escalated")) {
            return word + " (cấp " + transition.substring(transition.indexOf('-') + 1) + ")";
        }
        return word;
    }

    public static String taskStatus(String status) {
        return switch (status == null ? "" : status) {
            case "open" -> "Chưa thực hiện";
            case "in-progress" -> "Đang thực hiện";
            case "completed" -> "Đã hoàn thành";
            case "withdrawn" -> "Đã rút khỏi kế hoạch";
            default -> status;
        };
    }

    /** How long something took, as staff say it: "45 phút", "3 giờ 20 phút", "2 ngày 4 giờ". */
    public static String duration(Instant from, Instant to) {
        if (from == null || to == null) {
            return "";
        }
        return length(Duration.between(from, to));
    }

    /** A length of time as staff read it: "2 ngày 3 giờ", "5 giờ 10 phút", at least "1 phút". */
    public static String length(Duration d) {
        if (d == null) {
            return "";
        }
        if (d.toDays() > 0) {
            return d.toDays() + " ngày" + (d.toHoursPart() > 0 ? " " + d.toHoursPart() + " giờ" : "");
        }
        if (d.toHours() > 0) {
            return d.toHours() + " giờ" + (d.toMinutesPart() > 0 ? " " + d.toMinutesPart() + " phút" : "");
        }
        return Math.max(d.toMinutes(), 1) + " phút";
    }

    /** A target's status (indicator-service), NOT_EVALUATED before its first evaluation. */
    public static String targetStatus(String status) {
        return switch (status == null ? "" : status) {
            case "MET" -> "Đạt";
            case "ON_TRACK" -> "Đúng tiến độ";
            case "AT_RISK" -> "Có nguy cơ không đạt";
            case "MISSED" -> "Không đạt";
            case "NO_DATA" -> "Chưa có số liệu";
            case "NO_BASELINE" -> "Chưa có số liệu năm gốc";
            default -> "Chưa đánh giá";
        };
    }

    /** The sign beside a target status's word, so the badge does not rely on colour. */
    public static String targetSign(String status) {
        return switch (status == null ? "" : status) {
            case "MET" -> "✓";
            case "ON_TRACK" -> "→";
            case "AT_RISK" -> "!";
            case "MISSED" -> "✗";
            case "NO_DATA", "NO_BASELINE" -> "?";
            default -> "–";
        };
    }

    /** A line of a task's history. */
    public static String taskChange(String change) {
        return switch (change == null ? "" : change) {
            case "assigned" -> "Giao nhiệm vụ";
            case "reassigned" -> "Giao lại cơ quan chủ trì";
            case "deadline-changed" -> "Điều chỉnh thời hạn";
            case "details-changed" -> "Điều chỉnh nội dung";
            case "completed" -> "Hoàn thành";
            case "reopened" -> "Mở lại";
            case "withdrawn" -> "Rút khỏi kế hoạch";
            default -> change;
        };
    }
}

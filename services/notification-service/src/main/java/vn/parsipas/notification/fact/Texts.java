package vn.parsipas.notification.fact;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import vn.parsipas.platform.time.BusinessTime;

/** Vietnamese renderings of dates, numbers, units and comparators, as people read them. */
public final class Texts {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private Texts() {
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(BusinessTime.ZONE));
    }

    /** 62.40 → "62,4"; 80 → "80". */
    public static String number(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        String plain = value.stripTrailingZeros().toPlainString();
        return plain.replace('.', ',');
    }

    public static String withUnit(BigDecimal value, String unit) {
        String number = number(value);
        if (value == null || unit == null) {
            return number;
        }
        return switch (unit) {
            case "percent" -> number + "%";
            case "percent-growth" -> number + "% (tăng trưởng)";
            case "percentage-points" -> number + " điểm phần trăm";
            case "places" -> number + " bậc";
            case "group" -> "nhóm " + number;
            case "billion-vnd" -> number + " tỷ đồng";
            default -> number;
        };
    }

    public static String comparator(String comparator) {
        return switch (comparator) {
            case "gte" -> "≥";
            case "gt" -> ">";
            case "lte" -> "≤";
            case "lt" -> "<";
            default -> "=";
        };
    }

    public static String scope(String scope) {
        return "PROVINCE".equals(scope) ? "toàn tỉnh" : scope;
    }

    public static String criterion(String prefix, String criterionCode) {
        return criterionCode == null ? prefix : prefix + ": tiêu chí " + criterionCode;
    }
}

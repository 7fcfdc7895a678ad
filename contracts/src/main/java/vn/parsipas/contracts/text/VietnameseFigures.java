package vn.parsipas.contracts.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How figures, units, comparators and dates read in Vietnamese, the same in every text of the suite
 * (alerts, e-mails, target reasons, the console's pages and reports): 2.740 tỷ đồng, 62,4%, ≥ 80%,
 * hạng 12, 31/12/2025. Phrasing around them stays where it is used. It lives with the contracts
 * because the console reads it too and does not depend on the services' platform.
 */
public final class VietnameseFigures {
    /** Shown where a figure is missing. */
    public static final String NO_FIGURE = "—";

    /** The province's time, in which dates and times are read. */
    public static final ZoneId PROVINCE_TIME = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private VietnameseFigures() {
    }

    /** Thousands separated by '.', decimals after ',', at most two, rounded half up: 2740 → "2.740", 62.40 → "62,4". */
    public static String number(BigDecimal value) {
        if (value == null) {
            return NO_FIGURE;
        }
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setDecimalSeparator(',');
        symbols.setGroupingSeparator('.');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat("#,##0.##", symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    /**
     * A figure in its unit: "62,4%", "1,5 điểm phần trăm", "2.740 tỷ đồng", "hạng 12" (a rank, 1 is best),
     * "nhóm 1"; a growth rate is a percent (the indicator's name says what grows); a count is the number.
     */
    public static String figure(BigDecimal value, String unit) {
        String number = number(value);
        if (value == null || unit == null) {
            return number;
        }
        return switch (unit) {
            case "percent", "percent-growth" -> number + "%";
            case "percentage-points" -> number + " điểm phần trăm";
            case "billion-vnd" -> number + " tỷ đồng";
            case "places" -> "hạng " + number;
            case "group" -> "nhóm " + number;
            default -> number;
        };
    }

    /** gte → "≥", gt → ">", lte → "≤", lt → "<", anything else "=". */
    public static String comparator(String comparator) {
        return switch (comparator == null ? "" : comparator) {
            case "gte" -> "≥";
            case "gt" -> ">";
            case "lte" -> "≤";
            case "lt" -> "<";
            default -> "=";
        };
    }

    /** A target's goal: "≥ 80%", "≤ hạng 35". */
    public static String goal(String comparator, BigDecimal threshold, String unit) {
        return comparator(comparator) + " " + figure(threshold, unit);
    }

    /** 31/12/2025; empty for none. */
    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** "00:00 ngày 01/01/2026", in the province's time; empty for none. */
    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(PROVINCE_TIME));
    }
}

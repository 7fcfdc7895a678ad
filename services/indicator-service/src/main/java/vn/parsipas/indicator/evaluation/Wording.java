package vn.parsipas.indicator.evaluation;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How figures, targets and dates read in Vietnamese: 62,4%, 2.740 tỷ đồng, ≥ 80%, 31/12/2025. */
final class Wording {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Wording() {
    }

    static String figure(BigDecimal value, String unit) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setDecimalSeparator(',');
        symbols.setGroupingSeparator('.');
        String number = new DecimalFormat("#,##0.##", symbols).format(value);
        return switch (unit) {
            case "percent", "percent-growth" -> number + "%";
            case "percentage-points" -> number + " điểm phần trăm";
            case "billion-vnd" -> number + " tỷ đồng";
            case "places" -> "hạng " + number;
            case "group" -> "nhóm " + number;
            default -> number;
        };
    }

    static String comparator(String comparator) {
        return switch (comparator) {
            case "gte" -> "≥";
            case "gt" -> ">";
            case "lte" -> "≤";
            case "lt" -> "<";
            default -> "=";
        };
    }

    static String goal(Target target, BigDecimal threshold) {
        return comparator(target.comparator()) + " " + figure(threshold, target.unit());
    }

    static String day(LocalDate day) {
        return DAY.format(day);
    }
}

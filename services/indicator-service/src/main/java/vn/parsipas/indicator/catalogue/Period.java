package vn.parsipas.indicator.catalogue;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;

/** A reporting period as the contracts write it: 2025, 2025-Q2, 2025-06 or 2025-06-30, with its first and last day. */
public record Period(String text, LocalDate start, LocalDate end) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Parses a period of the schema's shape; fails with a reason for one that is not a calendar period. */
    public static Period parse(String text) {
        try {
            if (text.length() == 4) {
                int year = Integer.parseInt(text);
                return new Period(text, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
            if (text.length() == 7 && text.charAt(5) == 'Q') {
                int quarter = text.charAt(6) - '0';
                LocalDate start = LocalDate.of(Integer.parseInt(text.substring(0, 4)), quarter * 3 - 2, 1);
                return new Period(text, start, start.plusMonths(3).minusDays(1));
            }
            if (text.length() == 7) {
                YearMonth month = YearMonth.parse(text);
                return new Period(text, month.atDay(1), month.atEndOfMonth());
            }
            LocalDate day = LocalDate.parse(text);
            return new Period(text, day, day);
        } catch (DateTimeException | NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("period " + text + " is not a calendar period (2025, 2025-Q2, 2025-06, 2025-06-30)");
        }
    }

    public static Period year(int year) {
        return parse(String.valueOf(year));
    }

    /** How people read it: năm 2025, quý 2/2025, tháng 6/2025, ngày 30/06/2025. */
    public String label() {
        return switch (text.length()) {
            case 4 -> "năm " + text;
            case 7 -> text.charAt(5) == 'Q' ? "quý " + text.charAt(6) + "/" + text.substring(0, 4)
                    : "tháng " + start.getMonthValue() + "/" + start.getYear();
            default -> "ngày " + DAY.format(start);
        };
    }
}

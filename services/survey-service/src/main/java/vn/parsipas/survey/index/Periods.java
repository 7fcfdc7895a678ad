package vn.parsipas.survey.index;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import vn.parsipas.platform.time.BusinessTime;

/** The reporting periods of a response: its quarter (2025-Q2) and its year to date (2025), in local time. */
public final class Periods {
    public static final String PROVINCE = "PROVINCE";

    private Periods() {
    }

    public static List<String> of(Instant submittedAt) {
        LocalDate day = LocalDate.ofInstant(submittedAt, BusinessTime.ZONE);
        String year = String.valueOf(day.getYear());
        return List.of(year + "-Q" + ((day.getMonthValue() - 1) / 3 + 1), year);
    }

    public static int year(String period) {
        return Integer.parseInt(period.substring(0, 4));
    }
}

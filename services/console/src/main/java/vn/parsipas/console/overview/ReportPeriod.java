package vn.parsipas.console.overview;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.quarkus.qute.TemplateData;
import vn.parsipas.console.ConsoleConfig;
import vn.parsipas.console.web.Wording;

/**
 * A reporting period of a year with its data cut-off window (both days included) and the day the
 * report is due, e.g. Quý I 2025: 15/12/2024 → 14/03/2025, due 20/03/2025.
 */
@TemplateData
public record ReportPeriod(String key, String name, int year, LocalDate from, LocalDate to, LocalDate due) {

    static ReportPeriod of(String key, ConsoleConfig.Period period, int year) {
        return new ReportPeriod(key, period.name(), year, period.from().atYear(period.fromPreviousYear() ? year - 1 : year),
                period.to().atYear(year), period.due().atYear(year));
    }

    /** The configured periods of a year, in the order their windows end. */
    public static List<ReportPeriod> all(Map<String, ConsoleConfig.Period> periods, int year) {
        return periods.entrySet().stream().map(e -> of(e.getKey(), e.getValue(), year))
                .sorted(Comparator.comparing(ReportPeriod::to)).toList();
    }

    /** The period of that key, or (unknown key) the first period whose window has not closed by {@code today}, else the last. */
    public static ReportPeriod choose(Map<String, ConsoleConfig.Period> periods, int year, String key, LocalDate today) {
        List<ReportPeriod> all = all(periods, year);
        return all.stream().filter(p -> p.key().equals(key)).findFirst()
                .or(() -> all.stream().filter(p -> !p.to().isBefore(today)).findFirst())
                .orElse(all.get(all.size() - 1));
    }

    /** "Quý I năm 2025", "6 tháng đầu năm 2025", "Năm 2025". */
    public String title() {
        return name + (name.toLowerCase(Wording.LOCALE).endsWith("năm") ? " " : " năm ") + year;
    }
}

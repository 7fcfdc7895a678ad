package vn.parsipas.console.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.parsipas.console.ConsoleConfig;

/** The periods of văn bản 581/BNV-CCHC as the shipped configuration states them. */
class ReportPeriodTest {
    static final Map<String, ConsoleConfig.Period> PERIODS = Map.of(
            "quy-1", period("Quý I", "--12-15", true, "--03-14", "--03-20"),
            "6-thang", period("6 tháng đầu năm", "--12-15", true, "--06-14", "--06-20"),
            "quy-3", period("Quý III", "--06-15", false, "--09-14", "--09-20"),
            "nam", period("Năm", "--12-15", true, "--12-14", "--12-20"));

    @Test
    void eachPeriodHasItsCutOffWindowDueDayAndTitle() {
        assertThat(ReportPeriod.all(PERIODS, 2025)).extracting(ReportPeriod::title)
                .containsExactly("Quý I năm 2025", "6 tháng đầu năm 2025", "Quý III năm 2025", "Năm 2025");
        ReportPeriod q1 = ReportPeriod.choose(PERIODS, 2025, "quy-1", LocalDate.of(2025, 12, 1));
        assertThat(q1.from()).isEqualTo(LocalDate.of(2024, 12, 15));
        assertThat(q1.to()).isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(q1.due()).isEqualTo(LocalDate.of(2025, 3, 20));
    }

    @Test
    void withoutAChoiceThePeriodStillOpenOnTheBusinessDateIsOffered() {
        assertThat(ReportPeriod.choose(PERIODS, 2025, null, LocalDate.of(2025, 7, 1)).key()).isEqualTo("quy-3");
        assertThat(ReportPeriod.choose(PERIODS, 2025, "no-such", LocalDate.of(2025, 12, 1)).key()).isEqualTo("nam");
        assertThat(ReportPeriod.choose(PERIODS, 2025, null, LocalDate.of(2026, 1, 2)).key()).as("after the year: the year").isEqualTo("nam");
    }

    private static ConsoleConfig.Period period(String name, String from, boolean previousYear, String to, String due) {
        return new ConsoleConfig.Period() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public MonthDay from() {
                return MonthDay.parse(from);
            }

            @Override
            public boolean fromPreviousYear() {
                return previousYear;
            }

            @Override
            public MonthDay to() {
                return MonthDay.parse(to);
            }

            @Override
            public MonthDay due() {
                return MonthDay.parse(due);
            }
        };
    }
}

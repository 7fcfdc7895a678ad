package vn.parsipas.task.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Recurring duties expand into one occurrence per calendar period whose due date falls within [from, until]. */
class RecurrenceTest {
    private static final LocalDate ISSUED = LocalDate.parse("2025-05-26");
    private static final LocalDate END = LocalDate.parse("2025-12-31");

    @Test
    void quarterlyFromTheIssueDateIsDueAtTheEndOfQ2Q3AndQ4() {
        assertThat(PlanContent.occurrences("quarterly", null, ISSUED, END)).containsExactly(
                new PlanContent.Occurrence("2025-Q2", LocalDate.parse("2025-06-30")),
                new PlanContent.Occurrence("2025-Q3", LocalDate.parse("2025-09-30")),
                new PlanContent.Occurrence("2025-Q4", LocalDate.parse("2025-12-31")));
    }

    @Test
    void thePARReportingCalendarIsQuarterlyByThe20thOfTheQuartersLastMonth() {
        assertThat(PlanContent.occurrences("quarterly", 20, LocalDate.parse("2025-01-01"), END)).containsExactly(
                new PlanContent.Occurrence("2025-Q1", LocalDate.parse("2025-03-20")),
                new PlanContent.Occurrence("2025-Q2", LocalDate.parse("2025-06-20")),
                new PlanContent.Occurrence("2025-Q3", LocalDate.parse("2025-09-20")),
                new PlanContent.Occurrence("2025-Q4", LocalDate.parse("2025-12-20")));
        // a report due before the plan was issued is not owed under it
        assertThat(PlanContent.occurrences("quarterly", 20, LocalDate.parse("2025-06-21"), END))
                .extracting(PlanContent.Occurrence::period).containsExactly("2025-Q3", "2025-Q4");
    }

    @Test
    void otherPeriods() {
        assertThat(PlanContent.occurrences("monthly", null, ISSUED, END)).hasSize(8)
                .first().isEqualTo(new PlanContent.Occurrence("2025-05", LocalDate.parse("2025-05-31")));
        assertThat(PlanContent.occurrences("half-yearly", null, ISSUED, END)).extracting(PlanContent.Occurrence::period)
                .containsExactly("2025-H1", "2025-H2");
        assertThat(PlanContent.occurrences("yearly", null, ISSUED, END)).containsExactly(
                new PlanContent.Occurrence("2025", END));
        assertThat(PlanContent.occurrences("quarterly", null, ISSUED, LocalDate.parse("2025-09-29"))).hasSize(1);
    }
}

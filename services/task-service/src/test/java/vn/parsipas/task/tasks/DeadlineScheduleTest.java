package vn.parsipas.task.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.parsipas.platform.time.BusinessTime;
import vn.parsipas.task.Fixtures;

/** When the facts of a deadline fire: pure logic, no engines. */
class DeadlineScheduleTest {
    private static final DeadlineSchedule SCHEDULE = new DeadlineSchedule(List.of(7, 30, 1));
    private static final Instant DUE = BusinessTime.endOf(LocalDate.parse("2025-12-31"));

    @Test
    void eachLeadTimeFiresAtTheStartOfItsLocalDayThenTheDeadlineAtItsEnd() {
        assertThat(SCHEDULE.nextCheck(DUE, null, false)).isEqualTo(Fixtures.local("2025-12-02T00:00:00"));
        assertThat(SCHEDULE.nextCheck(DUE, 30, false)).isEqualTo(Fixtures.local("2025-12-25T00:00:00"));
        assertThat(SCHEDULE.nextCheck(DUE, 7, false)).isEqualTo(Fixtures.local("2025-12-31T00:00:00"));
        assertThat(SCHEDULE.nextCheck(DUE, 1, false)).isEqualTo(Fixtures.local("2026-01-01T00:00:00"));
        assertThat(SCHEDULE.nextCheck(DUE, 1, true)).isNull();
        assertThat(SCHEDULE.window()).isEqualTo(30);
    }

    @Test
    void nothingFiresBeforeItsTrigger() {
        assertThat(SCHEDULE.due(DUE, null, false, Fixtures.local("2025-12-01T23:59:59"))).isNull();
        assertThat(SCHEDULE.due(DUE, 30, false, Fixtures.local("2025-12-24T23:59:59"))).isNull();
    }

    @Test
    void whenSeveralTriggersPassedOnlyTheMostUrgentFactFires() {
        assertThat(SCHEDULE.due(DUE, null, false, Fixtures.local("2025-12-26T10:00:00")))
                .isEqualTo(new DeadlineSchedule.Fact(false, 7));
        assertThat(SCHEDULE.due(DUE, null, false, Fixtures.local("2026-01-01T00:00:00")))
                .isEqualTo(new DeadlineSchedule.Fact(true, null));
        assertThat(SCHEDULE.due(DUE, 30, true, Fixtures.local("2026-02-01T00:00:00"))).isNull();
    }

    @Test
    void factIdsAreDeterministicAndARearmedDeadlineGetsNewOnes() {
        LocalDate deadline = LocalDate.parse("2025-12-31");
        assertThat(DeadlineSchedule.dueSoonId("dak-lak-2025:1.8-t3", deadline, 7, 1)).isEqualTo("due-soon/dak-lak-2025:1.8-t3/2025-12-31/7");
        assertThat(DeadlineSchedule.overdueId("dak-lak-2025:1.8-t3", deadline, 1)).isEqualTo("overdue/dak-lak-2025:1.8-t3/2025-12-31");
        assertThat(DeadlineSchedule.overdueId("dak-lak-2025:1.8-t3", deadline, 2)).isEqualTo("overdue/dak-lak-2025:1.8-t3/2025-12-31/r2");
        assertThat(DeadlineSchedule.clearedId("dak-lak-2025:1.8-t3", deadline, 1)).isEqualTo("deadline-cleared/dak-lak-2025:1.8-t3/2025-12-31");
    }
}

package vn.parsipas.notification.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.parsipas.contracts.Event;
import vn.parsipas.contracts.EventJson;
import vn.parsipas.contracts.EventType;
import vn.parsipas.notification.alert.AlertKind;
import vn.parsipas.notification.alert.Fact;
import vn.parsipas.contracts.text.VietnameseFigures;

/** How each fact of the contracts' examples reads as alerts, in Vietnamese. */
class FactsTest {

    @Test
    void anOverdueTaskRaisesACriticalAlertNamingTheDeadlineAndDaysOverdueAndReplacesTheDueSoonOne() {
        Fact.Raise raise = (Fact.Raise) single(EventType.TASK_OVERDUE);

        assertThat(raise.kind()).isEqualTo(AlertKind.TASK_OVERDUE);
        assertThat(raise.fingerprint()).isEqualTo("task-overdue:dak-lak-2025:1.16-t1");
        assertThat(raise.responsible()).isEqualTo("SO-KHCN");
        assertThat(raise.copies()).containsExactly("ALL-AGENCIES");
        assertThat(raise.title()).isEqualTo("Nhiệm vụ quá hạn: tiêu chí 1.16");
        assertThat(raise.body()).endsWith("đã quá hạn 1 ngày (hạn 31/12/2025) và chưa hoàn thành.");
        assertThat(raise.supersedes()).containsExactly(AlertKind.TASK_DUE_SOON);
    }

    @Test
    void aTargetStatusReadsWithItsValueTargetAndTrajectory() {
        Fact.Raise raise = (Fact.Raise) single(EventType.TARGET_STATUS_CHANGED);

        assertThat(raise.kind()).isEqualTo(AlertKind.TARGET_AT_RISK);
        assertThat(raise.title()).isEqualTo("Mục tiêu có nguy cơ không đạt: tiêu chí 1.16");
        assertThat(raise.body()).startsWith("Chỉ tiêu \"Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình\" (toàn tỉnh) đạt 62,4% "
                + "(kỳ 2025-06), mục tiêu ≥ 80% vào ngày 31/12/2025; lộ trình cần 70,5%.");
        assertThat(raise.supersedes()).containsExactlyInAnyOrder(AlertKind.TARGET_MISSED, AlertKind.TARGET_NO_DATA,
                AlertKind.TARGET_NO_BASELINE);
    }

    @Test
    void clearingFactsResolveTheirAlertsAndOthersOnlyAnnotate() {
        assertThat(single(EventType.TASK_DEADLINE_CLEARED))
                .isEqualTo(new Fact.Clear("dak-lak-2025:1.16-t1", List.of(AlertKind.TASK_DUE_SOON, AlertKind.TASK_OVERDUE),
                        "task-completed"));
        assertThat(single(EventType.SATISFACTION_RECOVERED))
                .isEqualTo(new Fact.Clear("2.2.3|SO-XAY-DUNG|2025-Q3", List.of(AlertKind.SATISFACTION_BELOW_TARGET), "index-recovered"));
        assertThat(single(EventType.TASK_PROGRESS_REPORTED)).isInstanceOf(Fact.Note.class);
        assertThat(((Fact.Note) single(EventType.TASK_PROGRESS_REPORTED)).detail()).contains("60%");
        assertThat(single(EventType.TASK_UPDATED)).isInstanceOf(Fact.Note.class);
        assertThat(Facts.of(example(EventType.TASK_ASSIGNED))).isEmpty();
    }

    @Test
    void numbersUnitsAndDatesReadAsInVietnamese() {
        assertThat(VietnameseFigures.number(new java.math.BigDecimal("80.870"))).isEqualTo("80,87");
        assertThat(VietnameseFigures.figure(new java.math.BigDecimal("5"), "places")).isEqualTo("hạng 5");
        assertThat(VietnameseFigures.figure(java.math.BigDecimal.ONE, "group")).isEqualTo("nhóm 1");
        assertThat(VietnameseFigures.figure(new java.math.BigDecimal("1250.5"), "billion-vnd")).isEqualTo("1.250,5 tỷ đồng");
        assertThat(VietnameseFigures.date(java.time.LocalDate.parse("2025-01-09"))).isEqualTo("09/01/2025");
        assertThat(VietnameseFigures.dateTime(java.time.Instant.parse("2025-12-31T17:00:00Z"))).isEqualTo("00:00 ngày 01/01/2026");
    }

    private static Fact single(EventType type) {
        List<Fact> facts = Facts.of(example(type));
        assertThat(facts).hasSize(1);
        return facts.get(0);
    }

    private static Event example(EventType type) {
        try {
            Path file = Path.of("../../contracts/examples", type.schemaName() + ".json");
            return EventJson.mapper().readValue(file.toFile(), type.recordClass());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

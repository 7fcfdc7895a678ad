package vn.parsipas.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class WordingTest {
    @Test
    void instantsReadAsLocalTimeInVietnamAndDatesAsDayMonthYear() {
        assertThat(Wording.dateTime(Instant.parse("2025-12-31T17:00:00Z"))).isEqualTo("01/01/2026 00:00");
        assertThat(Wording.dateTime(Instant.parse("2025-06-05T01:07:00Z"))).isEqualTo("05/06/2025 08:07");
        assertThat(Wording.date(LocalDate.parse("2025-12-31"))).isEqualTo("31/12/2025");
        assertThat(Wording.dateTime(null)).isEmpty();
    }

    @Test
    void numbersUseTheDecimalComma() {
        assertThat(Wording.number(new BigDecimal("84.31"))).isEqualTo("84,31");
        assertThat(Wording.number(new BigDecimal("40.50"))).isEqualTo("40,5");
        assertThat(Wording.number(new BigDecimal("100"))).isEqualTo("100");
        assertThat(Wording.number(new BigDecimal("2740"))).isEqualTo("2.740");
    }

    @Test
    void figuresReadAsTheAlertsAndEmailsWriteThem() {
        // the units themselves: VietnameseFiguresTest (contracts); here, that the pages use them
        assertThat(Wording.figure(new BigDecimal("84.31"), "percent")).isEqualTo("84,31%");
        assertThat(Wording.figure(new BigDecimal("12"), "places")).isEqualTo("hạng 12");
        assertThat(Wording.figure(null, "percent")).as("an empty cell, not a dash, where a page shows no figure").isEmpty();
    }

    @Test
    void statesReadInPlainVietnamese() {
        assertThat(Wording.kind("task-overdue")).isEqualTo("Nhiệm vụ quá hạn");
        assertThat(Wording.kind("target-no-baseline")).isEqualTo("Chưa có số liệu năm gốc của chỉ tiêu");
        assertThat(Wording.alertStatus("acknowledged")).isEqualTo("Đã tiếp nhận");
        assertThat(Wording.role("escalation")).as("as the e-mails say it").isEqualTo("Chuyển đến cơ quan cấp trên");
        assertThat(Wording.transition("repeated-2")).isEqualTo("Nhắc lại lần 2");
        assertThat(Wording.transition("escalated-1")).isEqualTo("Chuyển cấp trên (cấp 1)");
        assertThat(Wording.transition("resolved")).as("as the e-mails' subject says it").isEqualTo("Đã xử lý xong");
        assertThat(Wording.taskStatus("in-progress")).isEqualTo("Đang thực hiện");
    }

    @Test
    void everyTargetStatusHasItsWordAndASignSoColourIsNeverAlone() {
        assertThat(Wording.targetStatus("MET")).isEqualTo("Đạt");
        assertThat(Wording.targetStatus("ON_TRACK")).isEqualTo("Đúng tiến độ");
        assertThat(Wording.targetStatus("AT_RISK")).isEqualTo("Có nguy cơ không đạt");
        assertThat(Wording.targetStatus("MISSED")).isEqualTo("Không đạt");
        assertThat(Wording.targetStatus("NO_DATA")).isEqualTo("Chưa có số liệu");
        assertThat(Wording.targetStatus(null)).isEqualTo("Chưa đánh giá");
        for (String status : new String[] { "MET", "ON_TRACK", "AT_RISK", "MISSED", "NO_DATA", "NO_BASELINE", null }) {
            assertThat(Wording.targetSign(status)).isNotBlank();
        }
    }

    @Test
    void timeToAcknowledgeReadsAsStaffSayIt() {
        Instant raised = Instant.parse("2025-12-25T01:00:00Z");
        assertThat(Wording.duration(raised, raised.plusSeconds(45 * 60))).isEqualTo("45 phút");
        assertThat(Wording.duration(raised, raised.plusSeconds(3 * 3600 + 20 * 60))).isEqualTo("3 giờ 20 phút");
        assertThat(Wording.duration(raised, raised.plusSeconds(2 * 86400 + 4 * 3600))).isEqualTo("2 ngày 4 giờ");
        assertThat(Wording.duration(raised, null)).isEmpty();
    }
}

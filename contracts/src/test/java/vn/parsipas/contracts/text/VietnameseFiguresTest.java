package vn.parsipas.contracts.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class VietnameseFiguresTest {

    @Test
    void numbersGroupThousandsWithDotsAndShowAtMostTwoDecimalsAfterAComma() {
        assertThat(VietnameseFigures.number(new BigDecimal("2740"))).isEqualTo("2.740");
        assertThat(VietnameseFigures.number(new BigDecimal("1250.5"))).isEqualTo("1.250,5");
        assertThat(VietnameseFigures.number(new BigDecimal("80.870"))).isEqualTo("80,87");
        assertThat(VietnameseFigures.number(new BigDecimal("62.40"))).isEqualTo("62,4");
        assertThat(VietnameseFigures.number(new BigDecimal("70.125"))).isEqualTo("70,13");
        assertThat(VietnameseFigures.number(new BigDecimal("-2.5"))).isEqualTo("-2,5");
        assertThat(VietnameseFigures.number(BigDecimal.ZERO)).isEqualTo("0");
        assertThat(VietnameseFigures.number(null)).isEqualTo("—");
    }

    @Test
    void eachUnitReadsAsAnOfficialWritesIt() {
        assertThat(VietnameseFigures.figure(new BigDecimal("62.4"), "percent")).isEqualTo("62,4%");
        assertThat(VietnameseFigures.figure(new BigDecimal("8"), "percent-growth")).isEqualTo("8%");
        assertThat(VietnameseFigures.figure(new BigDecimal("1.5"), "percentage-points")).isEqualTo("1,5 điểm phần trăm");
        assertThat(VietnameseFigures.figure(new BigDecimal("2740"), "billion-vnd")).isEqualTo("2.740 tỷ đồng");
        assertThat(VietnameseFigures.figure(new BigDecimal("12"), "places")).isEqualTo("hạng 12");
        assertThat(VietnameseFigures.figure(BigDecimal.ONE, "group")).isEqualTo("nhóm 1");
        assertThat(VietnameseFigures.figure(new BigDecimal("1200"), "count")).isEqualTo("1.200");
        assertThat(VietnameseFigures.figure(null, "percent")).isEqualTo("—");
    }

    @Test
    void aGoalIsTheComparatorSignBeforeTheFigure() {
        assertThat(VietnameseFigures.goal("gte", new BigDecimal("80"), "percent")).isEqualTo("≥ 80%");
        assertThat(VietnameseFigures.goal("lte", new BigDecimal("35"), "places")).isEqualTo("≤ hạng 35");
        assertThat(VietnameseFigures.goal("gt", new BigDecimal("2740"), "billion-vnd")).isEqualTo("> 2.740 tỷ đồng");
        assertThat(VietnameseFigures.goal("lt", BigDecimal.TEN, "count")).isEqualTo("< 10");
        assertThat(VietnameseFigures.goal("eq", BigDecimal.ONE, "group")).isEqualTo("= nhóm 1");
    }

    @Test
    void datesAreDayMonthYearAndInstantsReadInTheProvincesTime() {
        assertThat(VietnameseFigures.date(LocalDate.parse("2025-01-09"))).isEqualTo("09/01/2025");
        assertThat(VietnameseFigures.date(null)).isEmpty();
        assertThat(VietnameseFigures.dateTime(Instant.parse("2025-12-31T17:00:00Z"))).isEqualTo("00:00 ngày 01/01/2026");
    }
}

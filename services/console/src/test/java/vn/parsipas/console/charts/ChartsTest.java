package vn.parsipas.console.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class ChartsTest {

    @Test
    void anIndicatorChartDrawsEachValueTheTrajectoryItsAtRiskSideAndCorrectionsAsDistinctShapes() {
        List<SeriesChart.Value> values = List.of(new SeriesChart.Value(LocalDate.of(2025, 6, 30), new BigDecimal("44"), "2025-06", false),
                new SeriesChart.Value(LocalDate.of(2025, 7, 31), new BigDecimal("45.5"), "2025-07", true),
                new SeriesChart.Value(LocalDate.of(2025, 8, 31), new BigDecimal("46"), "2025-08", false));
        List<SeriesChart.Replaced> replaced = List.of(new SeriesChart.Replaced(LocalDate.of(2025, 7, 31), new BigDecimal("30"), "2025-07", 1));
        SeriesChart.Trajectory line = new SeriesChart.Trajectory(LocalDate.of(2025, 1, 1), new BigDecimal("20"), LocalDate.of(2025, 12, 31),
                new BigDecimal("80"), true, false);

        String svg = SeriesChart.draw("bieu-do", "Biểu đồ <tỷ lệ>", "3 giá trị", "percent", values, replaced, List.of(line));

        assertThat(svg).startsWith("<svg").contains("role=\"img\"").contains("aria-labelledby=\"bieu-do-title bieu-do-desc\"")
                .contains("<title id=\"bieu-do-title\">Biểu đồ &lt;tỷ lệ&gt;</title>").doesNotContain("style=");
        assertThat(count(svg, "<circle class=\"chart-value\"")).as("plain values are circles").isEqualTo(2);
        assertThat(count(svg, "<polygon class=\"chart-value corrected\"")).as("the corrected value is a diamond").isOne();
        assertThat(svg).contains("<title>Kỳ 2025-07: 45,5% (đã hiệu chỉnh)</title>")
                .contains("<title>Kỳ 2025-07: 30% (giá trị lần gửi 1, đã được thay)</title>")
                .contains("Mục tiêu 80%").contains("Đơn vị: %");

        // the trajectory runs from (1 Jan, 20) up to (31 Dec, 80); the at-risk side is below it, down to the axis
        double[] trajectory = numbers(svg, "<line class=\"chart-trajectory\" x1=\"([\\d.]+)\" y1=\"([\\d.]+)\" x2=\"([\\d.]+)\" y2=\"([\\d.]+)\"");
        assertThat(trajectory[1]).as("start is lower on the chart than the goal").isGreaterThan(trajectory[3]);
        double[] band = numbers(svg, "<polygon class=\"chart-risk\" points=\"([\\d.]+),([\\d.]+) ([\\d.]+),([\\d.]+) ([\\d.]+),([\\d.]+) ([\\d.]+),([\\d.]+)\"");
        assertThat(band[5]).as("the band reaches down to the axis").isGreaterThanOrEqualTo(band[1]).isGreaterThan(band[3]).isEqualTo(band[7]);
        double[] firstValue = numbers(svg, "<circle class=\"chart-value\" cx=\"([\\d.]+)\" cy=\"([\\d.]+)\"");
        double lineAtValue = trajectory[1] + (trajectory[3] - trajectory[1]) * (firstValue[0] - trajectory[0]) / (trajectory[2] - trajectory[0]);
        assertThat(firstValue[1]).as("44 % at the end of June is below the line (on the at-risk side)").isGreaterThan(lineAtValue);
    }

    @Test
    void aLowerIsBetterTargetShadesAboveItsLineAndAnEmptySeriesSaysSo() {
        SeriesChart.Trajectory line = new SeriesChart.Trajectory(LocalDate.of(2025, 1, 1), new BigDecimal("10"), LocalDate.of(2025, 12, 31),
                new BigDecimal("2"), false, false);
        String svg = SeriesChart.draw("c", "t", "d", "count", List.of(), List.of(), List.of(line));
        double[] band = numbers(svg, "<polygon class=\"chart-risk\" points=\"([\\d.]+),([\\d.]+) ([\\d.]+),([\\d.]+) ([\\d.]+),([\\d.]+) ([\\d.]+),([\\d.]+)\"");
        assertThat(band[5]).as("the band reaches up to the top").isLessThan(band[3]);
        assertThat(svg).doesNotContain("Đơn vị");
        assertThat(SeriesChart.draw("c", "t", "d", "percent", List.of(), List.of(), List.of())).contains("Chưa có số liệu");
    }

    @Test
    void aSatisfactionChartDrawsEachIntervalAgainstTheTargetAndMarksThinSamples() {
        List<IntervalChart.Row> rows = List.of(
                new IntervalChart.Row("Toàn tỉnh", new BigDecimal("86.2"), new BigDecimal("84.1"), new BigDecimal("88.0"), 900, true, false),
                new IntervalChart.Row("Sở Tư pháp", new BigDecimal("40.0"), new BigDecimal("32.3"), new BigDecimal("48.2"), 140, true, true),
                new IntervalChart.Row("Sở Y tế", new BigDecimal("90.0"), new BigDecimal("59.6"), new BigDecimal("98.2"), 10, false, false));

        String svg = IntervalChart.draw("s", "Biểu đồ", "3 phạm vi", rows, new BigDecimal("85"));

        assertThat(count(svg, "<g class=\"chart-interval")).isEqualTo(3);
        assertThat(svg).contains("<g class=\"chart-interval below\"><title>Sở Tư pháp: 40% (khoảng tin cậy 95%: 32,3% – 48,2%; 140 phiếu; dưới mục tiêu)</title>")
                .contains("<g class=\"chart-interval thin\"><title>Sở Y tế: 90%").contains("chưa đủ phiếu để đánh giá")
                .contains(">Sở Y tế *</text>").contains("Mục tiêu 85%");
        double[] target = numbers(svg, "<line class=\"chart-target\" x1=\"([\\d.]+)\"");
        double[] zero = numbers(svg, "<line class=\"chart-grid\" x1=\"([\\d.]+)\"");
        double[] hundred = numbers(svg, ">90%</text><line class=\"chart-grid\" x1=\"([\\d.]+)\"");
        assertThat(target[0]).as("85 % sits between 0 and 100 in proportion")
                .isCloseTo(zero[0] + (hundred[0] - zero[0]) * 0.85, org.assertj.core.data.Offset.offset(0.2));
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static double[] numbers(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        double[] numbers = new double[m.groupCount()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = Double.parseDouble(m.group(i + 1));
        }
        return numbers;
    }
}

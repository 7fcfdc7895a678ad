package vn.parsipas.console.indicators;

import java.util.List;
import java.util.Map;

import vn.parsipas.console.charts.SeriesChart;
import vn.parsipas.console.clients.Series;
import vn.parsipas.console.web.Directory;
import vn.parsipas.console.web.Wording;

/** An indicator's series as the chart draws it, with the sentence a screen reader reads for it. */
final class IndicatorChart {
    private IndicatorChart() {
    }

    static String draw(Series series, Map<String, List<Series.Value>> replaced, Directory.Names names) {
        String unit = series.indicator().unit();
        List<SeriesChart.Value> values = series.values().stream()
                .map(v -> new SeriesChart.Value(v.asOf(), v.value(), v.period(), v.corrected())).toList();
        List<SeriesChart.Replaced> earlier = replaced.values().stream().flatMap(List::stream)
                .map(v -> new SeriesChart.Replaced(v.asOf(), v.value(), v.period(), v.revision())).toList();
        List<SeriesChart.Trajectory> lines = series.targets().stream().filter(t -> t.threshold() != null && t.deadline() != null)
                .map(t -> new SeriesChart.Trajectory(t.startDay(), t.startValue(), t.deadline(), t.threshold(),
                        t.comparator().startsWith("g"), "eq".equals(t.comparator()))).toList();
        String scope = IndicatorPage.PROVINCE.equals(series.scope()) ? "toàn tỉnh" : names.of(series.scope());
        return SeriesChart.draw("bieu-do", "Biểu đồ " + series.indicator().name() + " (" + scope + ")",
                describe(series, unit), unit, values, earlier, lines);
    }

    /** The chart in one sentence: how many values, the latest, and each target's line. */
    static String describe(Series series, String unit) {
        StringBuilder text = new StringBuilder();
        if (series.values().isEmpty()) {
            text.append("Chưa có giá trị nào.");
        } else {
            Series.Value latest = series.latest();
            text.append(series.values().size()).append(" giá trị, từ kỳ ").append(series.values().get(0).period())
                    .append(" đến kỳ ").append(latest.period()).append("; giá trị mới nhất ")
                    .append(figure(latest, unit)).append('.');
        }
        for (Series.Line line : series.targets()) {
            if (line.threshold() == null) {
                continue;
            }
            text.append(" Mục tiêu ").append(Wording.figure(line.threshold(), unit)).append(" vào ")
                    .append(Wording.date(line.deadline()));
            if (line.startDay() != null && line.startValue() != null) {
                text.append(", lộ trình từ ").append(Wording.figure(line.startValue(), unit)).append(" ngày ")
                        .append(Wording.date(line.startDay()));
            }
            text.append(" (").append(Wording.targetStatus(line.status())).append(").");
        }
        text.append(" Số liệu chi tiết ở bảng bên dưới.");
        return text.toString();
    }

    private static String figure(Series.Value value, String unit) {
        return Wording.figure(value.value(), unit) + " (ngày " + Wording.date(value.asOf()) + ")";
    }
}

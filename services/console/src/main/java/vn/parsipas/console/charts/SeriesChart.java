package vn.parsipas.console.charts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

import vn.parsipas.console.web.Wording;

/**
 * An indicator's values over time against each target's trajectory: the straight line from its start
 * (baseline, 1 January or first value) to its threshold at the deadline that indicator-service judges
 * values by. The side of the line where a value is AT_RISK is shaded, corrected values are diamonds and
 * the values they replaced small grey crosses. Pure: the page gives it figures, it gives back SVG.
 */
public final class SeriesChart {
    private static final double WIDTH = 720;
    private static final double HEIGHT = 340;
    private static final double LEFT = 64;
    private static final double RIGHT = 40;
    private static final double TOP = 32;
    private static final double BOTTOM = 44;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    /** A value as it stands; {@code corrected} when it replaced an earlier one. */
    public record Value(LocalDate day, BigDecimal value, String period, boolean corrected) {
    }

    /** A value a correction replaced. */
    public record Replaced(LocalDate day, BigDecimal value, String period, int revision) {
    }

    /** A target's trajectory; {@code startDay} null while it has no start (no value yet): only the threshold is drawn. */
    public record Trajectory(LocalDate startDay, BigDecimal startValue, LocalDate deadline, BigDecimal threshold,
            boolean higherIsBetter, boolean exact) {
    }

    private SeriesChart() {
    }

    public static String draw(String id, String title, String description, String unit, List<Value> values,
            List<Replaced> replaced, List<Trajectory> trajectories) {
        List<LocalDate> days = Stream.concat(Stream.concat(values.stream().map(Value::day), replaced.stream().map(Replaced::day)),
                trajectories.stream().flatMap(t -> Stream.of(t.startDay(), t.deadline()))).filter(d -> d != null).sorted().toList();
        List<Double> figures = Stream.concat(Stream.concat(values.stream().map(Value::value), replaced.stream().map(Replaced::value)),
                trajectories.stream().flatMap(t -> Stream.of(t.startValue(), t.threshold()))).filter(v -> v != null)
                .map(BigDecimal::doubleValue).toList();
        Svg svg = new Svg(id, WIDTH, HEIGHT, title, description);
        if (days.isEmpty() || figures.isEmpty()) {
            return svg.text(WIDTH / 2, HEIGHT / 2, "middle", "chart-label", "Chưa có số liệu").toString();
        }
        LocalDate first = days.get(0).withDayOfMonth(1);
        LocalDate last = days.get(days.size() - 1).plusMonths(1).withDayOfMonth(1);
        Axis x = Axis.fixed(first.toEpochDay(), last.toEpochDay(), 1, LEFT, WIDTH - RIGHT);
        Axis y = Axis.of(figures.stream().mapToDouble(v -> v).min().orElseThrow(), figures.stream().mapToDouble(v -> v).max()
                .orElseThrow(), HEIGHT - BOTTOM, TOP, 5);
        grid(svg, x, y, first, last, unit);
        for (Trajectory t : trajectories) {
            trajectory(svg, x, y, t, unit);
        }
        for (Replaced r : replaced) {
            double px = x.at(r.day().toEpochDay());
            double py = y.at(r.value().doubleValue());
            svg.group("chart-replaced", "Kỳ " + r.period() + ": " + Wording.figure(r.value(), unit) + " (giá trị lần gửi " + r.revision()
                    + ", đã được thay)").line(px - 4, py - 4, px + 4, py + 4, "chart-replaced").line(px - 4, py + 4, px + 4, py - 4,
                            "chart-replaced").end();
        }
        double[] xs = values.stream().mapToDouble(v -> x.at(v.day().toEpochDay())).toArray();
        double[] ys = values.stream().mapToDouble(v -> y.at(v.value().doubleValue())).toArray();
        if (xs.length > 1) {
            svg.polyline(xs, ys, "chart-values");
        }
        for (int i = 0; i < values.size(); i++) {
            Value v = values.get(i);
            svg.marker(xs[i], ys[i], 4.5, v.corrected(), v.corrected() ? "chart-value corrected" : "chart-value",
                    "Kỳ " + v.period() + ": " + Wording.figure(v.value(), unit) + (v.corrected() ? " (đã hiệu chỉnh)" : ""));
        }
        return svg.toString();
    }

    private static void grid(Svg svg, Axis x, Axis y, LocalDate first, LocalDate last, String unit) {
        for (double tick : y.ticks()) {
            svg.line(LEFT, y.at(tick), WIDTH - RIGHT, y.at(tick), "chart-grid")
                    .text(LEFT - 6, y.at(tick) + 4, "end", "chart-label", Wording.number(BigDecimal.valueOf(tick)));
        }
        long months = YearMonth.from(first).until(YearMonth.from(last), java.time.temporal.ChronoUnit.MONTHS);
        long stride = Math.max(1, (months + 6) / 7);
        for (LocalDate month = first; !month.isAfter(last); month = month.plusMonths(stride)) {
            double px = x.at(month.toEpochDay());
            svg.line(px, HEIGHT - BOTTOM, px, HEIGHT - BOTTOM + 5, "chart-axis")
                    .text(px, HEIGHT - BOTTOM + 20, "middle", "chart-label", MONTH.format(month));
        }
        if (unit != null && !unit.isBlank() && !"count".equals(unit)) {
            svg.text(8, TOP - 12, "start", "chart-label", "Đơn vị: " + Wording.unit(unit));
        }
        svg.line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "chart-axis").line(LEFT, TOP, LEFT, HEIGHT - BOTTOM,
                "chart-axis");
    }

    private static void trajectory(Svg svg, Axis x, Axis y, Trajectory t, String unit) {
        double endX = x.at(t.deadline().toEpochDay());
        double endY = y.at(t.threshold().doubleValue());
        if (t.startDay() != null && t.startValue() != null && !t.exact()) {
            double startX = x.at(t.startDay().toEpochDay());
            double startY = y.at(t.startValue().doubleValue());
            double edge = t.higherIsBetter() ? y.at(y.low()) : y.at(y.high());
            svg.polygon(new double[] { startX, endX, endX, startX }, new double[] { startY, endY, edge, edge }, "chart-risk")
                    .line(startX, startY, endX, endY, "chart-trajectory");
        }
        svg.marker(endX, endY, 5, false, "chart-goal", "Mục tiêu " + Wording.figure(t.threshold(), unit) + " vào "
                + Wording.date(t.deadline()))
                .text(endX - 8, endY - 9, "end", "chart-label", "Mục tiêu " + Wording.figure(t.threshold(), unit));
    }
}

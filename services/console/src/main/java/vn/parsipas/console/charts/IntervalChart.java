package vn.parsipas.console.charts;

import java.math.BigDecimal;
import java.util.List;

import vn.parsipas.console.web.Wording;

/**
 * Satisfaction shares with their 95 % intervals as error bars, one row per scope, against the target
 * line: what the SIPAS page draws for a sub-index and period. A row without enough responses is drawn
 * hollow and says so, because its interval is too wide to judge.
 */
public final class IntervalChart {
    private static final double WIDTH = 720;
    private static final double LABEL = 250;
    private static final double RIGHT = 24;
    private static final double TOP = 28;
    private static final double ROW = 30;
    private static final double BOTTOM = 40;

    /** One scope's share; {@code below} when survey-service judges it below target. */
    public record Row(String label, BigDecimal percent, BigDecimal low, BigDecimal high, long responses, boolean enough,
            boolean below) {
    }

    private IntervalChart() {
    }

    public static String draw(String id, String title, String description, List<Row> rows, BigDecimal target) {
        double height = TOP + rows.size() * ROW + BOTTOM;
        Svg svg = new Svg(id, WIDTH, height, title, description);
        Axis x = Axis.fixed(0, 100, 10, LABEL, WIDTH - RIGHT);
        double bottom = height - BOTTOM;
        for (double tick : x.ticks()) {
            svg.line(x.at(tick), TOP - 6, x.at(tick), bottom, "chart-grid")
                    .text(x.at(tick), bottom + 18, "middle", "chart-label", (int) tick + "%");
        }
        svg.line(LABEL, bottom, WIDTH - RIGHT, bottom, "chart-axis");
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            double y = TOP + i * ROW + ROW / 2;
            String state = !row.enough() ? "chưa đủ phiếu để đánh giá" : row.below() ? "dưới mục tiêu" : "đạt mục tiêu";
            svg.text(LABEL - 10, y + 4, "end", "chart-label", row.label() + (row.enough() ? "" : " *"))
                    .group(!row.enough() ? "chart-interval thin" : row.below() ? "chart-interval below" : "chart-interval",
                            row.label() + ": " + Wording.figure(row.percent(), "percent") + " (khoảng tin cậy 95%: "
                                    + Wording.figure(row.low(), "percent") + " – " + Wording.figure(row.high(), "percent") + "; "
                                    + row.responses() + " phiếu; " + state + ")")
                    .line(x.at(row.low().doubleValue()), y, x.at(row.high().doubleValue()), y, "chart-bar")
                    .line(x.at(row.low().doubleValue()), y - 6, x.at(row.low().doubleValue()), y + 6, "chart-bar")
                    .line(x.at(row.high().doubleValue()), y - 6, x.at(row.high().doubleValue()), y + 6, "chart-bar")
                    .marker(x.at(row.percent().doubleValue()), y, 5, row.below(), "chart-share", null).end();
        }
        if (target != null) {
            double tx = x.at(target.doubleValue());
            svg.line(tx, TOP - 10, tx, bottom, "chart-target")
                    .text(tx, TOP - 14, "middle", "chart-label", "Mục tiêu " + Wording.figure(target, "percent"));
        }
        return svg.toString();
    }
}

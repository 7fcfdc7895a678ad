package vn.parsipas.indicator.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import vn.parsipas.indicator.catalogue.Aggregation;
import vn.parsipas.indicator.catalogue.Cadence;
import vn.parsipas.indicator.catalogue.Indicator;
import vn.parsipas.indicator.catalogue.Period;
import vn.parsipas.contracts.text.VietnameseFigures;
import vn.parsipas.platform.time.BusinessTime;

/**
 * Evaluates one target at one instant from the province's values of its indicator (pure logic).
 *
 * <ol>
 *   <li>Threshold unknown (relative to a baseline whose value has not arrived): NO_BASELINE — the
 *       target cannot be judged — once a value of its years arrives or the baseline year's value is
 *       overdue, else nothing yet.</li>
 *   <li>Judgement time passed with a value: MET or MISSED by the latest value — the clock alone
 *       decides. A target is judged at its deadline, or on the day its result is expected when that
 *       is published later (the PAR Index of 2025 in 2026): the deadline stays the end of the period
 *       the target is about, the value of its last period is due by that day.</li>
 *   <li>A periodic value overdue (the last period of the cadence ended more than the grace ago and
 *       no value stands for it): NO_DATA, naming the data provider.</li>
 *   <li>Latest value meets the threshold: MET; else ON_TRACK or AT_RISK against the straight
 *       trajectory from the start (the baseline, 0 on 1 January for year-to-date figures, or the
 *       first value) to the threshold at the deadline, at the day the latest value stands for.</li>
 * </ol>
 */
public final class Evaluator {
    private Evaluator() {
    }

    static Evaluation evaluate(Target target, Indicator indicator, List<Point> points, Instant now) {
        List<Point> window = window(target, points);
        BigDecimal threshold = threshold(target, points);
        Point latest = window.stream().max(Point.CHRONOLOGICAL).orElse(null);
        boolean past = !now.isBefore(target.judgedAt());
        String provider = indicator == null ? "chưa xác định" : indicator.dataProvider();

        if (threshold == null) {
            Instant baselineDue = baselineDue(target, indicator);
            if (latest == null && now.isBefore(baselineDue)) {
                return new Evaluation(null, null, null, null, null, "Chưa có giá trị năm gốc " + target.baselineYear()
                        + "; hạn gửi " + VietnameseFigures.date(LocalDate.ofInstant(baselineDue, BusinessTime.ZONE)) + ".", baselineDue);
            }
            String received = latest == null ? "" : "; đã có giá trị " + describe(target, latest);
            return new Evaluation(TargetStatus.NO_BASELINE, null, String.valueOf(target.baselineYear()), null, null,
                    "Chưa có số liệu năm gốc " + target.baselineYear() + " của chỉ tiêu «" + target.indicatorName()
                            + "» nên chưa đánh giá được mục tiêu" + received + ". Đơn vị cung cấp số liệu " + provider
                            + " cần gửi giá trị kỳ " + target.baselineYear() + " (toàn tỉnh).", null);
        }
        String goal = Wording.goal(target, threshold) + " vào " + VietnameseFigures.date(target.deadline());
        if (past && latest != null) {
            boolean met = satisfies(target.comparator(), latest.value(), threshold);
            return new Evaluation(met ? TargetStatus.MET : TargetStatus.MISSED, latest.value(), latest.period().text(), null,
                    threshold, (met ? "Đạt mục tiêu " : "Đã hết hạn, không đạt mục tiêu ") + goal + ": giá trị mới nhất "
                            + describe(target, latest) + ".", null);
        }
        Due due = indicator == null ? Due.NONE : due(target, indicator.cadence(), indicator.graceDays(), now);
        Instant next = earliest(past ? null : target.judgedAt(), due.next());
        if (due.overdue() != null && (latest == null || latest.asOf().isBefore(due.overdue().end()))) {
            return new Evaluation(TargetStatus.NO_DATA, null, due.overdue().text(), null, threshold,
                    "Chưa nhận được số liệu " + due.overdue().label() + " của chỉ tiêu «" + target.indicatorName()
                            + "» (hạn " + VietnameseFigures.date(LocalDate.ofInstant(due.overdueAt(), BusinessTime.ZONE))
                            + "); đơn vị cung cấp số liệu: " + provider + ".", next);
        }
        if (latest == null) {
            return new Evaluation(null, null, null, null, threshold, target.resultExpectedBy() == null
                    ? "Chưa có số liệu; chưa đến hạn gửi."
                    : "Chưa có kết quả; kết quả dự kiến có trước " + VietnameseFigures.date(target.resultExpectedBy()) + ".", next);
        }
        if (satisfies(target.comparator(), latest.value(), threshold)) {
            return new Evaluation(TargetStatus.MET, latest.value(), latest.period().text(), null, threshold,
                    "Giá trị " + describe(target, latest) + " đã đạt mục tiêu " + goal + ".", next);
        }
        BigDecimal expected = line(target, indicator, points).at(latest.asOf());
        boolean higherIsBetter = target.comparator().startsWith("g");
        boolean onTrack = !"eq".equals(target.comparator())
                && (higherIsBetter ? latest.value().compareTo(expected) >= 0 : latest.value().compareTo(expected) <= 0);
        String comparison = onTrack ? "theo kịp" : higherIsBetter ? "thấp hơn" : "cao hơn";
        return new Evaluation(onTrack ? TargetStatus.ON_TRACK : TargetStatus.AT_RISK, latest.value(),
                latest.period().text(), expected, threshold, "Giá trị " + describe(target, latest) + " " + comparison
                        + " lộ trình " + VietnameseFigures.figure(expected, target.unit()) + " để đạt mục tiêu " + goal + ".", next);
    }

    /**
     * When the baseline year's value is late: its result comes as long after its year as the target's
     * own (the 2024 PAR Index rank by the same day of 2025), else the end of that year plus the grace.
     */
    private static Instant baselineDue(Target target, Indicator indicator) {
        if (target.resultExpectedBy() != null) {
            return BusinessTime.endOf(target.resultExpectedBy().minusYears(target.deadline().getYear() - target.baselineYear()));
        }
        int grace = indicator == null ? 0 : indicator.graceDays();
        return BusinessTime.endOf(LocalDate.of(target.baselineYear(), 12, 31)).plus(Duration.ofDays(grace));
    }

    static boolean satisfies(String comparator, BigDecimal value, BigDecimal threshold) {
        int c = value.compareTo(threshold);
        return switch (comparator) {
            case "gte" -> c >= 0;
            case "gt" -> c > 0;
            case "lte" -> c <= 0;
            case "lt" -> c < 0;
            default -> c == 0;
        };
    }

    /** The target value; relative to the baseline, baseline + delta, null while the baseline is unknown. */
    static BigDecimal threshold(Target target, List<Point> points) {
        if (!target.relativeToBaseline()) {
            return target.targetValue();
        }
        BigDecimal baseline = baseline(target, points);
        return baseline == null ? null : baseline.add(target.delta() == null ? BigDecimal.ZERO : target.delta());
    }

    /**
     * The plan's baseline value or, when the plan only says "higher than 2024", the value observed
     * for the baseline year itself (period 2024), once it has arrived.
     */
    static BigDecimal baseline(Target target, List<Point> points) {
        if (target.baselineValue() != null || target.baselineYear() == null) {
            return target.baselineValue();
        }
        String year = String.valueOf(target.baselineYear());
        return points.stream().filter(p -> p.period().text().equals(year)).map(Point::value).findFirst().orElse(null);
    }

    /** The straight line a target follows: from its start to the threshold at the deadline. */
    public record Line(LocalDate startDay, BigDecimal startValue, LocalDate endDay, BigDecimal endValue) {
        public BigDecimal at(LocalDate day) {
            long span = ChronoUnit.DAYS.between(startDay, endDay);
            long elapsed = Math.max(0, Math.min(span, ChronoUnit.DAYS.between(startDay, day)));
            BigDecimal fraction = span <= 0 ? BigDecimal.ONE
                    : BigDecimal.valueOf(elapsed).divide(BigDecimal.valueOf(span), MathContext.DECIMAL64);
            return startValue.add(endValue.subtract(startValue).multiply(fraction)).setScale(2, RoundingMode.HALF_UP);
        }
    }

    /** Starts at the baseline, at 0 on 1 January for year-to-date figures, else at the first value; null without threshold or start. */
    public static Line line(Target target, Indicator indicator, List<Point> points) {
        BigDecimal baseline = baseline(target, points);
        BigDecimal threshold = threshold(target, points);
        if (threshold == null) {
            return null;
        }
        LocalDate startDay = target.windowStart().minusDays(1);
        if (indicator != null && indicator.aggregation() == Aggregation.YEAR_TO_DATE) {
            return new Line(startDay, BigDecimal.ZERO, target.deadline(), threshold);
        }
        if (baseline != null) {
            return new Line(startDay, baseline, target.deadline(), threshold);
        }
        return window(target, points).stream().min(Point.CHRONOLOGICAL)
                .map(first -> new Line(first.asOf(), first.value(), target.deadline(), threshold)).orElse(null);
    }

    static List<Point> window(Target target, List<Point> points) {
        return points.stream().filter(p -> !p.period().start().isBefore(target.windowStart())
                && !p.period().start().isAfter(target.deadline())).toList();
    }

    private static String describe(Target target, Point point) {
        return VietnameseFigures.figure(point.value(), target.unit()) + " (" + point.period().label() + ")";
    }

    /** The last period of the cadence whose value is overdue, and when the next one falls due. */
    record Due(Period overdue, Instant overdueAt, Instant next) {
        static final Due NONE = new Due(null, null, null);
    }

    static Due due(Target target, Cadence cadence, int graceDays, Instant now) {
        Period overdue = null;
        Instant overdueAt = null;
        for (LocalDate start = target.windowStart(); !start.isAfter(target.deadline()); start = next(start, cadence)) {
            Period period = periodOf(start, cadence);
            if (period.end().isAfter(target.deadline())) {
                break;
            }
            Instant dueAt = BusinessTime.endOf(period.end()).plus(Duration.ofDays(graceDays));
            if (!period.end().isBefore(target.deadline()) && target.judgedAt().isAfter(dueAt)) {
                dueAt = target.judgedAt();
            }
            if (now.isBefore(dueAt)) {
                return new Due(overdue, overdueAt, dueAt);
            }
            overdue = period;
            overdueAt = dueAt;
        }
        return new Due(overdue, overdueAt, null);
    }

    private static LocalDate next(LocalDate start, Cadence cadence) {
        return switch (cadence) {
            case MONTHLY -> start.plusMonths(1);
            case QUARTERLY -> start.plusMonths(3);
            case YEARLY -> start.plusYears(1);
        };
    }

    private static Period periodOf(LocalDate start, Cadence cadence) {
        return switch (cadence) {
            case MONTHLY -> Period.parse(start.toString().substring(0, 7));
            case QUARTERLY -> Period.parse(start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1));
            case YEARLY -> Period.year(start.getYear());
        };
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }
}

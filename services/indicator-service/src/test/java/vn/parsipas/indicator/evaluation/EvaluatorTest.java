package vn.parsipas.indicator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.parsipas.indicator.catalogue.Aggregation;
import vn.parsipas.indicator.catalogue.Cadence;
import vn.parsipas.indicator.catalogue.Indicator;
import vn.parsipas.indicator.catalogue.Period;
import vn.parsipas.platform.time.BusinessTime;

/** The evaluation rules, one by one, without engines. */
class EvaluatorTest {
    private static final Indicator DISBURSEMENT = indicator("public-investment-disbursement-rate", Cadence.MONTHLY,
            Aggregation.YEAR_TO_DATE);
    private static final Indicator RANK = indicator("par-index-rank", Cadence.YEARLY, Aggregation.LEVEL);
    private static final Instant JULY = Instant.parse("2025-07-20T03:00:00Z");

    @Test
    void aYearToDateFigureIsComparedWithALineFromZeroOnTheFirstOfJanuary() {
        Target target = target("gte", "95", null, null);

        Evaluation behind = Evaluator.evaluate(target, DISBURSEMENT, List.of(point("2025-06", "40", "2025-07-05T00:00:00Z")), JULY);
        Evaluation ahead = Evaluator.evaluate(target, DISBURSEMENT, List.of(point("2025-06", "50", "2025-07-05T00:00:00Z")), JULY);

        // 30 June is 181 of 365 days: the line stands at 95 × 181/365 = 47.11.
        assertThat(behind.status()).isEqualTo(TargetStatus.AT_RISK);
        assertThat(behind.expectedValue()).isEqualByComparingTo("47.11");
        assertThat(ahead.status()).isEqualTo(TargetStatus.ON_TRACK);
    }

    @Test
    void aRankMustFallBelowTheBaselineMinusItsDeltaAndLowerIsBetter() {
        Target target = target("lte", null, new BigDecimal("-5"), 2024);
        List<Point> baselineOnly = List.of(point("2024", "40", "2025-02-01T00:00:00Z"));

        Evaluation waiting = Evaluator.evaluate(target, RANK, baselineOnly, JULY);
        Evaluation met = Evaluator.evaluate(target, RANK, List.of(baselineOnly.get(0), point("2025", "33", "2026-02-01T00:00:00Z")),
                Instant.parse("2026-02-02T00:00:00Z"));
        Evaluation missed = Evaluator.evaluate(target, RANK, List.of(baselineOnly.get(0), point("2025", "37", "2026-02-01T00:00:00Z")),
                Instant.parse("2026-02-02T00:00:00Z"));

        assertThat(waiting.status()).isNull();
        assertThat(waiting.threshold()).isEqualByComparingTo("35");
        assertThat(met.status()).isEqualTo(TargetStatus.MET);
        assertThat(missed.status()).isEqualTo(TargetStatus.MISSED);
        assertThat(missed.reason()).contains("≤ hạng 35").contains("hạng 37 (năm 2025)");
    }

    @Test
    void afterTheDeadlineWithoutAnyValueItIsNoDataOnceTheLastPeriodIsOverdueNotBefore() {
        Target target = target("gte", "95", null, null);
        Instant deadlinePassed = BusinessTime.endOf(LocalDate.parse("2025-12-31")).plusSeconds(1);

        assertThat(Evaluator.evaluate(target, RANK, List.of(), deadlinePassed).status()).isNull();
        assertThat(Evaluator.evaluate(target, RANK, List.of(), Instant.parse("2026-04-01T00:00:00Z")).status())
                .isEqualTo(TargetStatus.NO_DATA);
    }

    @Test
    void theNextCheckIsWhenTheNextValueFallsDueOrTheDeadlineWhicheverComesFirst() {
        Target target = target("gte", "95", null, null);

        Evaluation evaluation = Evaluator.evaluate(target, DISBURSEMENT, List.of(point("2025-06", "50", "2025-07-05T00:00:00Z")), JULY);

        // July's value is due on 15 August, end of day, Asia/Ho_Chi_Minh.
        assertThat(evaluation.nextCheckAt()).isEqualTo(Instant.parse("2025-08-15T17:00:00Z"));
    }

    @Test
    void aRankPublishedTheNextYearIsJudgedWhenItIsExpectedNotAtTheDeadline() {
        Target target = published(target("lte", null, new BigDecimal("-5"), 2024), "2026-06-30");
        Point baseline = point("2024", "40", "2025-05-20T00:00:00Z");
        Instant april = Instant.parse("2026-04-01T00:00:00Z");
        Instant july = Instant.parse("2026-07-01T00:00:00Z");

        // Past the deadline and the yearly grace, the 2025 rank is not late yet: it comes out in 2026.
        Evaluation waiting = Evaluator.evaluate(target, RANK, List.of(baseline), april);
        assertThat(waiting.status()).isNull();
        assertThat(waiting.reason()).contains("dự kiến có trước 30/06/2026");
        assertThat(waiting.nextCheckAt()).isEqualTo(BusinessTime.endOf(LocalDate.parse("2026-06-30")));
        // Published in May: judged only on the expected day, then missed or met.
        Evaluation published = Evaluator.evaluate(target, RANK, List.of(baseline, point("2025", "37", "2026-05-15T00:00:00Z")), april.plusSeconds(86400 * 50));
        assertThat(published.status()).isEqualTo(TargetStatus.AT_RISK);
        assertThat(Evaluator.evaluate(target, RANK, List.of(baseline, point("2025", "37", "2026-05-15T00:00:00Z")), july).status())
                .isEqualTo(TargetStatus.MISSED);
        assertThat(Evaluator.evaluate(target, RANK, List.of(baseline, point("2025", "33", "2026-05-15T00:00:00Z")), july).status())
                .isEqualTo(TargetStatus.MET);
        // Still missing on the expected day: no data, from its provider.
        Evaluation missing = Evaluator.evaluate(target, RANK, List.of(baseline), july);
        assertThat(missing.status()).isEqualTo(TargetStatus.NO_DATA);
        assertThat(missing.reason()).contains("năm 2025").contains("SO-TAI-CHINH");
    }

    @Test
    void theBaselineOfAResultPublishedTheNextYearIsLateOnlyOnceItsOwnYearsResultIsOut() {
        Target target = published(target("lte", null, new BigDecimal("-5"), 2024), "2026-06-30");

        assertThat(Evaluator.evaluate(target, RANK, List.of(), Instant.parse("2025-04-01T00:00:00Z")).status()).isNull();
        assertThat(Evaluator.evaluate(target, RANK, List.of(), Instant.parse("2025-07-01T00:00:00Z")).status())
                .isEqualTo(TargetStatus.NO_BASELINE);
        // without a publication date, the 2024 value was due 90 days after 2024
        assertThat(Evaluator.evaluate(target("lte", null, new BigDecimal("-5"), 2024), RANK, List.of(),
                Instant.parse("2025-04-01T00:00:00Z")).status()).isEqualTo(TargetStatus.NO_BASELINE);
    }

    @Test
    void aValueArrivingBeforeTheBaselineIsKnownMakesTheTargetSayItCannotBeJudged() {
        Target target = target("gt", null, null, 2024);
        Instant january = Instant.parse("2025-01-10T03:00:00Z");

        Evaluation waiting = Evaluator.evaluate(target, DISBURSEMENT, List.of(), january);
        Evaluation cannotJudge = Evaluator.evaluate(target, DISBURSEMENT, List.of(point("2025-01", "12", "2025-01-09T00:00:00Z")),
                january);

        // The 2024 value is due on 15 January: before that, and without a value of 2025, nothing to say yet.
        assertThat(waiting.status()).isNull();
        assertThat(waiting.nextCheckAt()).isEqualTo(Instant.parse("2025-01-15T17:00:00Z"));
        assertThat(cannotJudge.status()).isEqualTo(TargetStatus.NO_BASELINE);
        assertThat(cannotJudge.period()).isEqualTo("2024");
        assertThat(cannotJudge.threshold()).isNull();
        assertThat(cannotJudge.reason()).isEqualTo("Chưa có số liệu năm gốc 2024 của chỉ tiêu «Chỉ số» nên chưa đánh giá được "
                + "mục tiêu; đã có giá trị hạng 12 (tháng 1/2025). Đơn vị cung cấp số liệu SO-TAI-CHINH cần gửi giá trị kỳ 2024 (toàn tỉnh).");
        assertThat(cannotJudge.nextCheckAt()).as("only a value or a definition can change it").isNull();
    }

    @Test
    void disbursementThatGoesOnIntoJanuaryIsJudgedOnItsFinalRate() {
        Target target = published(target("gte", "95", null, null), "2026-02-15");
        List<Point> december = List.of(point("2025-12", "88", "2026-01-10T00:00:00Z"));
        List<Point> corrected = List.of(point("2025-12", "96", "2026-02-05T00:00:00Z"));

        assertThat(Evaluator.evaluate(target, DISBURSEMENT, december, Instant.parse("2026-01-20T00:00:00Z")).status())
                .isEqualTo(TargetStatus.AT_RISK);
        assertThat(Evaluator.evaluate(target, DISBURSEMENT, corrected, Instant.parse("2026-02-16T00:00:00Z")).status())
                .isEqualTo(TargetStatus.MET);
        assertThat(Evaluator.evaluate(target, DISBURSEMENT, december, Instant.parse("2026-02-16T00:00:00Z")).status())
                .isEqualTo(TargetStatus.MISSED);
    }

    @Test
    void aGroupReadsAsAGroup() {
        assertThat(Wording.goal(new Target("t", "p", 1, "1.19", "Tiêu chí", "Mục tiêu", "state-budget-revenue-group", "Nhóm",
                "group", "eq", BigDecimal.ONE, null, null, null, null, "SO-TAI-CHINH", LocalDate.parse("2025-12-31"),
                BusinessTime.endOf(LocalDate.parse("2025-12-31")), LocalDate.parse("2026-06-30"), true), BigDecimal.ONE))
                .isEqualTo("= nhóm 1");
    }

    private static Target target(String comparator, String value, BigDecimal delta, Integer baselineYear) {
        LocalDate deadline = LocalDate.parse("2025-12-31");
        return new Target("dak-lak-2025:t-test", "dak-lak-2025", 1, "1.8", "Tiêu chí", "Mục tiêu", "code", "Chỉ số",
                value == null && baselineYear != null ? "places" : "percent", comparator, value == null ? null : new BigDecimal(value),
                null, baselineYear, value == null ? "baseline" : null, delta, "SO-TAI-CHINH", deadline,
                BusinessTime.endOf(deadline), null, true);
    }

    private static Target published(Target t, String resultExpectedBy) {
        return new Target(t.targetId(), t.planId(), t.planVersion(), t.criterionCode(), t.criterionTitle(), t.description(),
                t.indicatorCode(), t.indicatorName(), t.unit(), t.comparator(), t.targetValue(), t.baselineValue(),
                t.baselineYear(), t.relativeTo(), t.delta(), t.responsibleAgency(), t.deadline(), t.dueAt(),
                LocalDate.parse(resultExpectedBy), t.active());
    }

    private static Point point(String period, String value, String observedAt) {
        Period parsed = Period.parse(period);
        LocalDate measured = LocalDate.ofInstant(Instant.parse(observedAt), BusinessTime.ZONE);
        return new Point(parsed, measured.isBefore(parsed.end()) ? measured : parsed.end(), new BigDecimal(value),
                Instant.parse(observedAt));
    }

    private static Indicator indicator(String code, Cadence cadence, Aggregation aggregation) {
        return new Indicator(code, "Chỉ số", "percent", BigDecimal.ZERO, new BigDecimal("100"), cadence, aggregation,
                cadence == Cadence.YEARLY ? 90 : 15, "SO-TAI-CHINH", List.of("/finance-system"), null);
    }
}

package vn.parsipas.console.sipas;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.parsipas.console.clients.SubIndex;
import vn.parsipas.console.overview.PlanOverviewTest;

class SipasViewTest {
    private static final List<SubIndex> ALL = List.of(
            value("2.2.1", "SO-TU-PHAP", "2025-Q3", 140, true, "40.00", true),
            value("2.2.1", "PROVINCE", "2025-Q3", 900, true, "86.20", false),
            value("2.2.1", "VP-UBND-TINH", "2025-Q3", 20, false, "90.00", false),
            value("2.2.1", "SO-TU-PHAP", "2025-Q2", 120, true, "84.00", false),
            value("2.2.1", "PROVINCE", "2025", 1500, true, "85.10", false),
            value("2.2.2", "PROVINCE", "2025-Q3", 900, true, "88.00", false));

    @Test
    void showsTheLatestQuarterOfTheFirstSubIndexWithTheProvinceFirstThenAgenciesByName() {
        SipasView view = SipasView.of(ALL, null, null, PlanOverviewTest.NAMES);

        assertThat(view.subIndex()).isEqualTo("2.2.1");
        assertThat(view.period()).as("the latest quarter, not the year to date").isEqualTo("2025-Q3");
        assertThat(view.periods()).containsExactly("2025-Q3", "2025-Q2", "2025");
        assertThat(view.rows()).extracting(SubIndex::scope).containsExactly("PROVINCE", "SO-TU-PHAP", "VP-UBND-TINH");
        assertThat(view.target()).isEqualByComparingTo("85");
        assertThat(view.quarters()).containsExactly("2025-Q2", "2025-Q3");
        assertThat(view.byQuarter().get("SO-TU-PHAP")).containsOnlyKeys("2025-Q2", "2025-Q3");
        assertThat(view.chart()).contains("Sở Tư pháp: 40%").contains("Văn phòng UBND tỉnh *");
    }

    @Test
    void eachRowIsJudgedOnlyWithEnoughResponsesAndBelowOnlyWhenTheWholeIntervalIs() {
        SipasView view = SipasView.of(ALL, "2.2.1", "2025-Q3", PlanOverviewTest.NAMES);
        assertThat(view.rows()).extracting(view::judgement)
                .containsExactly("Đạt mục tiêu", "Dưới mục tiêu", "Chưa đủ phiếu để đánh giá");
        SubIndex within = value("2.2.1", "SO-TU-PHAP", "2025-Q2", 120, true, "84.00", false);
        assertThat(view.judgement(within)).startsWith("Thấp hơn mục tiêu, chưa khẳng định");
    }

    @Test
    void anUnknownSubIndexOrPeriodFallsBackToTheDefaultsAndNoDataShowsNothing() {
        SipasView view = SipasView.of(ALL, "9.9", "2030-Q1", PlanOverviewTest.NAMES);
        assertThat(view.subIndex()).isEqualTo("2.2.1");
        assertThat(view.period()).isEqualTo("2025-Q3");
        SipasView empty = SipasView.of(List.of(), null, null, PlanOverviewTest.NAMES);
        assertThat(empty.subIndex()).isNull();
        assertThat(empty.chart()).isNull();
    }

    private static SubIndex value(String subIndex, String scope, String period, long responses, boolean enough, String percent,
            boolean below) {
        BigDecimal share = new BigDecimal(percent);
        return new SubIndex(subIndex, "Chỉ số " + subIndex, scope, period, responses, enough, responses * 4, responses * 3, share,
                share.subtract(BigDecimal.TEN), share.add(BigDecimal.ONE), new BigDecimal("85"), below);
    }
}

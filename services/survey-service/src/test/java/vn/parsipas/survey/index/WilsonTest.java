package vn.parsipas.survey.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class WilsonTest {
    @Test
    void knownSamplesGiveTheTextbookIntervals() {
        assertThat(Wilson.of(105, 150)).isEqualTo(share("70.00", "62.24", "76.76"));
        assertThat(Wilson.of(14, 20)).isEqualTo(share("70.00", "48.10", "85.45"));
        assertThat(Wilson.of(339, 412)).isEqualTo(share("82.28", "78.30", "85.67"));
    }

    @Test
    void allOrNothingStaysWithinZeroAndAHundred() {
        assertThat(Wilson.of(0, 10)).isEqualTo(share("0.00", "0.00", "27.75"));
        assertThat(Wilson.of(10, 10)).isEqualTo(share("100.00", "72.25", "100.00"));
    }

    @Test
    void aLargerSampleGivesANarrowerInterval() {
        Wilson small = Wilson.of(8, 10);
        Wilson large = Wilson.of(800, 1000);

        assertThat(large.highPercent().subtract(large.lowPercent())).isLessThan(small.highPercent().subtract(small.lowPercent()));
    }

    private static Wilson share(String satisfied, String low, String high) {
        return new Wilson(new BigDecimal(satisfied), new BigDecimal(low), new BigDecimal(high));
    }
}

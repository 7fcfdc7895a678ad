package vn.parsipas.survey.index;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The satisfied share and its 95 % Wilson score interval, in percent with two decimals. Wilson
 * rather than the normal approximation because shares near 100 % and small samples are common.
 */
public record Wilson(BigDecimal satisfiedPercent, BigDecimal lowPercent, BigDecimal highPercent) {
    /** The 0.975 quantile of the standard normal distribution. */
    static final double Z = 1.959963984540054;

    public static Wilson of(long satisfied, long valid) {
        if (valid <= 0) {
            return new Wilson(percent(0), percent(0), percent(100));
        }
        double n = valid;
        double p = satisfied / n;
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = Z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new Wilson(percent(100 * p), percent(100 * Math.max(0, centre - half)), percent(100 * Math.min(1, centre + half)));
    }

    private static BigDecimal percent(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}

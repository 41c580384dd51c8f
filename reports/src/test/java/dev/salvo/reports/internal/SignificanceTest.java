package dev.salvo.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class SignificanceTest {
    /** The values 1 to n, once each (exact in a 3-digit HdrHistogram up to 2,047). */
    private static Histogram oneTo(int n, int times) {
        Histogram h = HistogramSet.newHistogram();
        for (int v = 1; v <= n; v++) {
            h.recordValue((long) v * times);
        }
        return h;
    }

    @Test
    void boundsAPercentileByTheOrderStatisticsOfItsBinomialRanks() {
        // the textbook case: the 95% interval of the median of 100 samples is X(40)..X(61)
        assertThat(Significance.percentileInterval(oneTo(100, 1), 50, 0.95)).containsExactly(40, 61);
        assertThat(Significance.percentileInterval(oneTo(100, 1), 50, 0.975)).containsExactly(39, 62);
    }

    @Test
    void leavesABoundOpenWhenTheSampleIsTooSmallToGiveIt() {
        // 10 samples cannot bound the 99th percentile from above: the rank above n is unbounded
        double[] interval = Significance.percentileInterval(oneTo(10, 1), 99, 0.99);
        assertThat(interval[1]).isInfinite();
        assertThat(Significance.percentileInterval(HistogramSet.newHistogram(), 50, 0.99))
                .containsExactly(0, Double.POSITIVE_INFINITY);
    }

    @Test
    void findsNoDifferenceWhenBothKindsChangedByTheSameFactor() {
        assertThat(Significance.againstControl(oneTo(1000, 1), oneTo(1000, 2), oneTo(1000, 1), oneTo(1000, 2), 50))
                .isCloseTo(1.0, within(1e-9));
    }

    @Test
    void testsTheDifferenceOfLogRatiosWithTheFourPercentilesStandardErrors() {
        // medians 500 -> 600 (this kind) and 500 -> 500 (control), 1,000 samples each. The 95% intervals are the
        // samples
        // of ranks 469 and 532: 469..532 for the three unchanged samples, 563..638 for the 1.2x one; so
        // d = ln(600/500) = 0.18232, sd = sqrt(3 * (ln(532/469) / 3.92)^2 + (ln(638/563) / 3.92)^2) = 0.064183, z =
        // 2.8407
        // (computed independently of this code, with Python's exact binomial and NormalDist)
        double p = Significance.againstControl(oneTo(1000, 1), scaledBy(1000, 1.2), oneTo(1000, 1), oneTo(1000, 1), 50);
        assertThat(p).isCloseTo(0.004502001604386691, within(1e-9));
        // the same change against a control of 20 samples, whose median is known only within about +-30%: not
        // significant
        assertThat(Significance.againstControl(oneTo(1000, 1), scaledBy(1000, 1.2), oneTo(20, 50), oneTo(20, 50), 50))
                .isGreaterThan(0.05);
    }

    @Test
    void givesUpWhenAPercentileCannotBeBounded() {
        assertThat(Significance.againstControl(oneTo(1000, 1), oneTo(1000, 2), oneTo(10, 1), oneTo(10, 1), 99))
                .isEqualTo(1.0);
    }

    private static Histogram scaledBy(int n, double factor) {
        Histogram h = HistogramSet.newHistogram();
        for (int v = 1; v <= n; v++) {
            h.recordValue(Math.round(v * factor));
        }
        return h;
    }
}

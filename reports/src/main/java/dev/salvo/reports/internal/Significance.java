package dev.salvo.reports.internal;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.BinomialTest;
import org.apache.commons.statistics.inference.FisherExactTest;

/**
 * The two-sided significance tests behind compare's verdicts (Apache Commons Statistics), each returning a p-value: the
 * probability of a difference at least this large if both runs had the same underlying distribution. Internal.
 */
public final class Significance {
    /** Confidence of the order-statistic intervals behind {@link #againstControl}'s standard errors. */
    private static final double CONFIDENCE = 0.95;
    /** The standard normal quantile of {@link #CONFIDENCE}, two-sided. */
    private static final double Z = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - CONFIDENCE) / 2);

    private Significance() {}

    /**
     * Quantile test (Mood's median test generalised to any percentile): the value at {@code percentile} of both runs'
     * samples pooled splits each run's samples into at-or-below and above; Fisher's exact test on that 2x2 table asks
     * whether the fraction above differs between the runs.
     *
     * @param a the baseline's histogram
     * @param b the compared run's histogram
     * @param percentile e.g. 95
     * @return the two-sided p-value, 1 when either side is empty or nothing lies above the pooled value
     */
    public static double quantile(AbstractHistogram a, AbstractHistogram b, double percentile) {
        if (a.getTotalCount() == 0 || b.getTotalCount() == 0) {
            return 1;
        }
        Histogram pooled = HistogramSet.newHistogram();
        pooled.add(a);
        pooled.add(b);
        long split = pooled.getValueAtPercentile(percentile);
        long aBelow = a.getCountBetweenValues(0, split);
        long bBelow = b.getCountBetweenValues(0, split);
        long aAbove = a.getTotalCount() - aBelow;
        long bAbove = b.getTotalCount() - bBelow;
        if (aAbove + bAbove == 0 || aBelow + bBelow == 0) {
            return 1;
        }
        return fisher(aAbove, aBelow, bAbove, bBelow);
    }

    /**
     * Conditional test of two Poisson counts (requests arriving in an open model): given {@code a + b} events, {@code b}
     * follows a binomial distribution with the compared run's share of the time under the hypothesis of one rate.
     *
     * @param a the baseline's count
     * @param aSeconds the baseline's measured time
     * @param b the compared run's count
     * @param bSeconds the compared run's measured time
     * @return the two-sided exact p-value, 1 when both counts are 0
     */
    public static double poisson(long a, double aSeconds, long b, double bSeconds) {
        if (a + b == 0 || !(aSeconds > 0) || !(bSeconds > 0)) {
            return 1;
        }
        double scale = scale(a + b);
        int n = (int) Math.round((a + b) * scale);
        int k = (int) Math.min(n, Math.round(b * scale));
        return BinomialTest.withDefaults()
                .test(n, k, bSeconds / (aSeconds + bSeconds))
                .getPValue();
    }

    /**
     * Fisher's exact test of two proportions (failed requests out of all).
     *
     * @param aHits the baseline's failures
     * @param aTotal the baseline's requests
     * @param bHits the compared run's failures
     * @param bTotal the compared run's requests
     * @return the two-sided p-value, 1 when a side has no request or no request failed or all did
     */
    public static double proportions(long aHits, long aTotal, long bHits, long bTotal) {
        if (aTotal == 0 || bTotal == 0 || aHits + bHits == 0 || aHits + bHits == aTotal + bTotal) {
            return 1;
        }
        return fisher(aHits, aTotal - aHits, bHits, bTotal - bHits);
    }

    /**
     * A distribution-free confidence interval of a percentile from the order statistics of the sample (W. J. Conover,
     * Practical Nonparametric Statistics, 3rd ed., 1999, section 3.2): the number of samples at or below the true
     * percentile is binomial (n, percentile / 100), so the samples of ranks {@code l} and {@code u} with
     * {@code l} the smallest rank whose binomial CDF reaches {@code (1 - confidence) / 2} and {@code u} one above the
     * rank whose CDF reaches {@code 1 - (1 - confidence) / 2} enclose it with at least that confidence.
     *
     * @param h the sample
     * @param percentile e.g. 95
     * @param confidence e.g. 0.995
     * @return {lower, upper}: the lowest equivalent value of rank {@code l} (0 when {@code l < 1}) and the highest
     *     equivalent value of rank {@code u} ({@link Double#POSITIVE_INFINITY} when {@code u > n}); {0, infinity} for
     *     an empty sample
     */
    public static double[] percentileInterval(AbstractHistogram h, double percentile, double confidence) {
        long n = h.getTotalCount();
        if (n == 0) {
            return new double[] {0, Double.POSITIVE_INFINITY};
        }
        double scale = scale(n);
        int m = (int) Math.round(n * scale);
        BinomialDistribution below = BinomialDistribution.of(m, percentile / 100);
        double tail = (1 - confidence) / 2;
        long lower = Math.round(below.inverseCumulativeProbability(tail) / scale);
        long upper = Math.round((below.inverseCumulativeProbability(1 - tail) + 1) / scale);
        return new double[] {
            lower < 1 ? 0 : h.lowestEquivalentValue(valueAtRank(h, lower)),
            upper > n ? Double.POSITIVE_INFINITY : h.highestEquivalentValue(valueAtRank(h, upper))
        };
    }

    /**
     * Is one kind's change at a percentile different from a control kind's change at that percentile in the same two
     * runs? A z-test of the difference of the log-ratios, {@code d = ln(xB / xA) - ln(cB / cA)}, whose variance is the sum
     * of the four log-percentiles' variances, each estimated distribution-free from its 95% order-statistic interval
     * ({@link #percentileInterval}) as {@code ((ln upper - ln lower) / (2 * 1.96))^2}: the estimator of Price and Bonett
     * (Journal of Statistical Computation and Simulation 68, 2001) for a median, generalised to any percentile, as used
     * for linear contrasts of medians by Bonett and Price (Psychological Methods 7, 2002). The normal distribution is
     * Commons Statistics'.
     *
     * @param xa this kind in the baseline
     * @param xb this kind in the compared run
     * @param ca the control kind in the baseline
     * @param cb the control kind in the compared run
     * @param percentile e.g. 95
     * @return the two-sided p-value; 1 when a percentile cannot be bounded (too few samples above or below it, or 0)
     */
    public static double againstControl(
            AbstractHistogram xa, AbstractHistogram xb, AbstractHistogram ca, AbstractHistogram cb, double percentile) {
        return againstControl(xa, xb, ca, cb, percentile, Double.NaN, Double.NaN)[0];
    }

    /**
     * {@link #againstControl(AbstractHistogram, AbstractHistogram, AbstractHistogram, AbstractHistogram, double)} for
     * requests that are not independent: the variances of this kind's two log-percentiles are multiplied by
     * {@code max(1, phiKind)}, the control's by {@code max(1, phiControl)} (the quasi-binomial dispersion of the counts
     * below each percentile that the order-statistic intervals assume binomial; see {@link Overdispersion}).
     *
     * @param xa this kind in the baseline
     * @param xb this kind in the compared run
     * @param ca the control kind in the baseline
     * @param cb the control kind in the compared run
     * @param percentile e.g. 95
     * @param phiKind this kind's dispersion at the percentile (NaN: unknown, taken as 1)
     * @param phiControl the control's
     * @return {p-value, the factor the difference's variance was multiplied by (1 when none)}
     */
    public static double[] againstControl(
            AbstractHistogram xa,
            AbstractHistogram xb,
            AbstractHistogram ca,
            AbstractHistogram cb,
            double percentile,
            double phiKind,
            double phiControl) {
        double d = 0;
        double variance = 0;
        double widened = 0;
        AbstractHistogram[] samples = {xb, xa, cb, ca};
        for (int i = 0; i < samples.length; i++) {
            double[] interval = percentileInterval(samples[i], percentile, CONFIDENCE);
            long value = samples[i].getValueAtPercentile(percentile);
            if (!(interval[0] > 0) || Double.isInfinite(interval[1]) || value <= 0) {
                return new double[] {1, 1};
            }
            d += (i % 2 == 0 ? 1 : -1) * (i < 2 ? 1 : -1) * Math.log(value);
            double se = (Math.log(interval[1]) - Math.log(interval[0])) / (2 * Z);
            variance += se * se;
            double phi = i < 2 ? phiKind : phiControl;
            widened += se * se * (phi > 1 ? phi : 1);
        }
        if (variance == 0) {
            return new double[] {d == 0 ? 1 : 0, 1};
        }
        return new double[] {
            2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(d) / Math.sqrt(widened)), widened / variance
        };
    }

    /** The value of the sample of rank {@code rank} (1-based, ascending; clamped to 1..n). */
    private static long valueAtRank(AbstractHistogram h, long rank) {
        long seen = 0;
        long last = 0;
        for (HistogramIterationValue v : h.recordedValues()) {
            seen += v.getCountAtValueIteratedTo();
            last = v.getValueIteratedTo();
            if (seen >= rank) {
                return last;
            }
        }
        return last;
    }

    private static double fisher(long a, long b, long c, long d) {
        double scale = scale(a + b + c + d);
        int[][] table = {
            {(int) Math.round(a * scale), (int) Math.round(b * scale)},
            {(int) Math.round(c * scale), (int) Math.round(d * scale)}
        };
        return FisherExactTest.withDefaults().test(table).getPValue();
    }

    /** Counts beyond int range are scaled down (less power, never more: the test stays conservative). */
    private static double scale(long total) {
        return total <= Integer.MAX_VALUE / 2 ? 1 : (Integer.MAX_VALUE / 2.0) / total;
    }
}

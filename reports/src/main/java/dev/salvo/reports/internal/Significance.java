package dev.salvo.reports.internal;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.apache.commons.statistics.inference.BinomialTest;
import org.apache.commons.statistics.inference.FisherExactTest;

/**
 * The two-sided significance tests behind compare's verdicts (Apache Commons Statistics), each returning a p-value: the
 * probability of a difference at least this large if both runs had the same underlying distribution. Internal.
 */
public final class Significance {
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
    return BinomialTest.withDefaults().test(n, k, bSeconds / (aSeconds + bSeconds)).getPValue();
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

  private static double fisher(long a, long b, long c, long d) {
    double scale = scale(a + b + c + d);
    int[][] table = {{(int) Math.round(a * scale), (int) Math.round(b * scale)},
        {(int) Math.round(c * scale), (int) Math.round(d * scale)}};
    return FisherExactTest.withDefaults().test(table).getPValue();
  }

  /** Counts beyond int range are scaled down (less power, never more: the test stays conservative). */
  private static double scale(long total) {
    return total <= Integer.MAX_VALUE / 2 ? 1 : (Integer.MAX_VALUE / 2.0) / total;
  }
}

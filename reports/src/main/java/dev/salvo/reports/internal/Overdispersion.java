package dev.salvo.reports.internal;

import dev.salvo.reports.Clustering;
import org.HdrHistogram.AbstractHistogram;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The quasi-binomial correction of a percentile test for requests that are not independent (McCullagh and Nelder,
 * Generalized Linear Models, 2nd ed., 1989, section 4.5). The requests above a percentile, counted per interval of both
 * runs, are fitted by a binomial model with a run effect and a time effect common to both runs (logit additive; the
 * log-linear model without three-way interaction, fitted by iterative proportional fitting, Bishop, Fienberg and
 * Holland, Discrete Multivariate Analysis, 1975, section 3.5). Its Pearson chi-square over the residual degrees of
 * freedom, {@code phi}, estimates how much larger the counts' variance is than independent requests would make it (1
 * when they are independent; a warmup's slow start that both runs share is the time effect, not dispersion); a test's z
 * statistic is divided by {@code sqrt(max(1, phi))}. Internal.
 */
public final class Overdispersion {
    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);
    private static final int MAX_ITERATIONS = 500;

    private Overdispersion() {}

    /**
     * Counts one kind's requests above its own p50, p95 and p99 per interval, one interval at a time (nothing kept but
     * the counts).
     */
    public static final class Counter {
        private final long[] splits;
        private long[] n = new long[0];
        private long[][] above = new long[3][0];

        /** @param total the kind's response times over the measurement, whose p50, p95 and p99 are counted above */
        public Counter(AbstractHistogram total) {
            splits = new long[] {
                total.getValueAtPercentile(50), total.getValueAtPercentile(95), total.getValueAtPercentile(99)
            };
        }

        /**
         * @param index the interval's index from the measurement's start
         * @param h (part of) its response times
         */
        public void add(int index, AbstractHistogram h) {
            if (index >= n.length) {
                int length = Math.max(index + 1, n.length * 2);
                n = java.util.Arrays.copyOf(n, length);
                for (int j = 0; j < 3; j++) {
                    above[j] = java.util.Arrays.copyOf(above[j], length);
                }
            }
            long count = h.getTotalCount();
            n[index] += count;
            for (int j = 0; j < 3; j++) {
                above[j][index] += count - h.getCountBetweenValues(0, splits[j]);
            }
        }

        /**
         * @param intervalMillis the intervals' length
         * @param intervals how many there were (the last index plus one)
         * @return the clustering, with at most {@link Clustering#MAX_INTERVALS} intervals (longer ones if needed)
         */
        public Clustering clustering(long intervalMillis, int intervals) {
            int k = Math.min(intervals, n.length);
            Clustering c = new Clustering(
                    intervalMillis,
                    java.util.Arrays.copyOf(n, k),
                    java.util.Arrays.copyOf(above[0], k),
                    java.util.Arrays.copyOf(above[1], k),
                    java.util.Arrays.copyOf(above[2], k));
            int factor = 1;
            while (k > (long) Clustering.MAX_INTERVALS * factor) {
                factor *= 2;
            }
            return c.coarsen(factor);
        }
    }

    /**
     * @param a the baseline's clustering, may be null
     * @param b the compared run's, may be null
     * @param metric {@code p50}, {@code p95} or {@code p99}
     * @return the dispersion of both runs' exceedances of that percentile over their common intervals (the longer
     *     run's interval when they differ by a power of two), NaN when it cannot be estimated (no clustering, intervals
     *     that do not divide, fewer than two intervals with requests in both runs and exceedances)
     */
    public static double phi(Clustering a, Clustering b, String metric) {
        if (a == null || b == null || a.intervalMillis() <= 0 || b.intervalMillis() <= 0) {
            return Double.NaN;
        }
        long interval = Math.max(a.intervalMillis(), b.intervalMillis());
        if (interval % a.intervalMillis() != 0 || interval % b.intervalMillis() != 0) {
            return Double.NaN;
        }
        Clustering x = a.coarsen((int) (interval / a.intervalMillis()));
        Clustering y = b.coarsen((int) (interval / b.intervalMillis()));
        return phi(x.requests(), x.above(metric), y.requests(), y.above(metric));
    }

    /**
     * The dispersion of one kind's exceedances relative to a control kind's in the same runs: per run and interval, the
     * difference of the two kinds' standardized residuals (each against its run's own fraction above),
     * {@code (zX - zC) / sqrt(2)}, whose mean square is 1 for independent requests. What moves both kinds together (the
     * machine slowing for a second, a warmup both share) cancels in it as it cancels in the against-control test's
     * difference of log-ratios; what one kind has alone does not.
     *
     * @param xa the kind in the baseline
     * @param ca the control kind in the baseline
     * @param xb the kind in the compared run
     * @param cb the control kind in the compared run
     * @param metric {@code p50}, {@code p95} or {@code p99}
     * @return the mean square over the degrees of freedom (terms less one per run), NaN when a clustering is missing
     *     or fewer than two intervals have requests of both kinds
     */
    public static double contrast(Clustering xa, Clustering ca, Clustering xb, Clustering cb, String metric) {
        double[] a = contrast(xa, ca, metric);
        double[] b = contrast(xb, cb, metric);
        double df = a[1] + b[1];
        return df < 1 ? Double.NaN : (a[0] + b[0]) / df;
    }

    /** @return {sum of squared contrast residuals, degrees of freedom} of one run */
    private static double[] contrast(Clustering x, Clustering c, String metric) {
        if (x == null || c == null || x.intervalMillis() <= 0 || c.intervalMillis() <= 0) {
            return new double[] {0, 0};
        }
        long interval = Math.max(x.intervalMillis(), c.intervalMillis());
        if (interval % x.intervalMillis() != 0 || interval % c.intervalMillis() != 0) {
            return new double[] {0, 0};
        }
        Clustering kx = x.coarsen((int) (interval / x.intervalMillis()));
        Clustering kc = c.coarsen((int) (interval / c.intervalMillis()));
        long[] nx = kx.requests();
        long[] yx = kx.above(metric);
        long[] nc = kc.requests();
        long[] yc = kc.above(metric);
        int k = Math.min(nx.length, nc.length);
        double fx = fraction(nx, yx, nc, k);
        double fc = fraction(nc, yc, nx, k);
        if (!(fx > 0 && fx < 1 && fc > 0 && fc < 1)) {
            return new double[] {0, 0};
        }
        double sum = 0;
        int terms = 0;
        for (int i = 0; i < k; i++) {
            if (nx[i] > 0 && nc[i] > 0) {
                double zx = (yx[i] - nx[i] * fx) / Math.sqrt(nx[i] * fx * (1 - fx));
                double zc = (yc[i] - nc[i] * fc) / Math.sqrt(nc[i] * fc * (1 - fc));
                sum += (zx - zc) * (zx - zc) / 2;
                terms++;
            }
        }
        return terms < 2 ? new double[] {0, 0} : new double[] {sum, terms - 1};
    }

    /** The share above over the intervals where both kinds have requests. */
    private static double fraction(long[] n, long[] y, long[] other, int k) {
        long total = 0;
        long above = 0;
        for (int i = 0; i < k; i++) {
            if (n[i] > 0 && other[i] > 0) {
                total += n[i];
                above += y[i];
            }
        }
        return total == 0 ? Double.NaN : above / (double) total;
    }

    /**
     * The two-way dispersion: Pearson chi-square of the fit with a run and an interval effect, over its degrees of
     * freedom (intervals used, less one). Intervals where a run has no request, or where no request (or every one)
     * of both runs was above, carry no information and are left out.
     *
     * @param nA the baseline's requests per interval
     * @param yA of them, above the percentile
     * @param nB the compared run's requests per interval (aligned with the baseline's)
     * @param yB of them, above
     * @return {@code phi}, NaN with fewer than two intervals used or when a run has nothing (or everything) above
     */
    public static double phi(long[] nA, long[] yA, long[] nB, long[] yB) {
        int k = Math.min(nA.length, nB.length);
        double[][] o = new double[4][k]; // rows: A above, A below, B above, B below
        int used = 0;
        for (int i = 0; i < k; i++) {
            long up = yA[i] + yB[i];
            if (nA[i] > 0 && nB[i] > 0 && up > 0 && up < nA[i] + nB[i]) {
                o[0][used] = yA[i];
                o[1][used] = nA[i] - yA[i];
                o[2][used] = yB[i];
                o[3][used] = nB[i] - yB[i];
                used++;
            }
        }
        if (used < 2 || sum(o[0], used) == 0 || sum(o[1], used) == 0 || sum(o[2], used) == 0 || sum(o[3], used) == 0) {
            return Double.NaN;
        }
        double[][] m = new double[4][used];
        for (double[] row : m) {
            java.util.Arrays.fill(row, 1);
        }
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double moved = 0;
            for (int r = 0; r < 4; r += 2) { // each run's requests per interval
                for (int i = 0; i < used; i++) {
                    double f = (o[r][i] + o[r + 1][i]) / (m[r][i] + m[r + 1][i]);
                    moved = Math.max(moved, Math.abs(f - 1));
                    m[r][i] *= f;
                    m[r + 1][i] *= f;
                }
            }
            for (int r = 0; r < 4; r++) { // each run's requests above and below
                double f = sum(o[r], used) / sum(m[r], used);
                moved = Math.max(moved, Math.abs(f - 1));
                for (int i = 0; i < used; i++) {
                    m[r][i] *= f;
                }
            }
            for (int side = 0; side < 2; side++) { // each interval's requests above (and below) of both runs
                for (int i = 0; i < used; i++) {
                    double f = (o[side][i] + o[side + 2][i]) / (m[side][i] + m[side + 2][i]);
                    moved = Math.max(moved, Math.abs(f - 1));
                    m[side][i] *= f;
                    m[side + 2][i] *= f;
                }
            }
            if (moved < 1e-10) {
                break;
            }
        }
        double chi = 0;
        for (int r = 0; r < 4; r++) {
            for (int i = 0; i < used; i++) {
                double d = o[r][i] - m[r][i];
                chi += m[r][i] > 0 ? d * d / m[r][i] : 0;
            }
        }
        return chi / (used - 1);
    }

    private static double sum(double[] values, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += values[i];
        }
        return s;
    }

    /**
     * @param p a two-sided p-value of a test whose statistic is (asymptotically) standard normal
     * @param phi the dispersion; at most 1 (or NaN) leaves {@code p} as it is
     * @return the p-value of the statistic divided by {@code sqrt(phi)}
     */
    public static double widen(double p, double phi) {
        if (!(phi > 1) || !(p < 1)) {
            return p;
        }
        double z = STANDARD.inverseSurvivalProbability(p / 2);
        return Math.min(1, 2 * STANDARD.survivalProbability(z / Math.sqrt(phi)));
    }
}

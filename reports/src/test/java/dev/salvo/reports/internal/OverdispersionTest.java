package dev.salvo.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.salvo.reports.Clustering;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class OverdispersionTest {
    /** One run: per interval its response times (ns). */
    private record Run(List<Histogram> intervals, Histogram total) {
        Clustering clustering() {
            Overdispersion.Counter counter = new Overdispersion.Counter(total);
            for (int i = 0; i < intervals.size(); i++) {
                counter.add(i, intervals.get(i));
            }
            return counter.clustering(1000, intervals.size());
        }
    }

    /**
     * @param slowShare per interval, the share of its requests that are slow (about 10x the usual 10 ms)
     * @param factor every response time times this (a real change)
     */
    private static Run run(long seed, double[] slowShare, int perInterval, double factor) {
        Random random = new Random(seed);
        List<Histogram> intervals = new ArrayList<>();
        Histogram total = HistogramSet.newHistogram();
        for (double share : slowShare) {
            Histogram h = HistogramSet.newHistogram();
            for (int r = 0; r < perInterval; r++) {
                double ms = random.nextDouble() < share
                        ? 80 + 40 * random.nextDouble()
                        : 10 * Math.exp(0.3 * random.nextGaussian());
                h.recordValue(Math.round(ms * factor * 1_000_000));
            }
            intervals.add(h);
            total.add(h);
        }
        return new Run(intervals, total);
    }

    private static double[] shares(int intervals, double usual, int... stalled) {
        double[] out = new double[intervals];
        java.util.Arrays.fill(out, usual);
        for (int i : stalled) {
            out[i] = 0.25;
        }
        return out;
    }

    private static double widened(Run a, Run b, String metric) {
        double p = Significance.quantile(a.total(), b.total(), Double.parseDouble(metric.substring(1)));
        return Overdispersion.widen(p, Overdispersion.phi(a.clustering(), b.clustering(), metric));
    }

    @Test
    void findsNoClusteringInIndependentRequests() {
        double[] flat = shares(30, 0.002);
        for (long seed = 1; seed <= 5; seed++) {
            double phi = Overdispersion.phi(
                    run(seed, flat, 200, 1).clustering(),
                    run(seed + 100, flat, 200, 1).clustering(),
                    "p99");
            assertThat(phi).as("seed " + seed).isBetween(0.3, 2.0);
        }
    }

    @Test
    void aClusteredAaPairIsNoLongerSignificantOnceWidened() {
        // the same process in both runs: slow requests come in host stalls (a quarter of an interval's requests),
        // two stalls in A and four in B, by chance
        Run a = run(1, shares(30, 0.002, 4, 17), 200, 1);
        Run b = run(2, shares(30, 0.002, 3, 9, 21, 26), 200, 1);
        double p = Significance.quantile(a.total(), b.total(), 99);
        double phi = Overdispersion.phi(a.clustering(), b.clustering(), "p99");
        assertThat(p).as("as if independent").isLessThan(0.01);
        assertThat(phi).isGreaterThan(5);
        assertThat(Overdispersion.widen(p, phi)).isGreaterThan(0.05);
    }

    @Test
    void anIndependentTwentyPercentShiftStaysSignificant() {
        double[] flat = shares(30, 0.002);
        Run a = run(3, flat, 200, 1);
        Run b = run(4, flat, 200, 1.2);
        for (String metric : Clustering.METRICS) {
            assertThat(widened(a, b, metric)).as(metric).isLessThan(0.001);
        }
    }

    @Test
    void aSlowStartBothRunsShareIsNotClustering() {
        // a warmup effect: the first two intervals of both runs are slow
        Run a = run(5, shares(30, 0.002, 0, 1), 200, 1);
        Run b = run(6, shares(30, 0.002, 0, 1), 200, 1);
        assertThat(Overdispersion.phi(a.clustering(), b.clustering(), "p95")).isLessThan(2);
        assertThat(Overdispersion.phi(a.clustering(), b.clustering(), "p99")).isLessThan(2);
    }

    @Test
    void stallsThatSlowEveryKindAtOnceCancelAgainstTheControl() {
        // the machine stalls in seconds 4 and 17 (run A) and 3, 9, 21 (run B): both kinds of a run alike
        Run xa = run(7, shares(30, 0.002, 4, 17), 200, 1);
        Run ca = run(8, shares(30, 0.002, 4, 17), 200, 1);
        Run xb = run(9, shares(30, 0.002, 3, 9, 21), 200, 1);
        Run cb = run(10, shares(30, 0.002, 3, 9, 21), 200, 1);
        assertThat(Overdispersion.phi(xa.clustering(), xb.clustering(), "p99")).isGreaterThan(5);
        assertThat(Overdispersion.contrast(xa.clustering(), ca.clustering(), xb.clustering(), cb.clustering(), "p99"))
                .isLessThan(2);
        // a stall only this kind had does not cancel
        Run alone = run(11, shares(30, 0.002, 3, 9, 21), 200, 1);
        Run quiet = run(12, shares(30, 0.002), 200, 1);
        assertThat(Overdispersion.contrast(
                        xa.clustering(), ca.clustering(), alone.clustering(), quiet.clustering(), "p99"))
                .isGreaterThan(3);
        assertThat(Overdispersion.contrast(null, ca.clustering(), null, cb.clustering(), "p99"))
                .isNaN();
    }

    @Test
    void widensAPValueByTheSquareRootOfTheDispersion() {
        // z = 1.959964 for p = 0.05; divided by 2 (phi 4): 2 * (1 - Phi(0.979982)) = 0.327089
        assertThat(Overdispersion.widen(0.05, 4)).isCloseTo(0.327089, within(1e-5));
        assertThat(Overdispersion.widen(0.05, 0.5)).isEqualTo(0.05);
        assertThat(Overdispersion.widen(0.05, Double.NaN)).isEqualTo(0.05);
        assertThat(Overdispersion.widen(0, 4)).isEqualTo(0);
    }

    @Test
    void measuresNothingWithoutTwoUsableIntervals() {
        long[] one = {100};
        assertThat(Overdispersion.phi(one, new long[] {3}, one, new long[] {5})).isNaN();
        long[] two = {100, 100};
        assertThat(Overdispersion.phi(two, new long[] {0, 0}, two, new long[] {0, 0}))
                .isNaN();
        assertThat(Overdispersion.phi(null, new Clustering(1000, two, two, two, two), "p99"))
                .isNaN();
    }

    @Test
    void fitsTheRunAndIntervalEffectsExactlyWhenTheyExplainEverything() {
        // B has twice A's odds in every interval, and interval 2 twice interval 1's in both: no residual at all
        long[] n = {1000, 1000};
        assertThat(Overdispersion.phi(n, new long[] {100, 182}, n, new long[] {182, 308}))
                .isCloseTo(0, within(0.01));
    }

    @Test
    void keepsAtMostSixHundredIntervalsByDoublingTheirLength() {
        Histogram one = HistogramSet.newHistogram();
        one.recordValue(1000);
        Overdispersion.Counter counter = new Overdispersion.Counter(one);
        for (int i = 0; i < 1500; i++) {
            counter.add(i, one);
        }
        Clustering c = counter.clustering(1000, 1500);
        assertThat(c.intervalMillis()).isEqualTo(4000);
        assertThat(c.requests()).hasSize(375);
        assertThat(c.requests()[0]).isEqualTo(4);
    }
}

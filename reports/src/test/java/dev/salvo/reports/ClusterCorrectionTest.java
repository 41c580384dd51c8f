package dev.salvo.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterCorrectionTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<Path> DIRS = List.of(Path.of("A"), Path.of("B"));

    /**
     * A run of 30 s, one kind, 200 requests a second, as the runtime feeds it: one-second intervals for the clustering,
     * five-second ones for the kind log.
     *
     * @param factor every response time times this
     * @param ticks false: no one-second interval (a run written before they were recorded)
     * @param stalls the seconds in which a host stall made a quarter of the requests slow
     */
    static RunData run(long seed, double factor, boolean ticks, int... stalls) {
        ResultsBuilder b =
                new ResultsBuilder("Sim", START).measurementStartedAt(START).endedAt(START.plusSeconds(30));
        Random random = new Random(seed);
        Histogram total = new Histogram(3);
        Histogram period = new Histogram(3);
        for (int s = 0; s < 30; s++) {
            int second = s;
            double share = IntStream.of(stalls).anyMatch(x -> x == second) ? 0.25 : 0.002;
            Histogram h = new Histogram(3);
            for (int r = 0; r < 200; r++) {
                double ms = random.nextDouble() < share
                        ? 80 + 40 * random.nextDouble()
                        : 10 * Math.exp(0.3 * random.nextGaussian());
                h.recordValue(Math.round(ms * factor * 1_000_000));
            }
            long end = START.toEpochMilli() + (s + 1) * 1000L;
            if (ticks) {
                b.clusterInterval("q", "AGGREGATION", end, h);
            }
            period.add(h);
            total.add(h);
            if ((s + 1) % 5 == 0) {
                b.interval("q", "AGGREGATION", end, period, period, null, null, 0);
                period.reset();
            }
        }
        return b.request(new ResultsBuilder.Request(
                        "q",
                        "AGGREGATION",
                        total.getTotalCount(),
                        0,
                        Map.of(),
                        0,
                        0,
                        0,
                        null,
                        total,
                        total,
                        new Histogram(3),
                        new Histogram(3),
                        null))
                .build();
    }

    private static Comparison.Delta p99(RunData a, RunData b) {
        return Comparison.of(DIRS, List.of(a, b), Comparison.Options.DEFAULTS, false)
                .deltas("AGGREGATION", "p99")
                .get(0);
    }

    @Test
    void recordsPerSecondExceedancesOfTheRunsOwnPercentiles() {
        Clustering c = run(1, 1, true, 4, 17).results().kind("AGGREGATION").clustering();
        assertThat(c.intervalMillis()).isEqualTo(1000);
        assertThat(c.requests()).hasSize(30).containsOnly(200);
        // a quarter of the stalled seconds' requests are above the run's p99; few of the others
        assertThat(c.p99()[4]).isGreaterThan(15);
        assertThat(c.p99()[17]).isGreaterThan(15);
        assertThat(c.p99()[0]).isLessThan(5);
        assertThat(c.p50()).hasSize(30);
    }

    @Test
    void aClusteredAaPairIsNotFlaggedAndSaysItsPValueWasWidened() {
        // the same process: slow requests come in host stalls, 1 in A and 4 in B by chance
        RunData a = run(1, 1, true, 17);
        RunData b = run(2, 1, true, 3, 9, 21, 26);
        Comparison.Delta d = p99(a, b);
        assertThat(d.change()).isGreaterThan(10); // the p99 itself moved beyond the threshold
        assertThat(d.status()).isEqualTo(Comparison.NO_SIGNIFICANT_CHANGE);
        assertThat(d.clustering()).isGreaterThan(5);
        assertThat(d.test()).startsWith("quantile test (Fisher exact); widened for clustering x");
        // as if the requests were independent, it would have been a regression
        assertThat(dev.salvo.reports.internal.Significance.quantile(
                        a.requestTotals().get("q").get("response"),
                        b.requestTotals().get("q").get("response"),
                        99))
                .isLessThan(0.001);
    }

    @Test
    void anIndependentTwentyPercentSlowdownIsStillARegression() {
        Comparison c =
                Comparison.of(DIRS, List.of(run(3, 1, true), run(4, 1.2, true)), Comparison.Options.DEFAULTS, false);
        for (String metric : Clustering.METRICS) {
            assertThat(c.deltas("AGGREGATION", metric).get(0).status())
                    .as(metric)
                    .isEqualTo(Comparison.REGRESSION);
        }
        assertThat(c.regressions()).anySatisfy(line -> assertThat(line).startsWith("B AGGREGATION p50: "));
    }

    @Test
    void saysClusteredBesideThePValueOfAWidenedRegression() {
        // a real slowdown in stalled runs: significant even after widening, and the line says by how much
        Comparison c = Comparison.of(
                DIRS, List.of(run(5, 1, true, 4, 17), run(6, 1.5, true, 3, 9, 21)), Comparison.Options.DEFAULTS, false);
        Comparison.Delta p50 = c.deltas("AGGREGATION", "p50").get(0);
        assertThat(p50.status()).isEqualTo(Comparison.REGRESSION);
        assertThat(p50.clustering()).isGreaterThan(1);
        assertThat(c.regressions())
                .anySatisfy(line -> assertThat(line)
                        .startsWith("B AGGREGATION p50: ")
                        .containsPattern(", p=[^,]+, clustered x[0-9.]+, n=6000/6000\\)$"));
    }

    @Test
    void fallsBackToTheKindLogsIntervalsAndSaysWhenThereAreNone() {
        // a run written before: its 5 s intervals are used
        Comparison.Delta old = p99(run(1, 1, false, 4, 17), run(2, 1, false, 4, 17));
        assertThat(old.test()).doesNotContain("not corrected");
        RunData single = run(1, 1, false);
        RunData oneInterval = new RunData(
                single.results(),
                Map.of(
                        "AGGREGATION",
                        dev.salvo.reports.internal.KindLog.single(
                                        "AGGREGATION",
                                        START.toEpochMilli(),
                                        START.toEpochMilli(),
                                        START.toEpochMilli() + 30_000,
                                        single.requestTotals().get("q"),
                                        0)
                                .hlog()),
                single.requestTotals());
        assertThat(p99(oneInterval, oneInterval).test())
                .isEqualTo("quantile test (Fisher exact); not corrected for clustering (no intervals recorded)");
    }

    @Test
    void keepsTheClusteringThroughResultsJsonAndABaseline(@TempDir Path dir) {
        RunData run = run(1, 1, true, 4, 17);
        Path written = RunDirectory.write(dir.resolve("Sim-1"), run);
        Clustering c = run.results().kind("AGGREGATION").clustering();
        assertThat(RunDirectory.read(written).results().kind("AGGREGATION").clustering())
                .isEqualTo(c);
        Path baseline = Baselines.save(written, "main", dir.resolve("baselines"));
        assertThat(Baselines.read(baseline).results().kind("AGGREGATION").clustering())
                .isEqualTo(c);
        // and a run written before it was recorded keeps its kind log's, which its baseline's one interval lost
        Path old = RunDirectory.write(dir.resolve("Sim-2"), run(1, 1, false, 4, 17));
        Clustering fromLog = Baselines.read(Baselines.save(old, "old", dir.resolve("baselines")))
                .results()
                .kind("AGGREGATION")
                .clustering();
        assertThat(fromLog.intervalMillis()).isEqualTo(5000);
        assertThat(fromLog.requests()).containsExactly(1000, 1000, 1000, 1000, 1000, 1000);
    }

    @Test
    void poolsTheWorkersClusteringsOfAMergedRun() {
        Clustering a =
                new Clustering(1000, new long[] {10, 10}, new long[] {5, 5}, new long[] {1, 0}, new long[] {0, 1});
        Clustering b = new Clustering(2000, new long[] {30}, new long[] {15}, new long[] {2}, new long[] {1});
        assertThat(a.plus(b))
                .isEqualTo(new Clustering(2000, new long[] {50}, new long[] {25}, new long[] {3}, new long[] {2}));
    }
}

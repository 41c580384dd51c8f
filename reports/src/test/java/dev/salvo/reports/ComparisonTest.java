package dev.salvo.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salvo.reports.Comparison.Options;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    private static final List<Path> DIRS = List.of(Path.of("a"), Path.of("b"), Path.of("c"));
    private static final double MEASURED_P50 = 26.67;
    private static final double CONTROL_P50 = 30.32;
    private static final double JUDGED_P50 = -2.8; // 1.2667 / 1.3032 - 1
    private static final String CONTROL_LINE = "B: control RANGE_SCAN p50 +30.3%, p95 +27.1%, p99 +23.2% (taken as the"
            + " machine's drift: the other kinds' latencies are judged against it)";
    private static final String SLOWDOWN_LINE = "B POINT_LOOKUP p50: 2.050 ms -> 3.117 ms (+16.7% against control"
            + " RANGE_SCAN's +30.3%, measured +52.1%, threshold 10%, p=<1e-6, n=2000/2000)";

    private static Comparison compare(RunData... runs) {
        return Comparison.of(DIRS.subList(0, runs.length), List.of(runs), Options.DEFAULTS, false);
    }

    @Test
    void marksASignificantSlowdownBeyondTheThresholdAsARegression() {
        Comparison c = compare(TestRuns.run("Sim", 8, 1, 1), TestRuns.run("Sim", 8, 1.5, 1));
        assertThat(c.regression()).isTrue();
        assertThat(c.deltas("POINT_LOOKUP", "p95")).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(Comparison.REGRESSION);
            assertThat(d.change()).isBetween(45.0, 55.0);
            assertThat(d.pValue()).isLessThan(1e-6);
            assertThat(d.baselineCount()).isEqualTo(1500);
            assertThat(d.count()).isEqualTo(1500);
            assertThat(d.test()).startsWith("quantile test (Fisher exact); ");
        });
        assertThat(c.deltas("POINT_LOOKUP", "qps").get(0).status()).isEqualTo(Comparison.NO_SIGNIFICANT_CHANGE);
        assertThat(c.regressions())
                .anySatisfy(r -> assertThat(r)
                        .startsWith("B POINT_LOOKUP p95: ")
                        .contains("threshold 10%, p=<1e-6, n=1500/1500"));
    }

    @Test
    void findsNoChangeBetweenIdenticalRuns() {
        Comparison c = compare(TestRuns.run("Sim", 8, 1, 1), TestRuns.run("Sim", 8, 1, 1));
        assertThat(c.regression()).isFalse();
        assertThat(c.deltas()).extracting(Comparison.Delta::status).containsOnly(Comparison.NO_SIGNIFICANT_CHANGE);
    }

    @Test
    void doesNotFlagNoiseBetweenTwoSamplesOfOneDistribution() {
        // independent draws from one distribution: percentiles differ by chance, the tests say it is noise
        int flagged = 0;
        for (int seed = 0; seed < 20; seed++) {
            Comparison c = compare(
                    TestRuns.sampled("Sim", seed, 2000, 120, 10, 1),
                    TestRuns.sampled("Sim", 1000 + seed, 2000, 120, 10, 1));
            flagged += c.regression() ? 1 : 0;
        }
        assertThat(flagged).isLessThanOrEqualTo(1);
    }

    @Test
    void detectsATwentyPercentSlowdownInTwoThousandSamples() {
        for (int seed = 0; seed < 20; seed++) {
            Comparison c = compare(
                    TestRuns.sampled("Sim", seed, 2000, 120, 10, 1),
                    TestRuns.sampled("Sim", 1000 + seed, 2000, 120, 10, 1.2));
            assertThat(c.deltas("POINT_LOOKUP", "p50").get(0).status())
                    .as("seed %d", seed)
                    .isEqualTo(Comparison.REGRESSION);
            assertThat(c.deltas("RANGE_SCAN", "p50").get(0).status()).isNotEqualTo(Comparison.REGRESSION);
            assertThat(c.driftLines())
                    .as("one kind slowed: no drift hint, seed %d", seed)
                    .isEmpty();
        }
    }

    @Test
    void treatsARareKindsCountsAsPoissonNoiseAndCountsRowsPerSecondOnce() {
        // the case of issue 19: a 1%-weight request with 102 vs 85 requests is -17% but Poisson noise (p ~ 0.24)
        Comparison c =
                compare(TestRuns.sampled("Sim", 1, 2000, 102, 10, 1), TestRuns.sampled("Sim", 2, 2000, 85, 10, 1));
        Comparison.Delta qps = c.deltas("RANGE_SCAN", "qps").get(0);
        assertThat(qps.change()).isCloseTo(-16.67, org.assertj.core.data.Offset.offset(0.05));
        assertThat(qps.status()).isEqualTo(Comparison.NO_SIGNIFICANT_CHANGE);
        assertThat(qps.pValue()).isBetween(0.2, 0.3);
        assertThat(c.deltas("RANGE_SCAN", "rowsPerSecond").get(0).status()).isEqualTo(Comparison.NOT_ENOUGH_DATA);
        assertThat(c.regression()).isFalse();
    }

    @Test
    void judgesRowsPerSecondOnlyOnRowsPerRequestSoOneCauseIsOneVerdict() {
        // 30% fewer requests with the same rows each: qps regressed, rows/s follows it and is not counted again
        Comparison fewer =
                compare(TestRuns.sampled("Sim", 1, 2000, 1000, 10, 1), TestRuns.sampled("Sim", 2, 2000, 700, 10, 1));
        assertThat(fewer.deltas("RANGE_SCAN", "qps").get(0).status()).isEqualTo(Comparison.REGRESSION);
        Comparison.Delta rows = fewer.deltas("RANGE_SCAN", "rowsPerSecond").get(0);
        assertThat(rows.change()).isEqualTo(-30.0);
        assertThat(rows.status()).isEqualTo(Comparison.NO_SIGNIFICANT_CHANGE);
        assertThat(rows.test()).endsWith("rows/request +0.0%");
        assertThat(fewer.regressions()).hasSize(1);
        // the same requests returning half the rows each: that is a cause of its own
        Comparison halfRows =
                compare(TestRuns.sampled("Sim", 1, 2000, 1000, 10, 1), TestRuns.sampled("Sim", 2, 2000, 1000, 5, 1));
        assertThat(halfRows.deltas("RANGE_SCAN", "rowsPerSecond").get(0).status())
                .isEqualTo(Comparison.REGRESSION);
        assertThat(halfRows.deltas("RANGE_SCAN", "qps").get(0).status()).isEqualTo(Comparison.NO_SIGNIFICANT_CHANGE);
    }

    @Test
    void saysNotEnoughDataBelowTheMinimumSampleSizeWithTheCounts() {
        Comparison c =
                compare(TestRuns.sampled("Sim", 1, 2000, 60, 10, 1), TestRuns.sampled("Sim", 2, 2000, 40, 10, 3));
        Comparison.Delta p95 = c.deltas("RANGE_SCAN", "p95").get(0);
        assertThat(p95.status()).isEqualTo(Comparison.NOT_ENOUGH_DATA);
        assertThat(p95.pValue()).isNull();
        assertThat(p95.test()).isEqualTo("fewer than 100 requests (60 vs 40)");
        Comparison lower = Comparison.of(
                DIRS.subList(0, 2),
                List.of(TestRuns.sampled("Sim", 1, 2000, 60, 10, 1), TestRuns.sampled("Sim", 2, 2000, 60, 10, 1)),
                new Options(Comparison.Thresholds.DEFAULTS, 0.01, 50),
                false);
        assertThat(lower.deltas("RANGE_SCAN", "p95").get(0).status()).isEqualTo(Comparison.NO_SIGNIFICANT_CHANGE);
    }

    @Test
    void marksMoreThroughputAsAnImprovementAndLessAsARegression() {
        RunData base = TestRuns.run("Sim", 8, 1, 1);
        Comparison c = compare(base, TestRuns.run("Sim", 16, 1, 1.2), TestRuns.run("Sim", 4, 1, 0.8));
        List<Comparison.Delta> qps = c.deltas("RANGE_SCAN", "qps");
        assertThat(qps).extracting(Comparison.Delta::run).containsExactly("B", "C");
        assertThat(qps)
                .extracting(Comparison.Delta::status)
                .containsExactly(Comparison.IMPROVEMENT, Comparison.REGRESSION);
        assertThat(c.config())
                .filteredOn(Comparison.Setting::differs)
                .extracting(Comparison.Setting::key)
                .contains("database.poolSize", "pool.size")
                .doesNotContain("simulation");
    }

    /** A run offering an open-model load: 6 x 10 s of requests, measured from {@code fromSecond} (5: a 60 s window). */
    private static RunData openRun(double qpsFactor, int fromSecond, String injection) {
        return TestRuns.builder("Sim", 8, 1, qpsFactor, TestRuns.START, 0)
                .measurementStartedAt(TestRuns.START.plusSeconds(fromSecond))
                .config("injection.s", injection)
                .config("warmup", "PT5S")
                .generator(new GeneratorResults("scheduled", 13_000, null, null, 0, null, null, null, null))
                .build();
    }

    @Test
    void judgesAnOpenModelsThroughputOnRequestCountsForTheSameOfferedLoad() {
        String open = "open: ConstantRateOpenInjection(200.0,65 seconds)";
        // same requests in a window 5 s longer (as when the last requests' latency stretches it): req/s -7.7%, yet
        // nothing offered was lost
        Comparison same = compare(openRun(1, 5, open), openRun(1, 0, open));
        Comparison.Delta qps = same.deltas("RANGE_SCAN", "qps").get(0);
        assertThat(qps.status()).isEqualTo(Comparison.NO_SIGNIFICANT_CHANGE);
        assertThat(qps.change()).isEqualTo(0.0);
        assertThat(qps.measuredChange()).isEqualTo(-7.69);
        assertThat(qps.test()).startsWith("Poisson counts for the same offered load");
        assertThat(same.regressions()).isEmpty();
        // a fifth of the offered requests missing is a regression, whatever the windows
        Comparison lost = compare(openRun(1, 5, open), openRun(0.8, 5, open));
        assertThat(lost.deltas("RANGE_SCAN", "qps").get(0).status()).isEqualTo(Comparison.REGRESSION);
        assertThat(lost.regressions())
                .anyMatch(line -> line.startsWith("B RANGE_SCAN qps: ")
                        && line.contains("(-20.0% in requests for the same offered load, req/s -20.0%"));
        // a different injection, or a closed model, is judged on req/s over the measured windows as before
        String other = "open: ConstantRateOpenInjection(210.0,65 seconds)";
        Comparison.Delta differs = compare(openRun(1, 5, open), openRun(1, 0, other))
                .deltas("RANGE_SCAN", "qps")
                .get(0);
        assertThat(differs.change()).isEqualTo(-7.69);
        assertThat(differs.measuredChange()).isNull();
        assertThat(differs.test()).isEqualTo(Verdicts.POISSON_TEST);
        String closed = "closed: ConstantConcurrentUsersInjection(8,65 seconds)";
        assertThat(compare(openRun(1, 5, closed), openRun(1, 0, closed))
                        .deltas("RANGE_SCAN", "qps")
                        .get(0)
                        .test())
                .isEqualTo(Verdicts.POISSON_TEST);
    }

    @Test
    void appliesConfiguredThresholds() {
        RunData base = TestRuns.run("Sim", 8, 1, 1);
        RunData slow = TestRuns.run("Sim", 8, 1.5, 1);
        Options loose = Options.DEFAULTS.withThresholds(
                Comparison.Thresholds.DEFAULTS.with(Map.of("p50", 60.0, "p95", 60.0, "p99", 60.0)));
        assertThat(Comparison.of(DIRS.subList(0, 2), List.of(base, slow), loose, false)
                        .regression())
                .isFalse();
    }

    @Test
    void rejectsUnknownOrNonPositiveThresholdsAndBadOptions() {
        assertThatThrownBy(() -> Comparison.Thresholds.DEFAULTS.with(Map.of("latency", 5.0)))
                .hasMessage(
                        "threshold: metric must be one of [qps, p50, p95, p99, errorRate, rowsPerSecond], but was latency");
        assertThatThrownBy(() -> Comparison.Thresholds.DEFAULTS.with(Map.of("p95", 0.0)))
                .hasMessage("threshold p95: must be a positive number, but was 0.0");
        assertThatThrownBy(() -> new Options(Comparison.Thresholds.DEFAULTS, 0.7, 100))
                .hasMessage("alpha: must be a number in (0, 0.5], but was 0.7");
        assertThatThrownBy(() -> new Options(Comparison.Thresholds.DEFAULTS, 0.01, 0))
                .hasMessage("min-samples: must be at least 1, but was 0");
    }

    @Test
    void refusesDifferentSimulationsWithoutForce() {
        RunData a = TestRuns.run("SimA", 8, 1, 1);
        RunData b = TestRuns.run("SimB", 8, 1, 1);
        assertThatThrownBy(() -> compare(a, b))
                .hasMessage(
                        "b: compared runs must be of one simulation, but it is SimB and a is SimA (use --force to compare"
                                + " them anyway)");
        assertThat(Comparison.of(DIRS.subList(0, 2), List.of(a, b), Options.DEFAULTS, true)
                        .runs())
                .hasSize(2);
    }

    @Test
    void comparesTwoToFiveRuns() {
        RunData a = TestRuns.run("Sim", 8, 1, 1);
        assertThatThrownBy(() -> compare(a)).hasMessage("compare: runs must be between 2 and 5, but were 1");
    }

    private static Comparison compare(Options options, RunData... runs) {
        return Comparison.of(DIRS.subList(0, runs.length), List.of(runs), options, false);
    }

    @Test
    void cancelsDriftThatMovesEveryKindAlikeWhenJudgedAgainstAControlKind() {
        // the machine was 30% slower for every kind in B: a regression as measured, nothing against the control
        RunData a = TestRuns.sampled("Sim", 1, 2000, 2000, 10, 1, 1);
        RunData b = TestRuns.sampled("Sim", 2, 2000, 2000, 10, 1, 1.3);
        Comparison measured = compare(a, b);
        assertThat(measured.deltas("POINT_LOOKUP", "p50").get(0).status()).isEqualTo(Comparison.REGRESSION);
        assertThat(measured.driftLines())
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("B: every kind's p50 moved alike (POINT_LOOKUP +")
                        .contains(", RANGE_SCAN +")
                        .endsWith("), as the machine changing between the runs does; if one kind's path did not"
                                + " change, --control KIND judges the others against it"));
        Comparison c = compare(Options.DEFAULTS.withControl("RANGE_SCAN"), a, b);
        assertThat(c.driftLines()).isEmpty();
        assertThat(c.regression()).isFalse();
        assertThat(c.control()).isEqualTo("RANGE_SCAN");
        Comparison.Delta p50 = c.deltas("POINT_LOOKUP", "p50").get(0);
        assertThat(p50.status()).isEqualTo(Comparison.NO_SIGNIFICANT_CHANGE);
        assertThat(p50.measuredChange()).isEqualTo(MEASURED_P50);
        assertThat(p50.controlChange()).isEqualTo(CONTROL_P50);
        assertThat(p50.change()).isEqualTo(JUDGED_P50);
        assertThat(p50.test()).startsWith("log-ratio z-test against control RANGE_SCAN (its p50 ratio 1.303); ");
        for (String metric : List.of("p50", "p95", "p99")) {
            Comparison.Delta control = c.deltas("RANGE_SCAN", metric).get(0);
            assertThat(control.status()).isEqualTo(Comparison.CONTROL);
            assertThat(control.pValue()).isNull();
            assertThat(control.test())
                    .isEqualTo("the control kind: its change is taken as the machine's drift, not judged");
        }
        assertThat(c.deltas("RANGE_SCAN", "qps").get(0).status()).isEqualTo(Comparison.NO_SIGNIFICANT_CHANGE);
        assertThat(c.controlLines()).containsExactly(CONTROL_LINE);
    }

    @Test
    void findsASlowdownBeyondTheDriftAgainstTheControlKind() {
        RunData a = TestRuns.sampled("Sim", 1, 2000, 2000, 10, 1, 1);
        RunData b = TestRuns.sampled("Sim", 2, 2000, 2000, 10, 1.2, 1.3);
        assertThat(compare(a, b).driftLines()).isNotEmpty(); // +56% and +30%: alike enough to hint
        Comparison c = compare(Options.DEFAULTS.withControl("RANGE_SCAN"), a, b);
        Comparison.Delta p50 = c.deltas("POINT_LOOKUP", "p50").get(0);
        assertThat(p50.status()).isEqualTo(Comparison.REGRESSION);
        assertThat(p50.change()).isBetween(15.0, 25.0);
        assertThat(c.regressions()).contains(SLOWDOWN_LINE);
    }

    @Test
    void separatesASlowdownFromDriftInTwentyPairsAgainstTheControlKind() {
        // each pair on a machine that drifted by -20% to +37% between the runs; the control cancels it
        int flagged = 0;
        for (int seed = 0; seed < 20; seed++) {
            double drift = 0.8 + 0.03 * seed;
            RunData a = TestRuns.sampled("Sim", seed, 2000, 2000, 10, 1, 1);
            Options control = Options.DEFAULTS.withControl("RANGE_SCAN");
            flagged += compare(control, a, TestRuns.sampled("Sim", 1000 + seed, 2000, 2000, 10, 1, drift))
                            .regression()
                    ? 1
                    : 0;
            Comparison slow = compare(control, a, TestRuns.sampled("Sim", 2000 + seed, 2000, 2000, 10, 1.2, drift));
            assertThat(slow.deltas("POINT_LOOKUP", "p50").get(0).status())
                    .as("seed %d", seed)
                    .isEqualTo(Comparison.REGRESSION);
        }
        assertThat(flagged).isLessThanOrEqualTo(1);
    }

    @Test
    void needsTheChangeToStandOutFromTheControlsUncertainty() {
        // +15% at the median with 2,000 requests is significant as measured; against a control of 150 requests, whose
        // median's ratio is known only within about +-20%, it is not
        RunData a = TestRuns.sampled("Sim", 1, 2000, 150, 10, 1, 1);
        RunData b = TestRuns.sampled("Sim", 2, 2000, 150, 10, 1.15, 1);
        assertThat(compare(a, b).deltas("POINT_LOOKUP", "p50").get(0).status()).isEqualTo(Comparison.REGRESSION);
        Comparison.Delta p50 = compare(Options.DEFAULTS.withControl("RANGE_SCAN"), a, b)
                .deltas("POINT_LOOKUP", "p50")
                .get(0);
        assertThat(p50.status()).isEqualTo(Comparison.NO_SIGNIFICANT_CHANGE);
        assertThat(p50.pValue()).isGreaterThan(0.01);
    }

    @Test
    void saysNotEnoughDataWhenTheControlHasTooFewRequests() {
        Comparison c = compare(
                Options.DEFAULTS.withControl("RANGE_SCAN"),
                TestRuns.sampled("Sim", 1, 2000, 60, 10, 1),
                TestRuns.sampled("Sim", 2, 2000, 40, 10, 1.5));
        Comparison.Delta p95 = c.deltas("POINT_LOOKUP", "p95").get(0);
        assertThat(p95.status()).isEqualTo(Comparison.NOT_ENOUGH_DATA);
        assertThat(p95.test()).isEqualTo("control RANGE_SCAN: fewer than 100 requests (60 vs 40)");
        assertThat(p95.pValue()).isNull();
    }

    @Test
    void rejectsAControlKindThatIsNotInEveryRun() {
        RunData a = TestRuns.sampled("Sim", 1, 2000, 200, 10, 1);
        assertThatThrownBy(() -> compare(Options.DEFAULTS.withControl("AGGREGATION"), a, a))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--control: the control kind must be one of the kinds in every compared run (POINT_LOOKUP,"
                        + " RANGE_SCAN), but was AGGREGATION");
    }
}

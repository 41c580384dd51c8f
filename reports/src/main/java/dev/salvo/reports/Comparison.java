package dev.salvo.reports;

import dev.salvo.reports.internal.RunReportPage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The comparison of 2 to 5 runs: the first is the baseline, and each metric of each kind of every other run gets a
 * verdict against it: {@link #REGRESSION}, {@link #IMPROVEMENT}, {@link #NO_SIGNIFICANT_CHANGE} or
 * {@link #NOT_ENOUGH_DATA}. A regression needs both the {@link Thresholds threshold} crossed and the difference
 * statistically significant at level {@link Options#alpha()} (two-sided tests on the runs' histograms and counts; see
 * {@code docs/reports.md}). With a {@link Options#control() control kind}, every other kind's latency change is judged
 * against the control's change in the same two runs (drift of the machine that moves every kind alike cancels).
 * Written as {@code comparison.json} (this record) and an HTML page by {@code compare}.
 *
 * @param runs the runs, baseline first
 * @param thresholds the thresholds applied
 * @param alpha the significance level of every test
 * @param minSamples fewest requests per run and kind for a verdict
 * @param control the control kind, or null for none
 * @param config every setting, with its value per run, and whether the values differ
 * @param deltas per kind, metric and compared run
 * @param regression true when any delta is a regression
 * @param regressions one line per regression
 */
public record Comparison(
        List<Run> runs,
        Thresholds thresholds,
        double alpha,
        long minSamples,
        String control,
        List<Setting> config,
        List<Delta> deltas,
        boolean regression,
        List<String> regressions) {

    /** Fewest runs compared. */
    public static final int MIN_RUNS = 2;
    /** Most runs compared. */
    public static final int MAX_RUNS = 5;
    /** Beyond the threshold in the bad direction, and significant. */
    public static final String REGRESSION = "REGRESSION";
    /** Beyond the threshold in the good direction, and significant. */
    public static final String IMPROVEMENT = "IMPROVEMENT";
    /** Within the threshold, or not significant (indistinguishable from noise). */
    public static final String NO_SIGNIFICANT_CHANGE = "NO_SIGNIFICANT_CHANGE";
    /** Fewer requests than {@link Options#minSamples()} on a side that the verdict needs. */
    public static final String NOT_ENOUGH_DATA = "NOT_ENOUGH_DATA";
    /** The kind is absent from the compared run or from the baseline. */
    public static final String NOT_COMPARABLE = "NOT_COMPARABLE";
    /**
     * A latency of the {@link Options#control() control kind}: its change is the reference the other kinds are judged
     * against (taken as the machine's drift), so it is not judged itself.
     */
    public static final String CONTROL = "CONTROL";

    /**
     * How a comparison decides.
     *
     * @param thresholds smallest change that counts
     * @param alpha significance level of each two-sided test, in (0, 0.5] (default 0.01)
     * @param minSamples fewest requests per run and kind for a verdict, at least 1 (default 100)
     * @param control the control kind, or null for none (default): the p50/p95/p99 change of every other kind is
     *     judged relative to this kind's change at the same percentile in the same two runs, and this kind's latencies
     *     are marked {@link #CONTROL} instead of judged; it must be a kind of every compared run
     */
    public record Options(Thresholds thresholds, double alpha, long minSamples, String control) {
        /** Default significance level. */
        public static final double DEFAULT_ALPHA = 0.01;
        /** Default fewest requests. */
        public static final long DEFAULT_MIN_SAMPLES = 100;
        /** The defaults. */
        public static final Options DEFAULTS =
                new Options(Thresholds.DEFAULTS, DEFAULT_ALPHA, DEFAULT_MIN_SAMPLES, null);

        /** Checks the values. */
        public Options {
            Objects.requireNonNull(thresholds, "thresholds");
            if (!(alpha > 0 && alpha <= 0.5)) {
                throw new IllegalArgumentException("alpha: must be a number in (0, 0.5], but was " + alpha);
            }
            if (minSamples < 1) {
                throw new IllegalArgumentException("min-samples: must be at least 1, but was " + minSamples);
            }
        }

        /**
         * Options without a control kind.
         *
         * @param thresholds smallest change that counts
         * @param alpha significance level
         * @param minSamples fewest requests per run and kind
         */
        public Options(Thresholds thresholds, double alpha, long minSamples) {
            this(thresholds, alpha, minSamples, null);
        }

        /**
         * @param t other thresholds
         * @return these options with {@code t}
         */
        public Options withThresholds(Thresholds t) {
            return new Options(t, alpha, minSamples, control);
        }

        /**
         * @param kind the control kind, or null for none
         * @return these options with that control kind
         */
        public Options withControl(String kind) {
            return new Options(thresholds, alpha, minSamples, kind);
        }

        /**
         * @param kinds the kinds of each run
         * @throws IllegalArgumentException when the control kind is not a kind of every run, naming the kinds that are
         */
        void checkControl(List<Set<String>> kinds) {
            if (control == null) {
                return;
            }
            Set<String> common = new TreeSet<>(kinds.get(0));
            kinds.forEach(common::retainAll);
            if (!common.contains(control)) {
                throw new IllegalArgumentException(
                        "--control: the control kind must be one of the kinds in every compared run ("
                                + String.join(", ", common) + "), but was " + control);
            }
        }
    }

    /**
     * @param label {@code A} (baseline), {@code B}, ...
     * @param dir the run directory as given
     * @param simulation the simulation
     * @param startedAt when it started
     * @param verdict its SLO verdict
     */
    public record Run(String label, String dir, String simulation, String startedAt, String verdict) {}

    /**
     * @param key the setting
     * @param values its value per run, in run order ({@code null} as text when absent)
     * @param differs true when not all values are equal
     */
    public record Setting(String key, List<String> values, boolean differs) {}

    /**
     * @param kind the query kind
     * @param metric one of {@link Thresholds#METRICS}
     * @param run the compared run's label
     * @param baseline the baseline's value
     * @param value the compared run's value
     * @param change relative change in percent, or for {@code errorRate} the difference in percentage points; with a
     *     control kind, a latency's change relative to the control's ({@code (1 + measured) / (1 + control) - 1}), which
     *     is what the threshold is held against
     * @param status {@link #REGRESSION}, {@link #IMPROVEMENT}, {@link #NO_SIGNIFICANT_CHANGE}, {@link #NOT_ENOUGH_DATA}
     *     or {@link #NOT_COMPARABLE}
     * @param baselineCount the baseline's requests of this kind (the sample size)
     * @param count the compared run's requests of this kind
     * @param pValue the two-sided test's p-value, null when no test was made
     * @param test the test made (e.g. {@code quantile test (Fisher exact)}), or why none was
     * @param measuredChange with a control kind, a latency's change as measured (percent); for {@code qps} of two runs
     *     that offered the same open-model load, the change of req/s over each run's measured window, while
     *     {@code change} is the change of the request count that is judged; null otherwise
     * @param controlChange with a control kind, the control's change at the same percentile (percent); null otherwise
     * @param clustering for a percentile, the factor its test's variance was multiplied by for slow requests clustered
     *     in time ({@link Clustering}); null when not widened
     */
    public record Delta(
            String kind,
            String metric,
            String run,
            double baseline,
            double value,
            double change,
            String status,
            long baselineCount,
            long count,
            Double pValue,
            String test,
            Double measuredChange,
            Double controlChange,
            Double clustering) {}

    /**
     * How much a metric may change before it counts as a regression (and, the other way, an improvement). Throughput and
     * rows/s in percent of drop, latencies in percent of rise, error rate in percentage points of rise.
     *
     * @param qps throughput drop, percent (default 10)
     * @param p50 median response time rise, percent (default 10)
     * @param p95 95th percentile rise, percent (default 10)
     * @param p99 99th percentile rise, percent (default 10)
     * @param errorRate error rate rise, percentage points (default 1)
     * @param rowsPerSecond rows/s drop, percent (default 10)
     */
    public record Thresholds(double qps, double p50, double p95, double p99, double errorRate, double rowsPerSecond) {
        /** The metric names, as in {@code --threshold <metric>=<value>}. */
        public static final List<String> METRICS = List.of("qps", "p50", "p95", "p99", "errorRate", "rowsPerSecond");
        /** The defaults. */
        public static final Thresholds DEFAULTS = new Thresholds(10, 10, 10, 10, 1, 10);

        /** Checks every threshold is a positive number. */
        public Thresholds {
            double[] values = {qps, p50, p95, p99, errorRate, rowsPerSecond};
            for (int i = 0; i < values.length; i++) {
                if (!(values[i] > 0) || Double.isInfinite(values[i])) {
                    throw new IllegalArgumentException(
                            "threshold " + METRICS.get(i) + ": must be a positive number, but was " + values[i]);
                }
            }
        }

        /**
         * @param overrides metric name to value, e.g. {@code p95 -> 30}
         * @return these thresholds with the overrides applied
         * @throws IllegalArgumentException for an unknown metric or a value that is not positive
         */
        public Thresholds with(Map<String, Double> overrides) {
            double[] v = {qps, p50, p95, p99, errorRate, rowsPerSecond};
            overrides.forEach((metric, value) -> {
                int i = METRICS.indexOf(metric);
                if (i < 0) {
                    throw new IllegalArgumentException(
                            "threshold: metric must be one of " + METRICS + ", but was " + metric);
                }
                v[i] = value;
            });
            return new Thresholds(v[0], v[1], v[2], v[3], v[4], v[5]);
        }

        double of(String metric) {
            return new double[] {qps, p50, p95, p99, errorRate, rowsPerSecond}[METRICS.indexOf(metric)];
        }
    }

    /**
     * Compares runs. The first is the baseline.
     *
     * @param dirs the run directories, as given (for labels and error messages)
     * @param runs their data (results and histograms), in the same order
     * @param options thresholds, significance level, minimum sample size
     * @param force compare runs of different simulations too
     * @return the comparison
     * @throws IllegalArgumentException for fewer than 2 or more than 5 runs, or different simulations without force
     */
    public static Comparison of(List<Path> dirs, List<RunData> runs, Options options, boolean force) {
        if (runs.size() < MIN_RUNS || runs.size() > MAX_RUNS) {
            throw new IllegalArgumentException(
                    "compare: runs must be between " + MIN_RUNS + " and " + MAX_RUNS + ", but were " + runs.size());
        }
        List<RunResults> results = runs.stream().map(RunData::results).toList();
        for (int i = 1; i < runs.size(); i++) {
            if (!force && !results.get(i).simulation().equals(results.get(0).simulation())) {
                throw new IllegalArgumentException(dirs.get(i) + ": compared runs must be of one simulation, but it is "
                        + results.get(i).simulation() + " and " + dirs.get(0) + " is "
                        + results.get(0).simulation()
                        + " (use --force to compare them anyway)");
            }
        }
        options.checkControl(results.stream()
                .map(r -> r.kinds().stream()
                        .map(RunResults.RequestStats::kind)
                        .collect(java.util.stream.Collectors.toSet()))
                .toList());
        List<Run> labels = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunResults r = results.get(i);
            labels.add(new Run(
                    String.valueOf((char) ('A' + i)),
                    dirs.get(i).toString(),
                    r.simulation(),
                    r.startedAt(),
                    r.verdict()));
        }
        List<Verdicts.Side> sides = runs.stream().map(Verdicts.Side::of).toList();
        List<Delta> deltas = new ArrayList<>();
        Set<String> kinds = new TreeSet<>();
        results.forEach(r -> r.kinds().forEach(k -> kinds.add(k.kind())));
        for (String kind : kinds) {
            for (int i = 1; i < runs.size(); i++) {
                deltas.addAll(Verdicts.deltas(kind, labels.get(i).label(), sides.get(0), sides.get(i), options));
            }
        }
        Thresholds thresholds = options.thresholds();
        List<String> regressions = deltas.stream()
                .filter(d -> REGRESSION.equals(d.status()))
                .map(d -> VerdictLines.regression(d, options))
                .toList();
        return new Comparison(
                labels,
                thresholds,
                options.alpha(),
                options.minSamples(),
                options.control(),
                settings(results),
                deltas,
                !regressions.isEmpty(),
                regressions);
    }

    /**
     * @param p a p-value, or null
     * @return it with 2 significant digits ({@code <1e-6} below that), {@code -} for null
     */
    public static String pValue(Double p) {
        if (p == null) {
            return "-";
        }
        return p < 1e-6 ? "<1e-6" : String.format(Locale.ROOT, "%.2g", p);
    }

    private static List<Setting> settings(List<RunResults> runs) {
        List<Map<String, String>> each =
                runs.stream().map(RunReportPage::settings).toList();
        Set<String> keys = new LinkedHashSet<>();
        each.forEach(m -> keys.addAll(m.keySet()));
        List<Setting> out = new ArrayList<>();
        for (String key : keys) {
            List<String> values =
                    each.stream().map(m -> String.valueOf(m.get(key))).toList();
            out.add(new Setting(key, values, values.stream().distinct().count() > 1));
        }
        return out;
    }

    /**
     * @param kind a kind
     * @param metric a metric
     * @return the deltas of that kind and metric, in run order
     */
    public List<Delta> deltas(String kind, String metric) {
        return deltas.stream()
                .filter(d -> d.kind().equals(kind) && d.metric().equals(metric))
                .toList();
    }

    /**
     * @return with a control kind, one line per compared run stating the control's latency changes that the other
     *     kinds were judged against, e.g. {@code B: control POINT_LOOKUP p50 +14.4%, p95 +25.1%, p99 +56.0%}; empty
     *     without
     */
    public List<String> controlLines() {
        if (control == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (Run r : runs.subList(1, runs.size())) {
            List<String> parts = new ArrayList<>();
            for (String metric : List.of("p50", "p95", "p99")) {
                deltas.stream()
                        .filter(d -> d.kind().equals(control)
                                && d.metric().equals(metric)
                                && d.run().equals(r.label()))
                        .findFirst()
                        .ifPresent(d -> parts.add(String.format(Locale.ROOT, "%s %+.1f%%", metric, d.change())));
            }
            lines.add(r.label() + ": control " + control + " " + String.join(", ", parts) + " (taken as the machine's"
                    + " drift: the other kinds' latencies are judged against it)");
        }
        return lines;
    }

    /**
     * @return without a control kind, one line per compared run with a latency regression at a percentile (p50, then
     *     p95, p99) where every kind (at least two, each with enough data and a significant change) moved the same way
     *     by similar amounts (the smallest at least half the largest), as the machine changing between two runs does;
     *     empty otherwise. A hint, not a verdict: the exit status does not change
     */
    public List<String> driftLines() {
        return control == null ? VerdictLines.drift(runs.subList(1, runs.size()), deltas, alpha) : List.of();
    }

    /** @return the kinds compared, sorted */
    public List<String> kinds() {
        Map<String, Boolean> kinds = new LinkedHashMap<>();
        deltas.forEach(d -> kinds.put(d.kind(), true));
        return List.copyOf(new TreeSet<>(kinds.keySet()));
    }

    /** Requires non-null lists. */
    public Comparison {
        Objects.requireNonNull(runs);
        Objects.requireNonNull(deltas);
    }
}

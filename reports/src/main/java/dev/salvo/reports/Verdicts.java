package dev.salvo.reports;

import dev.salvo.reports.Comparison.Delta;
import dev.salvo.reports.Comparison.Options;
import dev.salvo.reports.RunResults.RequestStats;
import dev.salvo.reports.internal.HistogramSet;
import dev.salvo.reports.internal.HlogFiles;
import dev.salvo.reports.internal.Overdispersion;
import dev.salvo.reports.internal.Significance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** The verdict of each metric of one kind between a baseline and a compared run (see {@link Comparison}). */
final class Verdicts {
    static final String QUANTILE_TEST = "quantile test (Fisher exact)";
    static final String POISSON_TEST = "Poisson counts (exact conditional binomial)";
    static final String SAME_LOAD_TEST = "Poisson counts for the same offered load (open model, same injection and"
            + " warmup in both runs; exact conditional binomial)";
    static final String FISHER_TEST = "Fisher exact";
    static final String ROWS_TEST = "rows per request (exact conditional binomial)";
    static final String CONTROL_TEST_PREFIX = "log-ratio z-test against control ";
    static final String CONTROL_TEST = "the control kind: its change is taken as the machine's drift, not judged";

    private Verdicts() {}

    /**
     * One run's results, its per-kind total response-time histograms, and per kind the clustering of its slow requests
     * ({@code results.json}'s, else measured over the kind log's intervals).
     */
    record Side(RunResults results, Map<String, Histogram> response, Map<String, Clustering> clustering) {
        static Side of(RunData data) {
            Map<String, Histogram> response = new TreeMap<>();
            Map<String, Clustering> clustering = new TreeMap<>();
            data.kindLogs().forEach((kind, log) -> {
                Histogram total = HlogFiles.totals(log).get(HistogramSet.RESPONSE);
                response.put(kind, total);
                RequestStats stats = data.results().kind(kind);
                clustering.put(
                        kind,
                        stats != null && stats.clustering() != null
                                ? stats.clustering()
                                : ClusterCorrection.fromLog(log, total));
            });
            return new Side(data.results(), response, clustering);
        }
    }

    static List<Delta> deltas(String kind, String run, Side a, Side b, Options options) {
        RequestStats base = a.results().kind(kind);
        RequestStats other = b.results().kind(kind);
        List<Delta> out = new ArrayList<>();
        if (base == null || other == null) {
            for (String metric : Comparison.Thresholds.METRICS) {
                out.add(new Delta(
                        kind,
                        metric,
                        run,
                        base == null ? 0 : value(metric, base),
                        other == null ? 0 : value(metric, other),
                        0,
                        Comparison.NOT_COMPARABLE,
                        base == null ? 0 : base.count(),
                        other == null ? 0 : other.count(),
                        null,
                        (base == null ? "baseline" : "compared run") + " has no " + kind,
                        null,
                        null,
                        null));
            }
            return out;
        }
        out.add(throughput(kind, run, a, b, base, other, options));
        for (String metric : List.of("p50", "p95", "p99")) {
            out.add(latency(kind, metric, run, a, b, base, other, options));
        }
        out.add(errorRate(kind, run, base, other, options));
        out.add(rows(kind, run, base, other, options));
        return out;
    }

    private static Delta throughput(
            String kind, String run, Side a, Side b, RequestStats base, RequestStats other, Options o) {
        double change = relative(base.throughput(), other.throughput());
        if (base.count() < o.minSamples()) {
            return notEnough(kind, "qps", run, base, other, change, o);
        }
        if (sameOpenLoad(a.results(), b.results())) {
            // Both runs offered the same arrivals: what the database can change is how many of them became requests
            // (a maxDuration cut, users failing before this request), not the rate over a window whose end also
            // holds the last requests' latency (11.04 vs 11.83 s for the same 2,196 users in one A/A pair)
            double judged = relative(base.count(), other.count());
            double p = Significance.poisson(base.count(), 1, other.count(), 1);
            return with(decide(kind, "qps", run, base, other, judged, -judged, p, SAME_LOAD_TEST, o), change, null, 1);
        }
        double p = Significance.poisson(
                base.count(),
                a.results().measurementSeconds(),
                other.count(),
                b.results().measurementSeconds());
        return decide(kind, "qps", run, base, other, change, -change, p, POISSON_TEST, o);
    }

    /**
     * Did both runs offer the same open-model load? True when every scenario's injection is open (no throttle, no
     * maxDuration), the injection profiles and the warmup are the same in both runs' {@code config}, and each run's
     * generator matched its users to scheduled arrivals.
     */
    static boolean sameOpenLoad(RunResults a, RunResults b) {
        Map<String, String> ia = injection(a);
        if (ia.isEmpty() || !ia.equals(injection(b))) {
            return false;
        }
        boolean allOpen = ia.entrySet().stream()
                .allMatch(e -> e.getKey().startsWith("injection.")
                        && !e.getKey().equals("injection.throttle")
                        && !e.getKey().equals("injection.maxDuration")
                        && e.getValue().startsWith("open:"));
        return allOpen
                && java.util.Objects.equals(a.config().get("warmup"), b.config().get("warmup"))
                && scheduled(a)
                && scheduled(b);
    }

    private static Map<String, String> injection(RunResults r) {
        Map<String, String> out = new TreeMap<>();
        if (r.config() != null) {
            r.config().forEach((k, v) -> {
                if (k.equals("injection") || k.startsWith("injection.")) {
                    out.put(k, v);
                }
            });
        }
        return out;
    }

    private static boolean scheduled(RunResults r) {
        return r.generator() != null && r.generator().scheduledUsers() > 0;
    }

    private static Delta latency(
            String kind, String metric, String run, Side a, Side b, RequestStats base, RequestStats other, Options o) {
        double change = relative(value(metric, base), value(metric, other));
        if (kind.equals(o.control())) {
            return new Delta(
                    kind,
                    metric,
                    run,
                    value(metric, base),
                    value(metric, other),
                    change,
                    Comparison.CONTROL,
                    base.count(),
                    other.count(),
                    null,
                    CONTROL_TEST,
                    null,
                    null,
                    null);
        }
        Histogram ha = a.response().get(kind);
        Histogram hb = b.response().get(kind);
        if (Math.min(count(ha), count(hb)) < o.minSamples()) {
            return notEnough(kind, metric, run, base, other, change, o);
        }
        double percentile = Double.parseDouble(metric.substring(1));
        if (o.control() == null) {
            double phi = ClusterCorrection.phi(a, b, kind, metric);
            double p = Overdispersion.widen(Significance.quantile(ha, hb, percentile), phi);
            String test = QUANTILE_TEST + ClusterCorrection.note(phi, phi);
            return with(decide(kind, metric, run, base, other, change, change, p, test, o), null, null, phi);
        }
        return againstControl(kind, metric, run, a, b, base, other, o, percentile);
    }

    /**
     * A latency judged against the control kind: the change is {@code (1 + measured) / (1 + control's) - 1}, and its
     * test asks whether this kind's ratio at the percentile differs from the control's, with the sampling noise of all
     * four percentiles counted ({@link Significance#againstControl}).
     */
    private static Delta againstControl(
            String kind,
            String metric,
            String run,
            Side a,
            Side b,
            RequestStats base,
            RequestStats other,
            Options o,
            double percentile) {
        String control = o.control();
        RequestStats cBase = a.results().kind(control);
        RequestStats cOther = b.results().kind(control);
        Histogram ca = a.response().get(control);
        Histogram cb = b.response().get(control);
        double measured = relative(value(metric, base), value(metric, other));
        if (Math.min(count(ca), count(cb)) < o.minSamples()) {
            return new Delta(
                    kind,
                    metric,
                    run,
                    value(metric, base),
                    value(metric, other),
                    measured,
                    Comparison.NOT_ENOUGH_DATA,
                    base.count(),
                    other.count(),
                    null,
                    "control " + control + ": fewer than " + o.minSamples() + " requests (" + count(ca) + " vs "
                            + count(cb) + ")",
                    measured,
                    null,
                    null);
        }
        double controlRatio = value(metric, cOther) / value(metric, cBase);
        if (!(controlRatio > 0) || Double.isInfinite(controlRatio) || value(metric, base) == 0) {
            return new Delta(
                    kind,
                    metric,
                    run,
                    value(metric, base),
                    value(metric, other),
                    measured,
                    Comparison.NOT_ENOUGH_DATA,
                    base.count(),
                    other.count(),
                    null,
                    "control " + control + ": " + metric
                            + " must be above 0 in both runs, but was " + value(metric, cBase) + " and "
                            + value(metric, cOther)
                            + (value(metric, base) == 0 ? " (and this kind's baseline 0)" : ""),
                    measured,
                    null,
                    null);
        }
        double controlChange = Math.round((controlRatio - 1) * 100 * 100) / 100.0;
        double judged =
                Math.round(((value(metric, other) / value(metric, base)) / controlRatio - 1) * 100 * 100) / 100.0;
        double phi = ClusterCorrection.contrast(a, b, kind, control, metric);
        double[] p = Significance.againstControl(
                a.response().get(kind), b.response().get(kind), ca, cb, percentile, phi, phi);
        String test = String.format(
                        java.util.Locale.ROOT,
                        "%s%s (its %s ratio %.3f)",
                        CONTROL_TEST_PREFIX,
                        control,
                        metric,
                        controlRatio)
                + ClusterCorrection.note(phi, p[1]);
        return with(
                decide(kind, metric, run, base, other, judged, judged, p[0], test, o), measured, controlChange, p[1]);
    }

    /**
     * A verdict on a judged change, with the change as measured (and the control's) beside it, and the factor its
     * test's variance was widened by for clustering (kept when above 1).
     */
    private static Delta with(Delta d, Double measured, Double controlChange, double clustering) {
        return new Delta(
                d.kind(),
                d.metric(),
                d.run(),
                d.baseline(),
                d.value(),
                d.change(),
                d.status(),
                d.baselineCount(),
                d.count(),
                d.pValue(),
                d.test(),
                measured,
                controlChange,
                clustering > 1 ? Math.round(clustering * 100) / 100.0 : null);
    }

    private static long count(Histogram h) {
        return h == null ? 0 : h.getTotalCount();
    }

    private static Delta errorRate(String kind, String run, RequestStats base, RequestStats other, Options o) {
        double change = Math.round((other.errorRate() - base.errorRate()) * 100 * 100) / 100.0;
        if (base.count() < o.minSamples() || other.count() < o.minSamples()) {
            return notEnough(kind, "errorRate", run, base, other, change, o);
        }
        double p = Significance.proportions(base.ko(), base.count(), other.ko(), other.count());
        return decide(kind, "errorRate", run, base, other, change, change, p, FISHER_TEST, o);
    }

    /**
     * Rows/s is requests/s times rows per request. The request count is the throughput verdict's cause, so rows/s is
     * judged only on rows per request: one verdict per cause.
     */
    private static Delta rows(String kind, String run, RequestStats base, RequestStats other, Options o) {
        double change = relative(base.rowsPerSecond(), other.rowsPerSecond());
        if (base.count() < o.minSamples() || other.count() < o.minSamples()) {
            return notEnough(kind, "rowsPerSecond", run, base, other, change, o);
        }
        double perA = base.count() == 0 ? 0 : (double) base.rows() / base.count();
        double perB = other.count() == 0 ? 0 : (double) other.rows() / other.count();
        double perChange = relative(perA, perB);
        double p = Significance.poisson(base.rows(), base.count(), other.rows(), other.count());
        return decide(
                kind,
                "rowsPerSecond",
                run,
                base,
                other,
                change,
                -perChange,
                p,
                ROWS_TEST + String.format(java.util.Locale.ROOT, "; rows/request %+.1f%%", perChange),
                o);
    }

    /**
     * @param worse the change in the bad direction (percent or points) that is held against the threshold
     */
    private static Delta decide(
            String kind,
            String metric,
            String run,
            RequestStats base,
            RequestStats other,
            double change,
            double worse,
            double p,
            String test,
            Options o) {
        double threshold = o.thresholds().of(metric);
        boolean significant = p < o.alpha();
        String status = significant && worse >= threshold
                ? Comparison.REGRESSION
                : significant && worse <= -threshold ? Comparison.IMPROVEMENT : Comparison.NO_SIGNIFICANT_CHANGE;
        return new Delta(
                kind,
                metric,
                run,
                value(metric, base),
                value(metric, other),
                change,
                status,
                base.count(),
                other.count(),
                p,
                test,
                null,
                null,
                null);
    }

    private static Delta notEnough(
            String kind, String metric, String run, RequestStats base, RequestStats other, double change, Options o) {
        return new Delta(
                kind,
                metric,
                run,
                value(metric, base),
                value(metric, other),
                change,
                Comparison.NOT_ENOUGH_DATA,
                base.count(),
                other.count(),
                null,
                "fewer than " + o.minSamples() + " requests (" + base.count() + " vs " + other.count() + ")",
                null,
                null,
                null);
    }

    /** Relative change in percent, rounded to 0.01; 0 when both are 0, +/-100 when only the base is 0. */
    private static double relative(double base, double value) {
        if (base == 0) {
            return value == 0 ? 0 : Math.copySign(100, value);
        }
        return Math.round((value - base) / base * 100 * 100) / 100.0;
    }

    static double value(String metric, RequestStats s) {
        return switch (metric) {
            case "qps" -> s.throughput();
            case "p50" -> s.responseMicros().p50();
            case "p95" -> s.responseMicros().p95();
            case "p99" -> s.responseMicros().p99();
            case "errorRate" -> s.errorRate();
            case "rowsPerSecond" -> s.rowsPerSecond();
            default ->
                throw new IllegalArgumentException(
                        "metric: must be one of " + Comparison.Thresholds.METRICS + ", but was " + metric);
        };
    }
}

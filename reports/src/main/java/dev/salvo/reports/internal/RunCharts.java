package dev.salvo.reports.internal;

import dev.salvo.reports.FindMaxStep;
import dev.salvo.reports.RunResults;
import dev.salvo.reports.RunResults.Latency;
import dev.salvo.reports.RunResults.RequestStats;
import dev.salvo.reports.TimelinePoint;
import dev.salvo.reports.internal.Html.Chart;
import dev.salvo.reports.internal.Html.Series;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The charts of the per-run report (timelines, distribution, hiccups, find-max), also drawn by the compare page. Internal. */
public final class RunCharts {
    /** Percentile labels of the distribution chart, in the order of {@link #percentilePoints}. */
    public static final List<String> PERCENTILES = List.of("min", "p50", "p75", "p90", "p95", "p99", "p99.9", "max");

    private RunCharts() {}

    static List<Chart> charts(RunResults r) {
        long t0 = Instant.parse(r.measurementStartedAt()).toEpochMilli();
        List<Chart> charts = new ArrayList<>();
        charts.add(timeline(
                "chart-qps",
                "Throughput (requests/s)",
                "req/s",
                false,
                r,
                t0,
                List.of(new Metric("", TimelinePoint::throughput, false))));
        charts.add(timeline(
                "chart-latency",
                "Response time p99 (solid) and p50 (dashed), ms",
                "ms",
                true,
                r,
                t0,
                List.of(
                        new Metric(" p99", p -> p.p99Micros() / 1000, false),
                        new Metric(" p50", p -> p.p50Micros() / 1000, true))));
        charts.add(timeline(
                "chart-errors",
                "Errors per interval",
                "errors",
                false,
                r,
                t0,
                List.of(new Metric("", p -> p.ko(), false))));
        List<Series> dist = new ArrayList<>();
        for (RequestStats k : r.kinds()) {
            dist.add(new Series(k.kind(), percentilePoints(k.responseMicros()), false, null));
        }
        charts.add(new Chart(
                "chart-percentiles",
                "Response time distribution (ms, log scale)",
                "percentile",
                "ms",
                true,
                PERCENTILES,
                dist));
        Chart hiccups = GeneratorSection.chart(r, t0);
        if (hiccups != null) {
            charts.add(hiccups);
        }
        if (!r.findMax().isEmpty()) {
            // a closed model's offered load is users, not a rate: only an open model's is drawn on the req/s axis
            boolean open = r.findMax().stream().allMatch(st -> FindMaxStep.PER_SECOND.equals(st.offeredUnit()));
            List<double[]> offered = new ArrayList<>();
            List<double[]> achieved = new ArrayList<>();
            r.findMax().forEach(st -> {
                offered.add(new double[] {st.step(), st.offeredLoad()});
                achieved.add(new double[] {st.step(), st.achievedPerSecond()});
            });
            List<Series> series = new ArrayList<>();
            if (open) {
                series.add(new Series("offered req/s", offered, true, null));
            }
            series.add(new Series("achieved req/s", achieved, false, null));
            charts.add(new Chart(
                    "chart-findmax",
                    open
                            ? "Find-max: offered and achieved rate"
                            : "Find-max: achieved rate per step (offered load in users: see the table)",
                    "step",
                    "req/s",
                    false,
                    null,
                    series));
        }
        return charts;
    }

    /**
     * @param l a distribution
     * @return its points in ms, x = index into {@link #PERCENTILES}
     */
    public static List<double[]> percentilePoints(Latency l) {
        double[] v = {l.min(), l.p50(), l.p75(), l.p90(), l.p95(), l.p99(), l.p999(), l.max()};
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            points.add(new double[] {i, v[i] / 1000});
        }
        return points;
    }

    record Metric(String suffix, ToDoubleFunction<TimelinePoint> value, boolean dashed) {}

    private static Chart timeline(
            String id, String title, String yLabel, boolean logY, RunResults r, long t0, List<Metric> metrics) {
        List<Series> series = new ArrayList<>();
        String[] palette = {
            "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"
        };
        int i = 0;
        for (Map.Entry<String, List<TimelinePoint>> e : r.timelines().entrySet()) {
            String color = palette[i++ % palette.length];
            for (Metric m : metrics) {
                series.add(new Series(e.getKey() + m.suffix(), points(e.getValue(), t0, m.value()), m.dashed(), color));
            }
        }
        return new Chart(id, title, "seconds since measurement start", yLabel, logY, null, series)
                .withBands(FaultSection.bands(r, t0));
    }

    /**
     * @param timeline a kind's timeline
     * @param t0 time zero, ms since the epoch
     * @param value what to plot
     * @return points at each interval's end, x in seconds since {@code t0}
     */
    public static List<double[]> points(List<TimelinePoint> timeline, long t0, ToDoubleFunction<TimelinePoint> value) {
        List<double[]> points = new ArrayList<>();
        for (TimelinePoint p : timeline) {
            points.add(new double[] {Math.round((p.endEpochMillis() - t0) / 100.0) / 10.0, value.applyAsDouble(p)});
        }
        return points;
    }
}

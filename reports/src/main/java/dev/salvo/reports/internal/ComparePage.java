package dev.salvo.reports.internal;

import static dev.salvo.reports.internal.Html.esc;
import static dev.salvo.reports.internal.Html.num;

import dev.salvo.reports.Comparison;
import dev.salvo.reports.Comparison.Delta;
import dev.salvo.reports.RunResults;
import dev.salvo.reports.RunResults.RequestStats;
import dev.salvo.reports.TimelinePoint;
import dev.salvo.reports.internal.Html.Chart;
import dev.salvo.reports.internal.Html.Series;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The comparison page: configuration diff, per-kind deltas with marking, aligned timelines. Internal. */
public final class ComparePage {
    private static final List<String> METRIC_LABELS =
            List.of("req/s", "p50 ms", "p95 ms", "p99 ms", "error rate %", "rows/s");

    private ComparePage() {}

    /**
     * @param c the comparison
     * @param runs the runs' results, in the comparison's order
     * @return the page
     */
    public static String render(Comparison c, List<RunResults> runs) {
        return render(c, runs, null);
    }

    /**
     * @param c the comparison
     * @param runs the runs' results, in the comparison's order
     * @param snowflake each run's Snowflake results (null entries for runs without), or null
     * @return the page
     */
    public static String render(
            Comparison c, List<RunResults> runs, List<dev.salvo.reports.SnowflakeResults> snowflake) {
        List<Chart> charts = charts(c, runs);
        StringBuilder b =
                new StringBuilder("<h1>Comparison of ").append(runs.size()).append(" runs</h1>\n");
        b.append("<div id=\"verdict\" class=\"verdict ")
                .append(c.regression() ? "REGRESSION" : "OK")
                .append("\">")
                .append(
                        c.regression()
                                ? esc(c.regressions().size() + " regression(s): " + String.join("; ", c.regressions()))
                                : "No significant regression beyond the thresholds")
                .append("</div>\n");
        b.append("<table class=\"runs\"><tr><th>run</th><th class=\"l\">directory</th><th class=\"l\">simulation</th>"
                + "<th class=\"l\">started</th><th class=\"l\">SLOs</th></tr>\n");
        for (Comparison.Run r : c.runs()) {
            b.append("<tr><td>")
                    .append(esc(r.label()))
                    .append(r.label().equals("A") ? " (baseline)" : "")
                    .append("</td><td class=\"l\">")
                    .append(esc(r.dir()))
                    .append("</td><td class=\"l\">")
                    .append(esc(r.simulation()))
                    .append("</td><td class=\"l\">")
                    .append(esc(r.startedAt()))
                    .append("</td><td class=\"l\">")
                    .append(esc(r.verdict()))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n<p class=\"meta\">Thresholds: throughput and rows/s drop ")
                .append(pct(c.thresholds().qps()))
                .append(" / ")
                .append(pct(c.thresholds().rowsPerSecond()))
                .append(", p50/p95/p99 rise ")
                .append(pct(c.thresholds().p50()))
                .append(" / ")
                .append(pct(c.thresholds().p95()))
                .append(" / ")
                .append(pct(c.thresholds().p99()))
                .append(", error rate rise ")
                .append(num(c.thresholds().errorRate(), 2))
                .append(" points. A change counts only when it also is statistically significant at level ")
                .append(num(c.alpha(), 3))
                .append(" (two-sided); fewer than ")
                .append(c.minSamples())
                .append(" requests per run is not enough data.</p>\n");
        if (c.control() != null) {
            b.append("<p id=\"control\" class=\"meta\">Control kind <b>")
                    .append(esc(c.control()))
                    .append("</b>: every other"
                            + " kind's p50/p95/p99 change is judged against this kind's change at the same percentile in the same two runs"
                            + " (shown as <i>judged (measured)</i>); a change of the machine between the runs that moves every kind"
                            + " alike cancels. The control's own latencies are not judged (◆).");
            c.controlLines().forEach(line -> b.append("<br>").append(esc(line)));
            b.append("</p>\n");
        }
        if (!c.driftLines().isEmpty()) {
            b.append("<p id=\"drift\" class=\"meta\">Hint (not a verdict):");
            c.driftLines().forEach(line -> b.append("<br>").append(esc(line)));
            b.append("</p>\n");
        }
        b.append("<h2>Per-kind deltas against A</h2>\n").append(deltas(c));
        b.append("<h2>Aligned timelines</h2>\n<div class=\"charts\">");
        charts.forEach(ch -> b.append(Html.placeholder(ch)));
        b.append("</div>\n")
                .append(ServerComparison.render(
                        runs, c.runs().stream().map(r -> r.label()).toList()));
        b.append(SnowflakeComparison.render(
                snowflake, c.runs().stream().map(r -> r.label()).toList()));
        b.append("<h2>Configuration</h2>\n<table class=\"config\"><tr><th class=\"l\">setting</th>");
        c.runs()
                .forEach(
                        r -> b.append("<th class=\"l\">").append(esc(r.label())).append("</th>"));
        b.append("</tr>\n");
        for (Comparison.Setting s : c.config()) {
            b.append(s.differs() ? "<tr class=\"diff\">" : "<tr>")
                    .append("<td class=\"l\">")
                    .append(esc(s.key()))
                    .append("</td>");
            s.values().forEach(v -> b.append("<td class=\"l\">").append(esc(v)).append("</td>"));
            b.append("</tr>\n");
        }
        b.append("</table>\n");
        return Html.page("Salvo · comparison", charts, b.toString());
    }

    private static String pct(double v) {
        return num(v, v == Math.rint(v) ? 0 : 1) + "%";
    }

    private static String deltas(Comparison c) {
        StringBuilder b = new StringBuilder(
                "<table class=\"deltas\"><tr><th class=\"l\">kind</th><th class=\"l\">metric</th>" + "<th>A</th>");
        c.runs().stream()
                .skip(1)
                .forEach(r -> b.append("<th>").append(esc(r.label())).append("</th><th>Δ</th>"));
        b.append("</tr>\n");
        for (String kind : c.kinds()) {
            for (int m = 0; m < Comparison.Thresholds.METRICS.size(); m++) {
                String metric = Comparison.Thresholds.METRICS.get(m);
                List<Delta> row = c.deltas(kind, metric);
                b.append("<tr><td class=\"l\">")
                        .append(esc(kind))
                        .append("</td><td class=\"l\">")
                        .append(METRIC_LABELS.get(m))
                        .append("</td><td>")
                        .append(show(metric, row.get(0).baseline()))
                        .append("</td>");
                for (Delta d : row) {
                    String css = switch (d.status()) {
                        case Comparison.REGRESSION -> " class=\"regression\"";
                        case Comparison.IMPROVEMENT -> " class=\"improvement\"";
                        default -> "";
                    };
                    b.append("<td>")
                            .append(show(metric, d.value()))
                            .append("</td><td")
                            .append(css)
                            .append(" data-status=\"")
                            .append(d.status())
                            .append(d.clustering() == null ? "" : "\" data-clustered=\"" + d.clustering())
                            .append("\" title=\"")
                            .append(esc(title(d)))
                            .append("\">")
                            .append(esc(change(d)))
                            .append("</td>");
                }
                b.append("</tr>\n");
            }
        }
        return b.append("</table>\n").toString();
    }

    /**
     * @param d a delta
     * @return its change with the verdict's marker: {@code ▲} regression, {@code ▼} improvement, {@code ~} no significant
     *     change, {@code ?} not enough data, {@code n/a} not comparable, {@code ◆} the control kind; a change judged
     *     against a control, or a throughput judged on request counts for the same offered load, is followed by the
     *     measured change in parentheses
     */
    public static String change(Delta d) {
        if (Comparison.NOT_COMPARABLE.equals(d.status())) {
            return "n/a";
        }
        String change = String.format(Locale.ROOT, d.metric().equals("errorRate") ? "%+.2f pt" : "%+.1f%%", d.change());
        if (d.measuredChange() != null) {
            change += String.format(Locale.ROOT, " (%+.1f%%)", d.measuredChange());
        }
        return change + " " + marker(d.status());
    }

    /**
     * @param status a verdict
     * @return its marker
     */
    public static String marker(String status) {
        return switch (status) {
            case Comparison.REGRESSION -> "▲";
            case Comparison.IMPROVEMENT -> "▼";
            case Comparison.NOT_ENOUGH_DATA -> "?";
            case Comparison.NOT_COMPARABLE -> "n/a";
            case Comparison.CONTROL -> "◆";
            default -> "~";
        };
    }

    /**
     * @param d a delta
     * @return its verdict, test, p-value (with the factor it was widened by for clustering) and counts, for a tooltip
     */
    public static String title(Delta d) {
        return d.status().toLowerCase(Locale.ROOT).replace('_', ' ') + "; " + d.test() + "; p="
                + Comparison.pValue(d.pValue())
                + (d.clustering() == null ? "" : String.format(Locale.ROOT, ", clustered x%.1f", d.clustering()))
                + "; requests " + d.baselineCount() + " vs " + d.count();
    }

    private static String show(String metric, double v) {
        return switch (metric) {
            case "p50", "p95", "p99" -> Html.ms(v);
            case "errorRate" -> num(v * 100, 3);
            default -> num(v, 1);
        };
    }

    private static List<Chart> charts(Comparison c, List<RunResults> runs) {
        List<Chart> charts = new ArrayList<>();
        int id = 0;
        for (String kind : c.kinds()) {
            charts.add(chart(
                    "cmp-" + id + "-qps",
                    kind + ": throughput (req/s)",
                    "req/s",
                    false,
                    kind,
                    c,
                    runs,
                    TimelinePoint::throughput));
            charts.add(chart(
                    "cmp-" + id + "-p99",
                    kind + ": response time p99 (ms)",
                    "ms",
                    true,
                    kind,
                    c,
                    runs,
                    p -> p.p99Micros() / 1000));
            List<Series> dist = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                RequestStats s = runs.get(i).kind(kind);
                if (s != null) {
                    dist.add(new Series(
                            c.runs().get(i).label(), RunCharts.percentilePoints(s.responseMicros()), false, null));
                }
            }
            charts.add(new Chart(
                    "cmp-" + id + "-dist",
                    kind + ": response time distribution (ms, log scale)",
                    "percentile",
                    "ms",
                    true,
                    RunCharts.PERCENTILES,
                    dist));
            id++;
        }
        return charts;
    }

    private static Chart chart(
            String id,
            String title,
            String yLabel,
            boolean logY,
            String kind,
            Comparison c,
            List<RunResults> runs,
            ToDoubleFunction<TimelinePoint> value) {
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            List<TimelinePoint> timeline = runs.get(i).timelines().get(kind);
            if (timeline != null) {
                long t0 = Instant.parse(runs.get(i).measurementStartedAt()).toEpochMilli();
                series.add(new Series(c.runs().get(i).label(), RunCharts.points(timeline, t0, value), false, null));
            }
        }
        return new Chart(id, title, "seconds since measurement start", yLabel, logY, null, series);
    }
}

package dev.salvo.reports.internal;

import static dev.salvo.reports.internal.Html.esc;
import static dev.salvo.reports.internal.Html.num;

import dev.salvo.reports.Comparison;
import dev.salvo.reports.Trend;
import dev.salvo.reports.internal.Html.Chart;
import dev.salvo.reports.internal.Html.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The trend page: per kind, p50/p95/p99, throughput and error rate over up to 10 runs, each point marked when it is a
 * significant change against the run before ({@code ▲} regression, {@code ▼} improvement). Internal.
 */
public final class TrendPage {
    private static final List<String> LABELS = List.of("p50 ms", "p95 ms", "p99 ms", "req/s", "error rate %");

    private TrendPage() {}

    /**
     * @param t the trend
     * @return the page
     */
    public static String render(Trend t) {
        List<String> categories = t.runs().stream()
                .map(r -> "#" + r.label() + " " + shortTime(r.startedAt()))
                .toList();
        List<Chart> charts = new ArrayList<>();
        StringBuilder b = new StringBuilder("<h1>Trend of ")
                .append(esc(t.simulation()))
                .append(": ")
                .append(t.runs().size())
                .append(" run(s)</h1>\n");
        b.append("<p class=\"meta\">Each run is compared with the one before it: ▲ a regression, ▼ an improvement (the"
                        + " change crossed its threshold and is significant at level ")
                .append(num(t.alpha(), 3))
                .append(", two-sided), ~ no significant change, ? fewer than ")
                .append(t.minSamples())
                .append(" requests.")
                .append(t.skipped() > 0 ? " The " + t.skipped() + " oldest run(s) given are not shown." : "")
                .append(
                        t.control() == null
                                ? ""
                                : " Control kind <b>" + esc(t.control()) + "</b>: every other kind's"
                                        + " p50/p95/p99 change is judged against its change between the same two runs; its own latencies are not"
                                        + " judged (◆).")
                .append("</p>\n");
        b.append("<table class=\"runs\"><tr><th>run</th><th class=\"l\">started</th><th class=\"l\">directory</th>"
                + "<th class=\"l\">SLOs</th></tr>\n");
        for (Comparison.Run r : t.runs()) {
            b.append("<tr><td>#")
                    .append(esc(r.label()))
                    .append("</td><td class=\"l\">")
                    .append(esc(r.startedAt()))
                    .append("</td><td class=\"l\">")
                    .append(esc(r.dir()))
                    .append("</td><td class=\"l\">")
                    .append(esc(r.verdict()))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
        List<String> kinds =
                t.series().stream().map(Trend.Series::kind).distinct().toList();
        int id = 0;
        for (String kind : kinds) {
            b.append("<h2>").append(esc(kind)).append("</h2>\n<div class=\"charts\">");
            Chart latency = new Chart(
                    "trend-" + id + "-latency",
                    kind + ": response time (ms, log scale)",
                    "run",
                    "ms",
                    true,
                    categories,
                    List.of(series(t, kind, "p50", 1000), series(t, kind, "p95", 1000), series(t, kind, "p99", 1000)));
            Chart qps = new Chart(
                    "trend-" + id + "-qps",
                    kind + ": throughput (req/s)",
                    "run",
                    "req/s",
                    false,
                    categories,
                    List.of(series(t, kind, "qps", 1)));
            Chart errors = new Chart(
                    "trend-" + id + "-errors",
                    kind + ": error rate (%)",
                    "run",
                    "%",
                    false,
                    categories,
                    List.of(series(t, kind, "errorRate", 0.01)));
            for (Chart c : List.of(latency, qps, errors)) {
                charts.add(c);
                b.append(Html.placeholder(c));
            }
            b.append("</div>\n").append(table(t, kind));
            id++;
        }
        return Html.page("Salvo · trend of " + t.simulation(), charts, b.toString());
    }

    private static Series series(Trend t, String kind, String metric, double divisor) {
        Trend.Series s = t.series(kind, metric);
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < s.values().size(); i++) {
            Double v = s.values().get(i);
            if (v != null) {
                String status = s.statuses().get(i);
                double mark = Comparison.REGRESSION.equals(status) ? 1 : Comparison.IMPROVEMENT.equals(status) ? -1 : 0;
                points.add(new double[] {i, v / divisor, mark});
            }
        }
        return new Series(metric.equals("errorRate") ? "error rate" : metric, points, false, null);
    }

    private static String table(Trend t, String kind) {
        StringBuilder b = new StringBuilder("<table class=\"deltas trend\"><tr><th class=\"l\">metric</th>");
        t.runs().forEach(r -> b.append("<th>#").append(esc(r.label())).append("</th>"));
        b.append("</tr>\n");
        for (int m = 0; m < Trend.METRICS.size(); m++) {
            Trend.Series s = t.series(kind, Trend.METRICS.get(m));
            b.append("<tr><td class=\"l\">").append(LABELS.get(m)).append("</td>");
            for (int i = 0; i < s.values().size(); i++) {
                Double v = s.values().get(i);
                String status = s.statuses().get(i);
                String css = Comparison.REGRESSION.equals(status)
                        ? " class=\"regression\""
                        : Comparison.IMPROVEMENT.equals(status) ? " class=\"improvement\"" : "";
                b.append("<td")
                        .append(css)
                        .append(
                                status == null
                                        ? ""
                                        : " data-status=\"" + status + "\" title=\""
                                                + esc(status.toLowerCase(Locale.ROOT)
                                                                .replace('_', ' ') + " against #"
                                                        + t.runs().get(i - 1).label() + "; p="
                                                        + Comparison.pValue(
                                                                s.pValues().get(i)))
                                                + "\"")
                        .append(">")
                        .append(v == null ? "–" : esc(show(s.metric(), v)))
                        .append(status == null ? "" : " " + ComparePage.marker(status))
                        .append("</td>");
            }
            b.append("</tr>\n");
        }
        return b.append("</table>\n").toString();
    }

    private static String show(String metric, double v) {
        return switch (metric) {
            case "p50", "p95", "p99" -> Html.ms(v);
            case "errorRate" -> num(v * 100, 3);
            default -> num(v, 1);
        };
    }

    private static String shortTime(String iso) {
        // 2026-12-01T18:59:55.936Z -> 12-01 18:59
        return iso != null && iso.length() >= 16
                ? iso.substring(5, 10) + " " + iso.substring(11, 16)
                : String.valueOf(iso);
    }
}

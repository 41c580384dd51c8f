package dev.salvo.reports.internal;

import static dev.salvo.reports.internal.Html.esc;
import static dev.salvo.reports.internal.Html.ms;
import static dev.salvo.reports.internal.Html.num;

import dev.salvo.reports.RunResults;
import dev.salvo.reports.ServerResults;
import dev.salvo.reports.ServerResults.RequestServer;
import dev.salvo.reports.ServerResults.RequestStatement;
import dev.salvo.reports.ServerResults.Statement;
import dev.salvo.reports.internal.Html.Chart;
import dev.salvo.reports.internal.Html.Series;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The run report's "Server" section: client vs server latency per request (and per statement of a transaction, the
 * slowest flagged), cache hit ratio, I/O and WAL, active sessions by wait class over time, the busiest statements,
 * outliers with their parameters and plans, and errors with their parameters. Internal.
 */
public final class ServerSection {
    /** The wait-class chart's element id. */
    public static final String WAIT_CHART = "chart-waits";
    /** Outliers per request shown in the report (all are in results.json). */
    static final int OUTLIERS_SHOWN = 5;

    private ServerSection() {}

    /**
     * @param r the run
     * @return the section's charts (the wait-class chart when sessions were sampled)
     */
    public static List<Chart> charts(RunResults r) {
        ServerResults s = r.server();
        if (s == null || s.waits() == null || s.waits().intervals().isEmpty()) {
            return List.of();
        }
        long t0 = Instant.parse(r.measurementStartedAt()).toEpochMilli();
        TreeSet<String> classes = new TreeSet<>();
        s.waits().intervals().forEach(i -> classes.addAll(i.activeSessions().keySet()));
        List<Series> series = new ArrayList<>();
        for (String c : classes) {
            List<double[]> points = new ArrayList<>();
            s.waits()
                    .intervals()
                    .forEach(i -> points.add(new double[] {
                        Math.round((i.endEpochMillis() - t0) / 100.0) / 10.0,
                        i.activeSessions().getOrDefault(c, 0.0)
                    }));
            series.add(new Series(c, points, false, color(c)));
        }
        return List.of(new Chart(
                WAIT_CHART,
                "Active sessions by wait class (average per interval)",
                "seconds since measurement start",
                "sessions",
                false,
                null,
                series,
                true));
    }

    /** Colours DBAs know from Performance Insights: CPU green, I/O blue, locks red. */
    private static String color(String waitClass) {
        return switch (waitClass) {
            case "CPU" -> "#2ca02c";
            case "IO" -> "#1f77b4";
            case "Lock" -> "#d62728";
            case "LWLock" -> "#ff7f0e";
            case "IPC" -> "#9467bd";
            case "Client" -> "#8c564b";
            case "Timeout" -> "#7f7f7f";
            case "BufferPin" -> "#e377c2";
            default -> "#17becf";
        };
    }

    /**
     * @param r the run
     * @param charts the section's charts, from {@link #charts}
     * @return the section's HTML, empty when the run has no server section
     */
    public static String render(RunResults r, List<Chart> charts) {
        ServerResults s = r.server();
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder("<h2 id=\"server\">Server</h2>\n<div class=\"meta\">")
                .append(esc(s.server()))
                .append(" · counters from ")
                .append(esc(s.from()))
                .append(" to ")
                .append(esc(s.to()))
                .append(" (")
                .append(num(s.seconds(), 1))
                .append(" s, never reset)</div>\n");
        if (!s.unavailable().isEmpty() || !s.warnings().isEmpty()) {
            b.append("<ul class=\"server-notes\">");
            s.warnings()
                    .forEach(w ->
                            b.append("<li class=\"warning\">").append(esc(w)).append("</li>"));
            s.unavailable().forEach(u -> b.append("<li>").append(esc(u)).append("</li>"));
            b.append("</ul>\n");
        }
        b.append("<h3>Client vs server, per request</h3>\n").append(requests(r, s));
        b.append("<h3>Database</h3>\n").append(ServerTables.database(s));
        if (!charts.isEmpty()) {
            b.append("<div class=\"charts\">");
            charts.forEach(c -> b.append(Html.placeholder(c)));
            b.append("</div>\n");
        }
        if (s.waits() != null) {
            b.append(ServerTables.waits(s.waits()));
        }
        if (!s.statements().isEmpty()) {
            b.append("<h3>Busiest statements of the window</h3>\n").append(ServerTables.statements(s.statements()));
        }
        b.append(ServerTables.outliers(s, OUTLIERS_SHOWN));
        if (!s.settings().isEmpty()) {
            b.append(
                    "<h3>Server settings</h3>\n<table class=\"config\" id=\"server-settings\"><tr><th class=\"l\">setting"
                            + "</th><th class=\"l\">value</th></tr>\n");
            s.settings()
                    .forEach((k, v) -> b.append("<tr><td class=\"l\">")
                            .append(esc(k))
                            .append("</td><td class=\"l\">")
                            .append(esc(v))
                            .append("</td></tr>\n"));
            b.append("</table>\n");
        }
        return b.toString();
    }

    private static String requests(RunResults r, ServerResults s) {
        StringBuilder b = new StringBuilder("<div class=\"scroll\"><table class=\"stats\" id=\"server-requests\"><tr>"
                + "<th class=\"l\">request / statement</th><th>OK</th><th>server calls</th><th>client service mean ms</th>"
                + "<th>server mean ms</th><th>client − server ms</th><th>server stddev ms</th><th>cache hit</th>"
                + "<th>blocks read</th><th>read ms</th><th>temp blocks</th><th>WAL bytes</th><th class=\"l\">joined by</th>"
                + "</tr>\n");
        for (Map.Entry<String, RequestServer> e : s.requests().entrySet()) {
            RequestServer q = e.getValue();
            b.append("<tr class=\"request\"><td class=\"l\"><b>")
                    .append(esc(e.getKey()))
                    .append("</b></td>")
                    .append(td(num(q.ok(), 0)))
                    .append(td(q.serverCalls() == null ? "–" : num(q.serverCalls(), 0)))
                    .append(td(q.clientServiceMeanMicros() == null ? "–" : ms(q.clientServiceMeanMicros())))
                    .append(td(q.serverMeanMicros() == null ? "–" : ms(q.serverMeanMicros())))
                    .append(td(q.clientOverheadMicros() == null ? "–" : ms(q.clientOverheadMicros())))
                    .append("<td></td><td></td><td></td><td></td><td></td><td></td><td></td></tr>\n");
            int slowest = slowest(q.statements());
            for (int i = 0; i < q.statements().size(); i++) {
                RequestStatement st = q.statements().get(i);
                Statement v = st.server();
                boolean flag = i == slowest && q.statements().size() > 1;
                b.append("<tr class=\"statement")
                        .append(flag ? " slowest" : "")
                        .append("\"><td class=\"l sql\">")
                        .append(
                                flag
                                        ? "<span class=\"flag\" title=\"most server time of this request\">slowest</span> "
                                        : "")
                        .append(esc(st.sql()))
                        .append("</td><td></td>");
                if (v == null) {
                    b.append(td("–"))
                            .append("<td></td>")
                            .append(td("–"))
                            .append("<td></td>")
                            .append(td("–"))
                            .append("<td></td><td></td><td></td><td></td><td></td><td class=\"l\">")
                            .append(esc(st.problem()))
                            .append("</td></tr>\n");
                    continue;
                }
                b.append(td(num(v.calls(), 0)))
                        .append("<td></td>")
                        .append(td(num(v.meanExecMillis(), 3)))
                        .append("<td></td>")
                        .append(td(num(v.stddevExecMillis(), 3)))
                        .append(td(v.cacheHitRatio() == null ? "–" : num(v.cacheHitRatio() * 100, 2) + " %"))
                        .append(td(num(v.sharedBlocksRead(), 0)))
                        .append(td(num(v.blockReadMillis(), 1)))
                        .append(td(num(v.tempBlocksRead() + v.tempBlocksWritten(), 0)))
                        .append(td(num(v.walBytes(), 0)))
                        .append("<td class=\"l\">")
                        .append(esc(st.matchedBy()))
                        .append(
                                st.sharedWith().isEmpty()
                                        ? ""
                                        : " · shared with " + esc(String.join(", ", st.sharedWith())))
                        .append(v.complete() ? "" : " · incomplete")
                        .append("</td></tr>\n");
            }
        }
        return b.append("</table></div>\n").toString();
    }

    /** @return the index of the statement with the most mean server time, -1 when none was joined */
    static int slowest(List<RequestStatement> statements) {
        int best = -1;
        double most = -1;
        for (int i = 0; i < statements.size(); i++) {
            Statement v = statements.get(i).server();
            if (v != null && v.meanExecMillis() + v.totalPlanMillis() / Math.max(1, v.calls()) > most) {
                most = v.meanExecMillis() + v.totalPlanMillis() / Math.max(1, v.calls());
                best = i;
            }
        }
        return best;
    }

    static String td(String text) {
        return "<td>" + text + "</td>";
    }
}

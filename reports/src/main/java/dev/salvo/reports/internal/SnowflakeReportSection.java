package dev.salvo.reports.internal;

import static dev.salvo.reports.internal.Html.esc;
import static dev.salvo.reports.internal.Html.ms;
import static dev.salvo.reports.internal.Html.num;

import dev.salvo.reports.RunResults;
import dev.salvo.reports.SnowflakeResults;
import dev.salvo.reports.internal.Html.Chart;
import dev.salvo.reports.internal.Html.Series;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The run report's "Snowflake" section: Snowflake's own times per request beside Salvo's, the estimated cost and the
 * warehouse load, from {@link SnowflakeResults}. Internal.
 */
final class SnowflakeReportSection {
    /** Id of the warehouse load chart. */
    static final String CHART_ID = "chart-snowflake-warehouse";

    private SnowflakeReportSection() {}

    /**
     * @param s the run's Snowflake results, or null
     * @param r the run
     * @return the warehouse load chart (running and queued queries, started clusters), empty without samples
     */
    static List<Chart> charts(SnowflakeResults s, RunResults r) {
        if (s == null || s.warehouse().isEmpty()) {
            return List.of();
        }
        long t0 = r.measurementStartedAt() == null
                ? s.warehouse().get(0).epochMillis()
                : Instant.parse(r.measurementStartedAt()).toEpochMilli();
        List<double[]> running = new ArrayList<>();
        List<double[]> queued = new ArrayList<>();
        List<double[]> clusters = new ArrayList<>();
        for (SnowflakeResults.Warehouse w : s.warehouse()) {
            double x = Math.round((w.epochMillis() - t0) / 100.0) / 10.0;
            running.add(new double[] {x, w.running()});
            queued.add(new double[] {x, w.queued()});
            clusters.add(new double[] {x, w.startedClusters()});
        }
        return List.of(new Chart(
                CHART_ID,
                "Warehouse load (SHOW WAREHOUSES samples)",
                "seconds since measurement start",
                "queries / clusters",
                false,
                null,
                List.of(
                        new Series("running queries", running, false, "#2ca02c"),
                        new Series("queued queries", queued, false, "#d62728"),
                        new Series("started clusters", clusters, true, "#1f77b4"))));
    }

    /** Id of the warehouse load history chart (in the report's timelines). */
    static final String LOAD_CHART_ID = "chart-snowflake-load";

    /**
     * @param s the run's Snowflake results, or null
     * @param r the run
     * @return the WAREHOUSE_LOAD_HISTORY chart (average running, queued and blocked queries per interval, plotted at
     *     each interval's end), empty when the run has no load history
     */
    static List<Chart> loadCharts(SnowflakeResults s, RunResults r) {
        if (s == null || s.warehouseLoad().isEmpty()) {
            return List.of();
        }
        long t0 = r.measurementStartedAt() == null
                ? s.warehouseLoad().get(0).startMillis()
                : Instant.parse(r.measurementStartedAt()).toEpochMilli();
        List<double[]> running = new ArrayList<>();
        List<double[]> overload = new ArrayList<>();
        List<double[]> provisioning = new ArrayList<>();
        List<double[]> blocked = new ArrayList<>();
        for (SnowflakeResults.Load l : s.warehouseLoad()) {
            double x = Math.round((l.endMillis() - t0) / 100.0) / 10.0;
            running.add(new double[] {x, l.avgRunning()});
            overload.add(new double[] {x, l.avgQueuedLoad()});
            provisioning.add(new double[] {x, l.avgQueuedProvisioning()});
            blocked.add(new double[] {x, l.avgBlocked()});
        }
        return List.of(new Chart(
                LOAD_CHART_ID,
                "Snowflake warehouse load" + (s.warehouseName() == null ? "" : " " + s.warehouseName())
                        + " (WAREHOUSE_LOAD_HISTORY, average queries)",
                "seconds since measurement start",
                "queries",
                false,
                null,
                List.of(
                        new Series("running", running, false, "#2ca02c"),
                        new Series("queued (overload)", overload, false, "#d62728"),
                        new Series("queued (provisioning)", provisioning, true, "#ff7f0e"),
                        new Series("blocked", blocked, true, "#9467bd"))));
    }

    /**
     * @param s the run's Snowflake results, or null
     * @param r the run
     * @param charts {@link #charts}
     * @return the section, empty when the run has no Snowflake results
     */
    static String render(SnowflakeResults s, RunResults r, List<Chart> charts) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(
                        "<section id=\"snowflake\"><h2>Snowflake</h2>\n<p class=\"note\">Server-side"
                                + " times from Snowflake's query history (INFORMATION_SCHEMA.QUERY_HISTORY_BY_USER) for the run's QUERY_TAG,"
                                + " joined per request; client times are Salvo's. Result cache: ")
                .append(esc(s.resultCache() == null ? "not recorded" : s.resultCache()))
                .append(".</p>\n");
        if (!s.workers().isEmpty()) {
            b.append("<p class=\"note\" id=\"snowflake-workers\">Merged from ")
                    .append(s.workers().size())
                    .append(" workers' snowflake.json (")
                    .append(esc(String.join(
                            ", ",
                            s.workers().stream()
                                    .map(w -> "worker " + w.worker() + ": " + w.warehouseName())
                                    .toList())))
                    .append(
                            "). Snowflake's counts and times are summed or query-weighted over the workers; its p50/p95 is the"
                                    + " largest worker's (an upper bound). Each worker's own numbers are kept in snowflake.json.</p>\n");
        }
        if (s.historyTruncated()) {
            b.append("<div class=\"verdict WARN\" id=\"snowflake-truncated\">The query history held more queries than"
                    + " could be read: some of the run's queries are missing from the numbers below.</div>\n");
        }
        b.append(
                "<div class=\"scroll\"><table class=\"stats\" id=\"snowflake-requests\"><tr><th class=\"l\">request</th>"
                        + "<th class=\"l\">kind</th><th>Salvo requests</th><th>Snowflake queries</th><th>failed</th>"
                        + "<th>Salvo p50 ms</th><th>Snowflake p50 ms</th><th>Salvo p95 ms</th><th>Snowflake p95 ms</th>"
                        + "<th>compilation ms</th><th>queued provisioning ms</th><th>queued overload ms</th><th>blocked ms</th>"
                        + "<th>execution ms</th><th>result reuse % (est.)</th><th>scanned from cache %</th><th>spilled MB</th></tr>\n");
        for (SnowflakeResults.Request q : s.requests()) {
            SnowflakeResults.Server h = q.snowflake();
            RunResults.RequestStats c = r.requests().stream()
                    .filter(x -> x.name().equals(q.request()))
                    .findFirst()
                    .orElse(null);
            b.append("<tr><td class=\"l name\">")
                    .append(esc(q.request()))
                    .append("</td><td class=\"l\">")
                    .append(c == null ? "" : esc(c.kind()))
                    .append("</td>")
                    .append(td(q.clientCount() == null ? "" : num(q.clientCount(), 0)))
                    .append(td(h == null ? "" : num(h.queries(), 0)))
                    .append(td(h == null ? "" : num(h.failed(), 0)))
                    .append(td(q.clientP50Micros() == null ? "" : ms(q.clientP50Micros())))
                    .append(td(h == null ? "" : num(h.elapsedP50Millis(), 0)))
                    .append(td(q.clientP95Micros() == null ? "" : ms(q.clientP95Micros())))
                    .append(td(h == null ? "" : num(h.elapsedP95Millis(), 0)));
            if (h == null) {
                b.append("<td></td>".repeat(8));
            } else {
                b.append(td(num(h.meanCompilationMillis(), 1)))
                        .append(td(num(h.meanQueuedProvisioningMillis(), 1)))
                        .append(td(num(h.meanQueuedOverloadMillis(), 1)))
                        .append(td(num(h.meanBlockedMillis(), 1)))
                        .append(td(num(h.meanExecutionMillis(), 1)))
                        .append(td(h.queries() == 0 ? "" : num(100.0 * h.resultReused() / h.queries(), 1)))
                        .append(td(h.scannedFromCache() == null ? "" : num(h.scannedFromCache() * 100, 1)))
                        .append(td(
                                h.bytesSpilledLocal() == null && h.bytesSpilledRemote() == null
                                        ? ""
                                        : num((nz(h.bytesSpilledLocal()) + nz(h.bytesSpilledRemote())) / 1e6, 1)));
            }
            b.append("</tr>\n");
        }
        b.append(
                "</table></div>\n<p class=\"note\">Times per query in ms, means unless marked p50/p95; Snowflake reports"
                        + " whole milliseconds. The gap between Salvo's and Snowflake's time is network, driver and result fetch."
                        + " Result reuse is an estimate (a successful SELECT with zero execution time and zero bytes scanned).</p>\n");
        b.append(cost(s.cost()));
        b.append(warehouse(s, charts));
        if (!s.warehouseLoad().isEmpty()) {
            b.append("<p class=\"note\" id=\"snowflake-load\">Snowflake's own warehouse load (WAREHOUSE_LOAD_HISTORY, ")
                    .append(s.warehouseLoad().size())
                    .append(" intervals, read after the run) is drawn with the timelines" + " above.</p>\n");
        }
        if (!s.estimates().isEmpty()) {
            b.append("<p class=\"note\" id=\"snowflake-estimates\">Estimates: ");
            b.append(esc(String.join("; ", s.estimates()))).append(".</p>\n");
        }
        return b.append("</section>\n").toString();
    }

    private static String cost(SnowflakeResults.Cost c) {
        if (c == null) {
            return "<p class=\"note\" id=\"snowflake-cost\">No cost estimate: the warehouse was not polled (set"
                    + " salvo.warehouse) or its type has no documented rate.</p>\n";
        }
        StringBuilder b = new StringBuilder("<h3>Cost (estimate)</h3>\n<table class=\"stats\" id=\"snowflake-cost\">"
                + "<tr><th class=\"l\">estimate</th><th>value</th></tr>\n");
        row(b, "credits per hour per cluster (documented rate)", num(c.creditsPerHour(), 2));
        row(b, "billed cluster-seconds (60 s minimum per start)", num(c.billedClusterSeconds(), 0));
        row(b, "credits", num(c.credits(), 4));
        row(
                b,
                "price",
                c.price() == null
                        ? "no price per credit given"
                        : num(c.price(), 4) + " (at " + num(c.pricePerCredit(), 2) + " per credit)");
        row(b, "credits per 1,000 queries", c.creditsPer1000Queries() == null ? "" : num(c.creditsPer1000Queries(), 6));
        row(b, "price per 1,000 queries", c.pricePer1000Queries() == null ? "" : num(c.pricePer1000Queries(), 6));
        row(b, "queries/s per credit", c.qpsPerCredit() == null ? "" : num(c.qpsPerCredit(), 1));
        if (c.creditsByKind() != null) {
            for (Map.Entry<String, Double> e : c.creditsByKind().entrySet()) {
                row(b, "credits of " + e.getKey() + " (by execution time)", num(e.getValue(), 4));
            }
        }
        return b.append("</table>\n").toString();
    }

    private static String warehouse(SnowflakeResults s, List<Chart> charts) {
        if (s.warehouse().isEmpty()) {
            return "<p class=\"note\" id=\"snowflake-warehouse\">No warehouse samples.</p>\n";
        }
        int maxRunning = 0;
        int maxQueued = 0;
        int maxClusters = 0;
        for (SnowflakeResults.Warehouse w : s.warehouse()) {
            maxRunning = Math.max(maxRunning, w.running());
            maxQueued = Math.max(maxQueued, w.queued());
            maxClusters = Math.max(maxClusters, w.startedClusters());
        }
        SnowflakeResults.Warehouse first = s.warehouse().get(0);
        StringBuilder b = new StringBuilder("<h3>Warehouse load</h3>\n<p class=\"meta\" id=\"snowflake-warehouse\">")
                .append(esc(first.size()))
                .append(' ')
                .append(esc(first.type()))
                .append(" · ")
                .append(s.warehouse().size())
                .append(" samples · most started clusters ")
                .append(maxClusters)
                .append(" · most running queries ")
                .append(maxRunning)
                .append(" · most queued queries ")
                .append(maxQueued)
                .append("</p>\n<div class=\"charts\">");
        charts.forEach(c -> b.append(Html.placeholder(c)));
        return b.append("</div>\n").toString();
    }

    private static void row(StringBuilder b, String label, String value) {
        b.append("<tr><td class=\"l\">")
                .append(esc(label))
                .append("</td>")
                .append(td(value))
                .append("</tr>\n");
    }

    private static long nz(Long v) {
        return v == null ? 0 : v;
    }

    private static String td(String v) {
        return "<td>" + v + "</td>";
    }
}

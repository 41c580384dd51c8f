package dev.salvo.reports.internal;

import static dev.salvo.reports.internal.Html.esc;
import static dev.salvo.reports.internal.Html.num;

import dev.salvo.reports.FaultResults;
import dev.salvo.reports.RunResults;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The report's outages: a shaded band on each timeline and a table; the drain's cancelled statements. */
public final class FaultSection {
    private FaultSection() {}

    /**
     * @param r a run
     * @param t0 the timelines' time zero, ms since the epoch
     * @return each outage as {@code [from, to]} in seconds since {@code t0}; empty when there was none
     */
    public static List<double[]> bands(RunResults r, long t0) {
        List<double[]> bands = new ArrayList<>();
        if (r.faults() != null) {
            r.faults()
                    .outages()
                    .forEach(o -> bands.add(
                            new double[] {(o.fromEpochMillis() - t0) / 1000.0, (o.toEpochMillis() - t0) / 1000.0}));
        }
        return bands;
    }

    /**
     * @param r a run
     * @return the outages table and the drain's line, or nothing when the run had neither
     */
    public static String render(RunResults r) {
        FaultResults f = r.faults();
        if (f == null
                || f.outages().isEmpty() && (f.drain() == null || f.drain().cancelled() == 0)) {
            return "";
        }
        StringBuilder b = new StringBuilder("<h2 id=\"outages\">Outages</h2>\n");
        boolean merged = r.environment() != null
                && r.environment().mergedFrom() != null
                && !r.environment().mergedFrom().isEmpty();
        if (!f.outages().isEmpty()) {
            b.append("<p class=\"note\">The database could not be reached (no connection for more than ")
                    .append(num(f.unreachableAfterMillis(), 0))
                    .append(" ms); shaded on the timelines.")
                    .append(f.failFast() ? " Fail-fast was on: requests failed at once during an outage." : "")
                    .append(
                            merged
                                    ? " Merged run: each worker's outages, tagged with the worker that saw them (an outage of the"
                                            + " database is usually seen by every worker)."
                                    : "")
                    .append("</p>\n<table class=\"outages\"><tr>")
                    .append(merged ? "<th>worker</th>" : "")
                    .append(
                            "<th class=\"l\">from</th><th class=\"l\">to</th><th>seconds</th>"
                                    + "<th>failed requests</th><th class=\"l\">failed by kind</th><th class=\"l\">cause</th></tr>\n");
            for (FaultResults.Outage o : f.outages()) {
                b.append("<tr>")
                        .append(merged ? "<td>" + (o.worker() == null ? "" : o.worker()) + "</td>" : "")
                        .append("<td class=\"l\">")
                        .append(esc(Instant.ofEpochMilli(o.fromEpochMillis())))
                        .append("</td><td class=\"l\">")
                        .append(
                                o.ongoing()
                                        ? "run end (still unreachable)"
                                        : esc(Instant.ofEpochMilli(o.toEpochMillis())))
                        .append("</td><td>")
                        .append(num(o.seconds(), 3))
                        .append("</td><td>")
                        .append(o.failedRequests())
                        .append("</td><td class=\"l\">")
                        .append(esc(o.failedByKind().toString()))
                        .append("</td><td class=\"l\">")
                        .append(esc(o.cause()))
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        if (f.drain() != null && f.drain().cancelled() > 0) {
            b.append("<p class=\"note\" id=\"drain-cancelled\">")
                    .append(f.drain().cancelled())
                    .append(" statement(s) still running at the drain timeout (")
                    .append(f.drain().timeoutMillis())
                    .append(" ms) were cancelled on the server")
                    .append(merged ? " (all workers together)" : "")
                    .append("; the ")
                    .append(merged ? "longest worker's " : "")
                    .append("drain took ")
                    .append(f.drain().tookMillis())
                    .append(" ms.</p>\n");
        }
        return b.toString();
    }
}

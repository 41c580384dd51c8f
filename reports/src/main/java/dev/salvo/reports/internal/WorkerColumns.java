package dev.salvo.reports.internal;

import static dev.salvo.reports.internal.Html.esc;
import static dev.salvo.reports.internal.Html.num;

import dev.salvo.reports.RunResults;
import dev.salvo.reports.RunResults.RequestStats;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A merged run's per-worker columns: per query kind, requests, req/s, p50 and p99 of all workers together, then of
 * each worker, so that skew between load generators shows at a glance. The workers' numbers are the merge's
 * {@code worker.<index>.<KIND>} settings ({@link #line}); runs that were not merged show nothing. Internal.
 */
public final class WorkerColumns {
    private static final Pattern KEY = Pattern.compile("worker\\.(\\d+)\\.([A-Z_]+)");
    private static final Pattern VALUE =
            Pattern.compile("(\\d+) requests, ([0-9.]+) req/s, p50 ([0-9.]+) ms, p99 ([0-9.]+) ms");

    private WorkerColumns() {}

    /**
     * @param kind one worker's numbers for a query kind
     * @return the setting's value the merge records and {@link #render} reads back
     */
    public static String line(RequestStats kind) {
        return String.format(
                Locale.ROOT,
                "%d requests, %.1f req/s, p50 %.3f ms, p99 %.3f ms",
                kind.count(),
                kind.throughput(),
                kind.responseMicros().p50() / 1000,
                kind.responseMicros().p99() / 1000);
    }

    /**
     * @param r a run
     * @return the "Per worker" section of a merged run, or nothing
     */
    public static String render(RunResults r) {
        Map<String, Map<Integer, String[]>> byKind = new TreeMap<>();
        TreeSet<Integer> workers = new TreeSet<>();
        r.config().forEach((key, value) -> {
            Matcher k = KEY.matcher(key);
            Matcher v = VALUE.matcher(value);
            if (k.matches() && v.matches()) {
                int worker = Integer.parseInt(k.group(1));
                workers.add(worker);
                byKind.computeIfAbsent(k.group(2), x -> new TreeMap<>())
                        .put(worker, new String[] {v.group(1), v.group(2), v.group(3), v.group(4)});
            }
        });
        if (workers.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(
                        "<h2>Per worker</h2>\n<div class=\"scroll\"><table class=\"stats\" id=\"workers\">"
                                + "<tr><th class=\"l\" rowspan=\"2\">kind</th><th colspan=\"4\">all ")
                .append(workers.size())
                .append(" workers</th>");
        workers.forEach(w -> b.append("<th colspan=\"4\">worker ").append(w).append("</th>"));
        b.append("</tr>\n<tr>");
        for (int i = 0; i <= workers.size(); i++) {
            b.append("<th>requests</th><th>req/s</th><th>p50 ms</th><th>p99 ms</th>");
        }
        b.append("</tr>\n");
        for (RequestStats kind : r.kinds()) {
            b.append("<tr><td class=\"l name\">")
                    .append(esc(kind.kind()))
                    .append("</td>")
                    .append(td(num(kind.count(), 0)))
                    .append(td(num(kind.throughput(), 1)))
                    .append(td(Html.ms(kind.responseMicros().p50())))
                    .append(td(Html.ms(kind.responseMicros().p99())));
            Map<Integer, String[]> perWorker = byKind.getOrDefault(kind.kind(), Map.of());
            for (int w : workers) {
                String[] n = perWorker.get(w);
                if (n == null) {
                    b.append("<td>-</td><td>-</td><td>-</td><td>-</td>");
                } else {
                    b.append(td(num(Long.parseLong(n[0]), 0)))
                            .append(td(n[1]))
                            .append(td(n[2]))
                            .append(td(n[3]));
                }
            }
            b.append("</tr>\n");
        }
        return b.append("</table></div>\n<p class=\"note\">Each worker's numbers are over its own measured window;"
                        + " the totals are the merged histograms (not an average of the workers' percentiles).</p>\n")
                .toString();
    }

    private static String td(String text) {
        return "<td>" + esc(text) + "</td>";
    }
}

package dev.salvo.reports.internal;

import static dev.salvo.reports.internal.Html.esc;
import static dev.salvo.reports.internal.Html.num;

import dev.salvo.reports.RunResults;
import dev.salvo.reports.ServerResults;
import dev.salvo.reports.ServerResults.RequestServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/** The comparison page's server metrics, run beside run (no thresholds: they explain, the deltas judge). Internal. */
public final class ServerComparison {
    private ServerComparison() {}

    /**
     * @param runs the compared runs, baseline first
     * @param labels their labels (A, B, ...)
     * @return the section, empty when no run has server statistics
     */
    public static String render(List<RunResults> runs, List<String> labels) {
        if (runs.stream().allMatch(r -> r.server() == null)) {
            return "";
        }
        Map<String, List<String>> rows = new LinkedHashMap<>();
        add(rows, runs, "server", s -> esc(s.server()));
        add(rows, runs, "commits/s", s -> rate(s, s.database().get("xactCommit")));
        add(rows, runs, "rollbacks/s", s -> rate(s, s.database().get("xactRollback")));
        add(
                rows,
                runs,
                "cache hit ratio",
                s -> ratio(s.database().get("blocksHit"), s.database().get("blocksRead")));
        add(rows, runs, "blocks read/s", s -> rate(s, s.database().get("blocksRead")));
        add(rows, runs, "block read time ms/s", s -> rate(s, s.database().get("blockReadMillis")));
        add(rows, runs, "temp bytes", s -> count(s.database().get("tempBytes")));
        add(rows, runs, "deadlocks", s -> count(s.database().get("deadlocks")));
        add(rows, runs, "WAL bytes/s", s -> rate(s, s.wal().get("walBytes")));
        add(rows, runs, "WAL full-page images", s -> count(s.wal().get("walFpi")));
        add(
                rows,
                runs,
                "checkpoints",
                s -> count(sum(
                        s.checkpointer().get("checkpointsTimed"),
                        s.checkpointer().get("checkpointsRequested"))));
        TreeSet<String> classes = new TreeSet<>();
        runs.stream()
                .filter(r -> r.server() != null && r.server().waits() != null)
                .forEach(r ->
                        r.server().waits().events().keySet().forEach(e -> classes.add(e.substring(0, e.indexOf(':')))));
        for (String c : classes) {
            add(
                    rows,
                    runs,
                    "active sessions: " + c,
                    s -> s.waits() == null
                            ? "–"
                            : num(
                                    s.waits().events().entrySet().stream()
                                            .filter(e -> e.getKey().startsWith(c + ":"))
                                            .mapToDouble(Map.Entry::getValue)
                                            .sum(),
                                    3));
        }
        TreeSet<String> requests = new TreeSet<>();
        runs.stream()
                .filter(r -> r.server() != null)
                .forEach(r -> requests.addAll(r.server().requests().keySet()));
        for (String q : requests) {
            add(rows, runs, q + ": server mean ms", s -> micros(s, q, RequestServer::serverMeanMicros));
            add(rows, runs, q + ": client service mean ms", s -> micros(s, q, RequestServer::clientServiceMeanMicros));
            add(rows, runs, q + ": client − server ms", s -> micros(s, q, RequestServer::clientOverheadMicros));
        }
        StringBuilder b = new StringBuilder("<h2 id=\"server\">Server metrics</h2>\n<div class=\"scroll\"><table "
                + "class=\"stats\" id=\"server-compare\"><tr><th class=\"l\">metric</th>");
        labels.forEach(l -> b.append("<th>").append(esc(l)).append("</th>"));
        b.append("</tr>\n");
        rows.forEach((metric, values) -> {
            b.append("<tr><td class=\"l\">").append(esc(metric)).append("</td>");
            values.forEach(v -> b.append("<td>").append(v).append("</td>"));
            b.append("</tr>\n");
        });
        return b.append("</table></div>\n").toString();
    }

    private static void add(
            Map<String, List<String>> rows,
            List<RunResults> runs,
            String metric,
            Function<ServerResults, String> value) {
        List<String> values = new ArrayList<>();
        for (RunResults r : runs) {
            values.add(r.server() == null ? "not collected" : value.apply(r.server()));
        }
        rows.put(metric, values);
    }

    private static String rate(ServerResults s, Double v) {
        return v == null || s.seconds() <= 0 ? "–" : num(v / s.seconds(), 1);
    }

    private static String count(Double v) {
        return v == null ? "–" : num(v, 0);
    }

    private static Double sum(Double a, Double b) {
        return a == null ? b : b == null ? a : a + b;
    }

    private static String ratio(Double hit, Double read) {
        return hit == null || read == null || hit + read == 0 ? "–" : num(hit / (hit + read) * 100, 2) + " %";
    }

    private static String micros(ServerResults s, String request, Function<RequestServer, Double> f) {
        RequestServer q = s.requests().get(request);
        Double v = q == null ? null : f.apply(q);
        return v == null ? "–" : num(v / 1000, 3);
    }
}

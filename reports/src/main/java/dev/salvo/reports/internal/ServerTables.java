package dev.salvo.reports.internal;

import static dev.salvo.reports.internal.Html.esc;
import static dev.salvo.reports.internal.Html.ms;
import static dev.salvo.reports.internal.Html.num;
import static dev.salvo.reports.internal.ServerSection.td;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.salvo.reports.ServerResults;
import dev.salvo.reports.ServerResults.Outlier;
import dev.salvo.reports.ServerResults.RequestServer;
import dev.salvo.reports.ServerResults.Statement;
import java.util.List;
import java.util.Map;

/** Tables of the report's Server section: database-wide deltas, waits, busiest statements, outliers. Internal. */
final class ServerTables {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ServerTables() {}

    static String database(ServerResults s) {
        Map<String, Double> d = s.database();
        Map<String, Double> c = s.checkpointer();
        Map<String, Double> w = s.wal();
        double secs = Math.max(s.seconds(), 1e-9);
        StringBuilder b =
                new StringBuilder("<table class=\"stats\" id=\"server-database\"><tr><th class=\"l\">metric</th>"
                        + "<th>in the window</th><th>per second</th><th class=\"l\">source</th></tr>\n");
        row(b, "commits", d.get("xactCommit"), secs, "pg_stat_database.xact_commit");
        row(b, "rollbacks", d.get("xactRollback"), secs, "pg_stat_database.xact_rollback");
        Double hit = d.get("blocksHit");
        Double read = d.get("blocksRead");
        if (hit != null && read != null && hit + read > 0) {
            b.append("<tr><td class=\"l\">cache hit ratio</td>")
                    .append(td(num(hit / (hit + read) * 100, 2) + " %"))
                    .append("<td></td><td class=\"l\">blks_hit / (blks_hit + blks_read)</td></tr>\n");
        }
        row(b, "blocks read", read, secs, "pg_stat_database.blks_read");
        row(b, "block read time ms", d.get("blockReadMillis"), secs, "pg_stat_database.blk_read_time");
        row(b, "block write time ms", d.get("blockWriteMillis"), secs, "pg_stat_database.blk_write_time");
        row(b, "temp files", d.get("tempFiles"), secs, "pg_stat_database.temp_files");
        row(b, "temp bytes", d.get("tempBytes"), secs, "pg_stat_database.temp_bytes");
        row(b, "deadlocks", d.get("deadlocks"), secs, "pg_stat_database.deadlocks");
        row(b, "conflicts", d.get("conflicts"), secs, "pg_stat_database.conflicts");
        row(b, "tuples returned", d.get("tuplesReturned"), secs, "pg_stat_database.tup_returned");
        row(b, "tuples fetched", d.get("tuplesFetched"), secs, "pg_stat_database.tup_fetched");
        row(b, "tuples inserted", d.get("tuplesInserted"), secs, "pg_stat_database.tup_inserted");
        row(b, "tuples updated", d.get("tuplesUpdated"), secs, "pg_stat_database.tup_updated");
        row(b, "tuples deleted", d.get("tuplesDeleted"), secs, "pg_stat_database.tup_deleted");
        row(b, "WAL records", w.get("walRecords"), secs, "pg_stat_wal.wal_records");
        row(b, "WAL full-page images", w.get("walFpi"), secs, "pg_stat_wal.wal_fpi");
        row(b, "WAL bytes", w.get("walBytes"), secs, "pg_stat_wal.wal_bytes");
        row(b, "WAL buffers full", w.get("walBuffersFull"), secs, "pg_stat_wal.wal_buffers_full");
        row(b, "checkpoints (timed)", c.get("checkpointsTimed"), secs, "num_timed / checkpoints_timed");
        row(b, "checkpoints (requested)", c.get("checkpointsRequested"), secs, "num_requested / checkpoints_req");
        row(b, "checkpoint write ms", c.get("checkpointWriteMillis"), secs, "write_time / checkpoint_write_time");
        row(
                b,
                "buffers written by checkpoints",
                c.get("buffersCheckpoint"),
                secs,
                "buffers_written / buffers_checkpoint");
        row(b, "buffers written by bgwriter", c.get("buffersClean"), secs, "pg_stat_bgwriter.buffers_clean");
        row(b, "buffers allocated", c.get("buffersAlloc"), secs, "pg_stat_bgwriter.buffers_alloc");
        return b.append("</table>\n").toString();
    }

    private static void row(StringBuilder b, String label, Double v, double seconds, String source) {
        if (v == null) {
            return;
        }
        b.append("<tr><td class=\"l\">")
                .append(esc(label))
                .append("</td>")
                .append(td(num(v, v % 1 == 0 ? 0 : 1)))
                .append(td(num(v / seconds, 1)))
                .append("<td class=\"l\">")
                .append(esc(source))
                .append("</td></tr>\n");
    }

    static String waits(ServerResults.Waits w) {
        StringBuilder b = new StringBuilder("<p class=\"meta\">Salvo's sessions sampled in pg_stat_activity every ")
                .append(w.periodMillis())
                .append(" ms: ")
                .append(num(w.samples(), 0))
                .append(" samples")
                .append(w.unavailable() == null ? "" : " · " + esc(w.unavailable()))
                .append("</p>\n");
        if (w.events().isEmpty()) {
            return b.toString();
        }
        b.append("<table class=\"stats\" id=\"server-waits\"><tr><th class=\"l\">wait class : event</th>"
                + "<th>average active sessions</th></tr>\n");
        w.events().entrySet().stream()
                .sorted((x, y) -> Double.compare(y.getValue(), x.getValue()))
                .limit(15)
                .forEach(e -> b.append("<tr><td class=\"l\">")
                        .append(esc(e.getKey()))
                        .append("</td>")
                        .append(td(num(e.getValue(), 3)))
                        .append("</tr>\n"));
        return b.append("</table>\n").toString();
    }

    static String statements(List<Statement> statements) {
        StringBuilder b = new StringBuilder("<div class=\"scroll\"><table class=\"stats\" id=\"server-statements\"><tr>"
                + "<th class=\"l\">statement</th><th>calls</th><th>total ms</th><th>mean ms</th><th>stddev ms</th>"
                + "<th>rows</th><th>cache hit</th><th>blocks read</th><th>read ms</th><th>WAL bytes</th></tr>\n");
        for (Statement s : statements) {
            b.append("<tr><td class=\"l sql\">")
                    .append(esc(s.query()))
                    .append(s.complete() ? "" : " (incomplete)")
                    .append("</td>")
                    .append(td(num(s.calls(), 0)))
                    .append(td(num(s.totalExecMillis(), 1)))
                    .append(td(num(s.meanExecMillis(), 3)))
                    .append(td(num(s.stddevExecMillis(), 3)))
                    .append(td(num(s.rows(), 0)))
                    .append(td(s.cacheHitRatio() == null ? "–" : num(s.cacheHitRatio() * 100, 2) + " %"))
                    .append(td(num(s.sharedBlocksRead(), 0)))
                    .append(td(num(s.blockReadMillis(), 1)))
                    .append(td(num(s.walBytes(), 0)))
                    .append("</tr>\n");
        }
        return b.append("</table></div>\n").toString();
    }

    static String outliers(ServerResults s, int shown) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, RequestServer> e : s.requests().entrySet()) {
            List<Outlier> outliers = e.getValue().outliers();
            if (outliers.isEmpty() && e.getValue().errors().isEmpty()) {
                continue;
            }
            b.append("<h3>Slowest executions of ")
                    .append(esc(e.getKey()))
                    .append("</h3>\n<table class=\"stats outliers\">"
                            + "<tr><th>response ms</th><th class=\"l\">started</th><th class=\"l\">parameters</th>"
                            + "<th class=\"l\">plan</th></tr>\n");
            for (Outlier o : outliers.subList(0, Math.min(shown, outliers.size()))) {
                b.append("<tr>")
                        .append(td(ms(o.responseMicros())))
                        .append("<td class=\"l\">")
                        .append(esc(o.startedAt()))
                        .append("</td><td class=\"l sql\">")
                        .append(esc(o.parameters()))
                        .append("</td><td class=\"l\">");
                if (o.plans().isEmpty()) {
                    b.append("not explained");
                } else {
                    b.append("<details><summary>EXPLAIN (VERBOSE, FORMAT JSON)</summary><pre>");
                    o.plans().forEach(p -> b.append(esc(json(p))).append('\n'));
                    b.append("</pre></details>");
                }
                b.append("</td></tr>\n");
            }
            b.append("</table>\n");
            if (!e.getValue().errors().isEmpty()) {
                b.append("<table class=\"errors\"><tr><th class=\"l\">error</th><th class=\"l\">first seen</th>"
                        + "<th class=\"l\">its parameters</th></tr>\n");
                e.getValue()
                        .errors()
                        .forEach(x -> b.append("<tr><td class=\"l\">")
                                .append(esc(x.error()))
                                .append("</td><td class=\"l\">")
                                .append(esc(x.startedAt()))
                                .append("</td><td class=\"l sql\">")
                                .append(esc(x.parameters()))
                                .append("</td></tr>\n"));
                b.append("</table>\n");
            }
        }
        return b.toString();
    }

    private static String json(Object plan) {
        try {
            return JSON.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            return String.valueOf(plan);
        }
    }
}

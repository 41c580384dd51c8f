package dev.salvo.runtime.internal;

import dev.salvo.feeders.Tuple;
import dev.salvo.reports.ServerResults;
import dev.salvo.sql.server.ServerDelta;
import dev.salvo.sql.server.ServerSnapshot;
import dev.salvo.sql.server.ServerStatistics;
import dev.salvo.sql.server.StatementDelta;
import dev.salvo.sql.server.WaitTimeline;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Joins a server delta to Salvo's requests: each statement is explained with values it really ran with, and its query
 * identifier picks its pg_stat_statements entries (the normalised text when the server gives no identifier). The
 * slowest executions are explained with their own values.
 */
final class ServerJoin {
    /** Outliers per request explained with their own values. */
    static final int EXPLAINED = 3;

    private final ServerStatistics stats;
    private final Connection connection;
    private final ServerDelta delta;
    private final long sampleMillis;

    ServerJoin(ServerStatistics stats, Connection connection, ServerDelta delta, long sampleMillis) {
        this.stats = stats;
        this.connection = connection;
        this.delta = delta;
        this.sampleMillis = sampleMillis;
    }

    ServerResults results(
            String server,
            List<String> problems,
            WaitTimeline waits,
            Collection<RequestRecorder> recorders,
            Map<String, List<PreparedRequest>> statements) {
        Map<Long, List<String>> namesById = new HashMap<>();
        Map<String, List<Joined>> joined = new TreeMap<>();
        for (RequestRecorder r : recorders) {
            List<PreparedRequest> list = statements.getOrDefault(r.name, List.of());
            Tuple[] values = example(r.outliers);
            List<Joined> js = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Joined j = join(list.get(i), values == null || i >= values.length ? null : values[i]);
                js.add(j);
                if (j.queryId != null) {
                    namesById.computeIfAbsent(j.queryId, k -> new ArrayList<>()).add(r.name);
                }
            }
            joined.put(r.name, js);
        }
        Map<String, ServerResults.RequestServer> requests = new TreeMap<>();
        for (RequestRecorder r : recorders) {
            List<PreparedRequest> list = statements.getOrDefault(r.name, List.of());
            List<ServerResults.RequestStatement> out = new ArrayList<>();
            double serverMeanMicros = 0;
            boolean all = true;
            for (Joined j : joined.get(r.name)) {
                List<String> shared = j.queryId == null
                        ? List.of()
                        : namesById.get(j.queryId).stream()
                                .filter(n -> !n.equals(r.name))
                                .distinct()
                                .toList();
                out.add(new ServerResults.RequestStatement(j.sql, j.matchedBy, shared, j.problem, j.server));
                if (j.server == null || j.server.calls() == 0) {
                    all = false;
                } else {
                    serverMeanMicros +=
                            (j.server.totalExecMillis() + j.server.totalPlanMillis()) / j.server.calls() * 1000;
                }
            }
            long ok = r.ok();
            Double client = ok == 0 ? null : r.serviceMeanMicros();
            Double serverMean = all && !out.isEmpty() ? round(serverMeanMicros) : null;
            Long calls = out.isEmpty() || out.get(0).server() == null
                    ? null
                    : out.get(0).server().calls();
            requests.put(
                    r.name,
                    new ServerResults.RequestServer(
                            ok,
                            calls,
                            client == null ? null : round(client),
                            serverMean,
                            client == null || serverMean == null ? null : round(client - serverMean),
                            out,
                            outliers(r.outliers, list),
                            errors(r.outliers)));
        }
        List<String> unavailable = new ArrayList<>(problems);
        unavailable.addAll(delta.unavailable());
        if (waits != null && waits.unavailable() != null) {
            unavailable.add(waits.unavailable());
        }
        return new ServerResults(
                server,
                delta.from().toString(),
                delta.to().toString(),
                delta.seconds(),
                unavailable,
                delta.warnings(),
                delta.settings(),
                delta.database(),
                delta.checkpointer(),
                delta.wal(),
                waits(waits),
                delta.statements().stream()
                        .limit(ServerResults.TOP_STATEMENTS)
                        .map(ServerJoin::statement)
                        .toList(),
                requests);
    }

    private record Joined(String sql, Long queryId, String matchedBy, String problem, ServerResults.Statement server) {}

    private Joined join(PreparedRequest p, Tuple values) {
        String sql = values == null ? p.sql.jdbcSql() : p.jdbcSql(values);
        if (values == null) {
            return new Joined(sql, null, null, "not joined: the request never ran in the measurement", null);
        }
        ServerStatistics.Explained e = stats.explain(connection, sql, ps -> PreparedRequest.setParameters(ps, values));
        if (e.queryId() != null) {
            List<StatementDelta> found = delta.byQueryId(e.queryId());
            return found.isEmpty()
                    ? new Joined(
                            sql,
                            e.queryId(),
                            null,
                            "not joined: no pg_stat_statements entry in the window for query " + "identifier "
                                    + e.queryId(),
                            null)
                    : new Joined(sql, e.queryId(), "queryId", null, statement(merge(found)));
        }
        List<StatementDelta> byText = stats.matchText(delta, sql);
        if (byText.isEmpty()) {
            return new Joined(
                    sql, null, null, "not joined: " + e.problem() + "; no statement of the window has its text", null);
        }
        return new Joined(sql, byText.get(0).key().queryId(), "text", null, statement(merge(byText)));
    }

    /** Entries of one identifier under several roles, added. */
    private static StatementDelta merge(List<StatementDelta> entries) {
        if (entries.size() == 1) {
            return entries.get(0);
        }
        Map<String, Double> sum = new LinkedHashMap<>();
        boolean complete = true;
        for (StatementDelta d : entries) {
            d.counters().forEach((k, v) -> sum.merge(k, v, Double::sum));
            complete &= d.complete();
        }
        ServerSnapshot.StatementKey k = entries.get(0).key();
        return new StatementDelta(
                new ServerSnapshot.StatementKey(0, k.dbId(), k.queryId(), true),
                entries.get(0).query(),
                complete,
                sum);
    }

    static ServerResults.Statement statement(StatementDelta d) {
        return new ServerResults.Statement(
                Long.toString(d.key().queryId()),
                d.query(),
                d.calls(),
                Math.round(d.get("rows")),
                round3(d.get("totalExecMillis")),
                round3(d.meanExecMillis()),
                round3(d.stddevExecMillis()),
                round3(d.get("totalPlanMillis")),
                Math.round(d.get("sharedBlocksHit")),
                Math.round(d.get("sharedBlocksRead")),
                Math.round(d.get("sharedBlocksDirtied")),
                Math.round(d.get("sharedBlocksWritten")),
                d.cacheHitRatio(),
                Math.round(d.get("tempBlocksRead")),
                Math.round(d.get("tempBlocksWritten")),
                round3(d.get("blockReadMillis")),
                round3(d.get("blockWriteMillis")),
                Math.round(d.get("walRecords")),
                Math.round(d.get("walFpi")),
                Math.round(d.get("walBytes")),
                d.complete());
    }

    private static Tuple[] example(Outliers o) {
        List<Outliers.Kept> slow = o.slowest();
        if (!slow.isEmpty()) {
            return slow.get(0).values();
        }
        return o.errors().values().stream()
                .map(Outliers.Kept::values)
                .filter(v -> v.length > 0)
                .findFirst()
                .orElse(null);
    }

    private List<ServerResults.Outlier> outliers(Outliers o, List<PreparedRequest> statements) {
        List<ServerResults.Outlier> out = new ArrayList<>();
        for (Outliers.Kept k : o.slowest()) {
            List<Object> plans = new ArrayList<>();
            if (out.size() < EXPLAINED) {
                for (int i = 0; i < statements.size() && i < k.values().length; i++) {
                    Tuple v = k.values()[i];
                    ServerStatistics.Explained e = stats.explain(
                            connection, statements.get(i).jdbcSql(v), ps -> PreparedRequest.setParameters(ps, v));
                    plans.add(e.plan() != null ? e.plan() : e.problem());
                }
            }
            out.add(new ServerResults.Outlier(
                    Instant.ofEpochMilli(k.startEpochMillis()).toString(),
                    k.responseNanos() / 1000.0,
                    text(k.values()),
                    plans));
        }
        return out;
    }

    private static List<ServerResults.ErrorSample> errors(Outliers o) {
        List<ServerResults.ErrorSample> out = new ArrayList<>();
        o.errors()
                .forEach((error, k) -> out.add(new ServerResults.ErrorSample(
                        error, Instant.ofEpochMilli(k.startEpochMillis()).toString(), text(k.values()))));
        return out;
    }

    private static List<List<String>> text(Tuple[] values) {
        List<List<String>> out = new ArrayList<>();
        for (Tuple t : values) {
            List<String> one = new ArrayList<>();
            for (int i = 0; t != null && i < t.size(); i++) {
                one.add(String.valueOf(t.get(i)));
            }
            out.add(one);
        }
        return out;
    }

    private ServerResults.Waits waits(WaitTimeline w) {
        if (w == null) {
            return null;
        }
        return new ServerResults.Waits(
                sampleMillis,
                w.intervalMillis(),
                w.samples(),
                w.events(),
                w.intervals().stream()
                        .map(i -> new ServerResults.WaitInterval(
                                i.startEpochMillis(), i.endEpochMillis(), i.samples(), i.activeSessions()))
                        .toList(),
                w.unavailable());
    }

    private static double round(double micros) {
        return Math.round(micros * 1000) / 1000.0;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}

package dev.salvo.reports;

import java.util.List;
import java.util.Map;

/** Deterministic runs with a server section (pg_stat_statements-like statistics), for tests. */
public final class ServerRuns {
    private ServerRuns() {}

    /** {@link TestRuns#run} with a server section: a transaction whose second statement is slow, waits, an outlier, an error. */
    public static RunData runWithServer(String simulation, int poolSize, double slowdown, double qpsFactor) {
        return TestRuns.builder(simulation, poolSize, slowdown, qpsFactor, TestRuns.START, 0)
                .server(server(slowdown))
                .build();
    }

    static ServerResults server(double slowdown) {
        ServerResults.Statement fast =
                statement("101", "UPDATE accounts SET balance = balance + $1 WHERE id = $2", 900, 0.05 * slowdown);
        ServerResults.Statement slow = statement("-202", "SELECT pg_sleep($1)", 900, 0.4 * slowdown);
        ServerResults.Statement lookup = statement("303", "SELECT * FROM orders WHERE id = $1", 900, 0.02 * slowdown);
        long t0 = TestRuns.START.toEpochMilli() + 5_000;
        List<ServerResults.WaitInterval> intervals = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            intervals.add(new ServerResults.WaitInterval(
                    t0 + i * 1000L,
                    t0 + (i + 1) * 1000L,
                    5,
                    Map.of("CPU", 1.2 + (i % 5) * 0.1, "Lock", i > 30 ? 0.8 * slowdown : 0.2, "IO", 0.1)));
        }
        ServerResults.Waits waits = new ServerResults.Waits(
                200,
                1000,
                300,
                Map.of("CPU:CPU", 1.4, "Lock:transactionid", 0.5, "IO:DataFileRead", 0.1),
                intervals,
                null);
        ServerResults.RequestServer transfer = new ServerResults.RequestServer(
                900,
                900L,
                700.0 * slowdown,
                450.0 * slowdown,
                250.0 * slowdown,
                List.of(
                        new ServerResults.RequestStatement(
                                "UPDATE accounts SET balance = balance + ? WHERE id = ?",
                                "queryId",
                                List.of(),
                                null,
                                fast),
                        new ServerResults.RequestStatement("SELECT pg_sleep(?)", "queryId", List.of(), null, slow)),
                List.of(new ServerResults.Outlier(
                        "2026-01-01T00:00:31.5Z",
                        9_500.0 * slowdown,
                        List.of(List.of("5", "17"), List.of("0.009")),
                        List.of(
                                Map.of("Plan", Map.of("Node Type", "ModifyTable")),
                                Map.of("Plan", Map.of("Node Type", "Result"), "Query Identifier", -202)))),
                List.of(new ServerResults.ErrorSample(
                        "40P01: ERROR: deadlock detected",
                        "2026-01-01T00:00:40Z",
                        List.of(List.of("3", "9"), List.of("0.001")))));
        ServerResults.RequestServer byId = new ServerResults.RequestServer(
                900,
                900L,
                300.0,
                20.0 * slowdown,
                280.0,
                List.of(new ServerResults.RequestStatement(
                        "SELECT * FROM orders WHERE id = ?", "queryId", List.of(), null, lookup)),
                List.of(),
                List.of());
        return new ServerResults(
                "PostgreSQL 18.6",
                "2026-01-01T00:00:05Z",
                "2026-01-01T00:01:06Z",
                61,
                List.of(
                        "pg_stat_statements: partly unavailable: role app is not a member of pg_read_all_stats, so statements "
                                + "of other roles are hidden (Salvo's own statements are complete)"),
                List.of(),
                Map.of("shared_buffers", "256MB", "work_mem", "4MB"),
                Map.of(
                        "xactCommit",
                        1800.0,
                        "xactRollback",
                        3.0,
                        "blocksHit",
                        99_000.0,
                        "blocksRead",
                        1000.0 * slowdown,
                        "tempBytes",
                        0.0,
                        "deadlocks",
                        1.0),
                Map.of("checkpointsTimed", 0.0, "buffersClean", 12.0),
                Map.of("walBytes", 1_234_567.0, "walRecords", 9000.0),
                waits,
                List.of(slow, fast, lookup),
                Map.of("transfer", transfer, "order by id", byId));
    }

    private static ServerResults.Statement statement(String id, String sql, long calls, double meanMillis) {
        return new ServerResults.Statement(
                id,
                sql,
                calls,
                calls,
                meanMillis * calls,
                meanMillis,
                meanMillis / 4,
                0,
                calls * 10,
                calls / 10,
                0,
                0,
                0.99,
                0,
                0,
                1.5,
                0,
                calls,
                0,
                calls * 120,
                true);
    }
}

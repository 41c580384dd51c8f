package dev.salvo.sql.server;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The server's cumulative counters at one instant. Subtract two with {@link ServerDelta#between}. Counter names are
 * Salvo's, the same on every server version (docs/server-statistics.md maps each to its source column); a map holds
 * only the counters the server has. Keys ending in {@code statsReset} hold the view's reset time (ms since the epoch).
 *
 * @param takenAt when it was read
 * @param serverVersion the server's version, e.g. {@code 18.6}, null when unknown
 * @param statements per statement entry (pg_stat_statements of the current database)
 * @param deallocations entries evicted since the statement statistics were reset (pg_stat_statements_info), null
 *     when unknown
 * @param statementsResetEpochMillis when the statement statistics were last reset, null when unknown
 * @param database counters of the current database (pg_stat_database)
 * @param checkpointer checkpoints and background writer (pg_stat_checkpointer from 17, pg_stat_bgwriter)
 * @param wal WAL generation (pg_stat_wal)
 * @param settings the settings that matter to performance, as the server shows them
 * @param unavailable one line per part that could not be read, naming what and why
 */
public record ServerSnapshot(
        Instant takenAt,
        String serverVersion,
        Map<StatementKey, StatementCounters> statements,
        Long deallocations,
        Double statementsResetEpochMillis,
        Map<String, Double> database,
        Map<String, Double> checkpointer,
        Map<String, Double> wal,
        Map<String, String> settings,
        List<String> unavailable) {

    /** Copies the collections. */
    public ServerSnapshot {
        statements = Map.copyOf(statements);
        database = Map.copyOf(database);
        checkpointer = Map.copyOf(checkpointer);
        wal = Map.copyOf(wal);
        settings = Map.copyOf(settings);
        unavailable = List.copyOf(unavailable);
    }

    /**
     * The identity of a pg_stat_statements entry.
     *
     * @param userId the role that ran it (oid)
     * @param dbId the database (oid)
     * @param queryId the query identifier
     * @param topLevel false for statements run inside functions (pg_stat_statements.track = all)
     */
    public record StatementKey(long userId, long dbId, long queryId, boolean topLevel) {}

    /**
     * One entry's counters.
     *
     * @param query the statement's normalised text, as the server keeps it
     * @param sinceEpochMillis when the entry was created (pg_stat_statements.stats_since, from 17), null when unknown
     * @param values counters by Salvo's name ({@code calls}, {@code totalExecMillis}, {@code sumSquaresExecMillis}, ...)
     */
    public record StatementCounters(String query, Double sinceEpochMillis, Map<String, Double> values) {
        /** Copies the map. */
        public StatementCounters {
            values = Map.copyOf(values);
        }
    }
}

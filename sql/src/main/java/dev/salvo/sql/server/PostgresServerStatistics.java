package dev.salvo.sql.server;

import static dev.salvo.sql.server.Columns.of;

import dev.salvo.sql.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * PostgreSQL's statistics views, read without resetting them: pg_stat_statements (+ _info), pg_stat_database,
 * pg_stat_checkpointer (17+) / pg_stat_bgwriter, pg_stat_wal, pg_settings and pg_stat_activity. Column names that
 * changed between versions (e.g. {@code blk_read_time} up to 16, {@code shared_blk_read_time} from 17) are detected
 * from the catalog.
 */
public final class PostgresServerStatistics implements ServerStatistics {
    /** The settings recorded with every run. */
    public static final List<String> SETTINGS = List.of(
            "server_version",
            "shared_buffers",
            "effective_cache_size",
            "work_mem",
            "maintenance_work_mem",
            "max_connections",
            "synchronous_commit",
            "fsync",
            "full_page_writes",
            "wal_level",
            "wal_buffers",
            "max_wal_size",
            "checkpoint_timeout",
            "jit",
            "random_page_cost",
            "effective_io_concurrency",
            "max_parallel_workers_per_gather",
            "default_statistics_target",
            "track_io_timing",
            "compute_query_id",
            "shared_preload_libraries",
            "pg_stat_statements.max",
            "pg_stat_statements.track");

    static final Map<String, List<String>> STATEMENT = counters(
            "calls", of("calls"),
            "totalExecMillis", of("total_exec_time", "total_time"),
            "meanExecMillis", of("mean_exec_time", "mean_time"),
            "stddevExecMillis", of("stddev_exec_time", "stddev_time"),
            "totalPlanMillis", of("total_plan_time"),
            "plans", of("plans"),
            "rows", of("rows"),
            "sharedBlocksHit", of("shared_blks_hit"),
            "sharedBlocksRead", of("shared_blks_read"),
            "sharedBlocksDirtied", of("shared_blks_dirtied"),
            "sharedBlocksWritten", of("shared_blks_written"),
            "tempBlocksRead", of("temp_blks_read"),
            "tempBlocksWritten", of("temp_blks_written"),
            "blockReadMillis", of("shared_blk_read_time", "blk_read_time"),
            "blockWriteMillis", of("shared_blk_write_time", "blk_write_time"),
            "walRecords", of("wal_records"),
            "walFpi", of("wal_fpi"),
            "walBytes", of("wal_bytes"));

    static final Map<String, List<String>> DATABASE = counters(
            "xactCommit",
            of("xact_commit"),
            "xactRollback",
            of("xact_rollback"),
            "blocksRead",
            of("blks_read"),
            "blocksHit",
            of("blks_hit"),
            "tuplesReturned",
            of("tup_returned"),
            "tuplesFetched",
            of("tup_fetched"),
            "tuplesInserted",
            of("tup_inserted"),
            "tuplesUpdated",
            of("tup_updated"),
            "tuplesDeleted",
            of("tup_deleted"),
            "conflicts",
            of("conflicts"),
            "tempFiles",
            of("temp_files"),
            "tempBytes",
            of("temp_bytes"),
            "deadlocks",
            of("deadlocks"),
            "blockReadMillis",
            of("blk_read_time"),
            "blockWriteMillis",
            of("blk_write_time"),
            "activeMillis",
            of("active_time"),
            "statsReset",
            of("stats_reset"));

    static final Map<String, List<String>> CHECKPOINTER = counters(
            "checkpointsTimed", of("num_timed", "checkpoints_timed"),
            "checkpointsRequested", of("num_requested", "checkpoints_req"),
            "checkpointWriteMillis", of("write_time", "checkpoint_write_time"),
            "checkpointSyncMillis", of("sync_time", "checkpoint_sync_time"),
            "buffersCheckpoint", of("buffers_written", "buffers_checkpoint"),
            "statsReset", of("stats_reset"));

    static final Map<String, List<String>> BGWRITER = counters(
            "checkpointsTimed",
            of("checkpoints_timed"),
            "checkpointsRequested",
            of("checkpoints_req"),
            "checkpointWriteMillis",
            of("checkpoint_write_time"),
            "checkpointSyncMillis",
            of("checkpoint_sync_time"),
            "buffersCheckpoint",
            of("buffers_checkpoint"),
            "buffersClean",
            of("buffers_clean"),
            "maxwrittenClean",
            of("maxwritten_clean"),
            "buffersBackend",
            of("buffers_backend"),
            "buffersAlloc",
            of("buffers_alloc"),
            "bgwriter.statsReset",
            of("stats_reset"));

    static final Map<String, List<String>> WAL = counters(
            "walRecords",
            of("wal_records"),
            "walFpi",
            of("wal_fpi"),
            "walBytes",
            of("wal_bytes"),
            "walBuffersFull",
            of("wal_buffers_full"),
            "statsReset",
            of("stats_reset"));

    @Override
    public ServerSnapshot snapshot(Connection c) {
        Instant at = Instant.now();
        List<String> unavailable = new ArrayList<>();
        Map<String, String> settings = new TreeMap<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT name, current_setting(name) FROM pg_settings WHERE name = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", SETTINGS.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    settings.put(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            unavailable.add("settings: unavailable: " + describe(e));
        }
        Statements statements = new Statements(c, settings, unavailable);
        Map<String, Double> database = read(
                c,
                "pg_stat_database",
                "pg_catalog.pg_stat_database",
                DATABASE,
                " WHERE datname = current_database()",
                unavailable);
        Map<String, Double> checkpointer = new LinkedHashMap<>(
                read(c, "pg_stat_checkpointer", "pg_catalog.pg_stat_checkpointer", CHECKPOINTER, "", null));
        read(c, "pg_stat_bgwriter", "pg_catalog.pg_stat_bgwriter", BGWRITER, "", unavailable)
                .forEach(checkpointer::putIfAbsent);
        Map<String, Double> wal = read(c, "pg_stat_wal", "pg_catalog.pg_stat_wal", WAL, "", unavailable);
        if ("off".equals(settings.get("track_io_timing"))) {
            unavailable.add("block read/write times: unavailable: track_io_timing is off, so blockReadMillis and "
                    + "blockWriteMillis are 0 (SET track_io_timing = on needs superuser or ALTER SYSTEM)");
        }
        return new ServerSnapshot(
                at,
                settings.get("server_version"),
                statements.entries,
                statements.deallocations,
                statements.resetEpochMillis,
                database,
                checkpointer,
                wal,
                settings,
                unavailable);
    }

    private static Map<String, Double> read(
            Connection c,
            String label,
            String view,
            Map<String, List<String>> counters,
            String where,
            List<String> unavailable) {
        try {
            Set<String> present = Columns.of(c, view);
            if (present.isEmpty()) {
                if (unavailable != null) {
                    unavailable.add(label + ": unavailable: the view does not exist on this server version");
                }
                return Map.of();
            }
            return Columns.readRow(c, view + where, Columns.select(counters, present));
        } catch (SQLException e) {
            if (unavailable != null) {
                unavailable.add(label + ": unavailable: " + describe(e));
            }
            return Map.of();
        }
    }

    @Override
    public Map<String, String> sessionTag(String tag) {
        return Map.of("ApplicationName", tag);
    }

    @Override
    public WaitSampler waitSampler(Connection connection, String tag, Duration period, Duration interval) {
        return WaitSampler.start(connection, tag, period, interval);
    }

    @Override
    public Explained explain(Connection connection, String jdbcSql, Binder binder) {
        return Plans.explain(connection, jdbcSql, binder);
    }

    @Override
    public List<StatementDelta> matchText(ServerDelta delta, String jdbcSql) {
        String wanted = Plans.normalise(jdbcSql);
        return delta.statements().stream()
                .filter(s -> s.key().topLevel() && Plans.normalise(s.query()).equals(wanted))
                .toList();
    }

    /** @return one line: the server's message and SQLSTATE */
    static String describe(SQLException e) {
        String message = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().lines().findFirst().orElse("");
        return e.getSQLState() == null ? message : message + " (SQLSTATE " + e.getSQLState() + ")";
    }

    private static Map<String, List<String>> counters(Object... pairs) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> candidates = (List<String>) pairs[i + 1];
            m.put((String) pairs[i], candidates);
        }
        return m;
    }

    /** pg_stat_statements and pg_stat_statements_info of the current database. */
    private static final class Statements {
        final Map<ServerSnapshot.StatementKey, ServerSnapshot.StatementCounters> entries = new HashMap<>();
        Long deallocations;
        Double resetEpochMillis;

        Statements(Connection c, Map<String, String> settings, List<String> unavailable) {
            try {
                String schema = schema(c);
                if (schema == null) {
                    unavailable.add("pg_stat_statements: unavailable: the extension is not installed in database "
                            + currentDatabase(c)
                            + " (it needs shared_preload_libraries = 'pg_stat_statements', a restart, and "
                            + "CREATE EXTENSION pg_stat_statements)");
                    return;
                }
                String view = Dialect.doubleQuote(schema) + ".pg_stat_statements";
                Set<String> present = Columns.of(c, view);
                read(c, view, present);
                String info = Dialect.doubleQuote(schema) + ".pg_stat_statements_info";
                if (!Columns.of(c, info).isEmpty()) {
                    Map<String, Double> row = Columns.readRow(
                            c,
                            info,
                            Map.of(
                                    "dealloc",
                                    "dealloc::float8",
                                    "statsReset",
                                    "coalesce(extract(epoch FROM stats_reset) * 1000, 0)::float8"));
                    deallocations = row.containsKey("dealloc") ? Math.round(row.get("dealloc")) : null;
                    resetEpochMillis = row.get("statsReset");
                }
                if (!readsAllStats(c)) {
                    unavailable.add(
                            "pg_stat_statements: partly unavailable: role " + currentUser(c) + " is not a member of "
                                    + "pg_read_all_stats, so statements of other roles are hidden (Salvo's own statements are complete)");
                }
                if ("off".equals(settings.get("compute_query_id"))) {
                    unavailable.add(
                            "query identifiers: unavailable: compute_query_id is off, so requests are matched to "
                                    + "statements by their text");
                }
            } catch (SQLException e) {
                entries.clear();
                unavailable.add("pg_stat_statements: unavailable: " + describe(e));
            }
        }

        private void read(Connection c, String view, Set<String> present) throws SQLException {
            Map<String, String> select = Columns.select(STATEMENT, present);
            StringBuilder sql = new StringBuilder("SELECT userid::oid::int8, dbid::oid::int8, queryid, ")
                    .append(present.contains("toplevel") ? "toplevel" : "true")
                    .append(", query, ")
                    .append(
                            present.contains("stats_since")
                                    ? "extract(epoch FROM stats_since) * 1000"
                                    : "NULL::float8");
            select.values().forEach(e -> sql.append(", ").append(e));
            sql.append(" FROM ")
                    .append(view)
                    .append(" WHERE queryid IS NOT NULL")
                    .append(" AND dbid = (SELECT oid FROM pg_database WHERE datname = current_database())");
            try (PreparedStatement ps = c.prepareStatement(sql.toString());
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Double> values = new HashMap<>();
                    int i = 7;
                    for (String name : select.keySet()) {
                        values.put(name, rs.getDouble(i++));
                    }
                    double calls = values.getOrDefault("calls", 0.0);
                    double mean = values.getOrDefault("meanExecMillis", 0.0);
                    double stddev = values.getOrDefault("stddevExecMillis", 0.0);
                    values.remove("meanExecMillis");
                    values.remove("stddevExecMillis");
                    // pg_stat_statements keeps the population variance: sum of squares = n (variance + mean^2)
                    values.put("sumSquaresExecMillis", calls * (stddev * stddev + mean * mean));
                    double sinceValue = rs.getDouble(6);
                    Double since = rs.wasNull() ? null : sinceValue;
                    entries.put(
                            new ServerSnapshot.StatementKey(
                                    rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4)),
                            new ServerSnapshot.StatementCounters(rs.getString(5), since, values));
                }
            }
        }

        private static String schema(Connection c) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n "
                            + "ON n.oid = e.extnamespace WHERE e.extname = 'pg_stat_statements'");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }

        private static boolean readsAllStats(Connection c) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT rolsuper OR pg_has_role(current_user, "
                            + "'pg_read_all_stats', 'MEMBER') FROM pg_roles WHERE rolname = current_user");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static String currentDatabase(Connection c) throws SQLException {
        return single(c, "SELECT current_database()");
    }

    private static String currentUser(Connection c) throws SQLException {
        return single(c, "SELECT current_user");
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}

package dev.salvo.sql.snowflake;

import dev.salvo.sql.SalvoException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a run's queries back from Snowflake's query history. The Information Schema table functions answer at once
 * (Account Usage views lag by up to 45 minutes) and keep 7 days; each call returns at most {@value #RESULT_LIMIT} rows,
 * so a run's time range is split into windows until every window holds fewer (the split is by the function's own
 * count, before the run's tag filter).
 *
 * <p>Every statement takes its time range as epoch milliseconds ({@code TO_TIMESTAMP_LTZ(?, 3)}) and the run id as bound
 * parameters, and filters on the run's {@link QueryTag} ({@code TRY_PARSE_JSON(QUERY_TAG):salvo::STRING = ?}). Columns
 * are read by name ({@code SELECT *}), so a column a source or account version lacks is reported as absent, not an
 * error.
 */
public final class QueryHistory {
    /** The table functions' largest RESULT_LIMIT. */
    public static final int RESULT_LIMIT = 10_000;

    /** Which history function to read. */
    public enum Source {
        /**
         * {@code QUERY_HISTORY_BY_USER} for the connected user: also finds queries answered from the result cache, which
         * use no warehouse. The default.
         */
        USER("QUERY_HISTORY_BY_USER("),
        /** {@code QUERY_HISTORY_BY_WAREHOUSE}: only queries that ran on the named warehouse (first bound parameter). */
        WAREHOUSE("QUERY_HISTORY_BY_WAREHOUSE(WAREHOUSE_NAME => ?, "),
        /** {@code QUERY_HISTORY_BY_SESSION} of one session (first bound parameter: the session id). */
        SESSION("QUERY_HISTORY_BY_SESSION(SESSION_ID => ?, ");

        private final String call;

        Source(String call) {
            this.call = call;
        }
    }

    private final Source source;
    private final Object scope;

    private QueryHistory(Source source, Object scope) {
        this.source = source;
        this.scope = scope;
    }

    /** @return a reader of the connected user's history */
    public static QueryHistory byUser() {
        return new QueryHistory(Source.USER, null);
    }

    /**
     * @param warehouse the warehouse name as stored (upper case unless created quoted)
     * @return a reader of one warehouse's history
     */
    public static QueryHistory byWarehouse(String warehouse) {
        return new QueryHistory(Source.WAREHOUSE, warehouse);
    }

    /**
     * @param sessionId a session id ({@code CURRENT_SESSION()} of a pooled connection)
     * @return a reader of one session's history
     */
    public static QueryHistory bySession(long sessionId) {
        return new QueryHistory(Source.SESSION, sessionId);
    }

    private String table() {
        return "TABLE(INFORMATION_SCHEMA." + source.call + "END_TIME_RANGE_START => TO_TIMESTAMP_LTZ(?, 3), "
                + "END_TIME_RANGE_END => TO_TIMESTAMP_LTZ(?, 3), RESULT_LIMIT => " + RESULT_LIMIT + "))";
    }

    /**
     * How many queries the function returns for a window, before the tag filter (bound: [scope,] from, to).
     *
     * @return the SQL
     */
    public String countSql() {
        return "SELECT COUNT(*) AS QUERIES FROM " + table();
    }

    /**
     * The run's queries in a window (bound: [scope,] from, to, run id).
     *
     * @return the SQL
     */
    public String querySql() {
        return "SELECT * FROM " + table() + " WHERE TRY_PARSE_JSON(QUERY_TAG):salvo::STRING = ? ORDER BY START_TIME";
    }

    /**
     * The parameters to bind, in order.
     *
     * @param from window start (end time of the queries, inclusive)
     * @param to window end
     * @param runId the run id, or null for {@link #countSql()}
     * @return the values
     */
    public Object[] binds(Instant from, Instant to, String runId) {
        List<Object> b = new ArrayList<>();
        if (scope != null) {
            b.add(scope);
        }
        b.add(from.toEpochMilli());
        b.add(to.toEpochMilli());
        if (runId != null) {
            b.add(runId);
        }
        return b.toArray();
    }

    /**
     * Reads the run's queries that ended between {@code from} and {@code to}.
     *
     * @param c a Snowflake connection
     * @param runId the run id of the tag
     * @param from the run's start (minus a margin)
     * @param to the run's end (plus a margin)
     * @return the records, and whether some window still held {@value #RESULT_LIMIT} queries in one second
     */
    public Result read(Connection c, String runId, Instant from, Instant to) {
        return read((sql, binds) -> Rows.query(c, sql, binds), runId, from, to);
    }

    /**
     * As {@link #read(Connection, String, Instant, Instant)}, through any executor of SQL (used to test the window
     * splitting against recorded answers).
     *
     * @param db runs one statement with bound values
     * @param runId the run id
     * @param from the start
     * @param to the end
     * @return the records
     */
    public Result read(Executor db, String runId, Instant from, Instant to) {
        List<HistoryRecord> out = new ArrayList<>();
        boolean truncated = false;
        List<Instant[]> windows = new ArrayList<>();
        windows.add(new Instant[] {from, to});
        try {
            while (!windows.isEmpty()) {
                Instant[] w = windows.remove(windows.size() - 1);
                long count = Rows.longOrZero(
                        db.query(countSql(), binds(w[0], w[1], null)).get(0), "QUERIES");
                long millis = w[1].toEpochMilli() - w[0].toEpochMilli();
                if (count >= RESULT_LIMIT && millis > 1000) {
                    Instant mid = w[0].plusMillis(millis / 2);
                    windows.add(new Instant[] {mid.plusMillis(1), w[1]});
                    windows.add(new Instant[] {w[0], mid});
                    continue;
                }
                truncated |= count >= RESULT_LIMIT;
                for (Map<String, Object> row : db.query(querySql(), binds(w[0], w[1], runId))) {
                    out.add(HistoryRecord.fromRow(row));
                }
            }
        } catch (SQLException e) {
            throw new SalvoException(
                    "snowflake query history: reading " + source.name().toLowerCase() + " history must "
                            + "succeed, but "
                            + e.getMessage().lines().findFirst().orElse("") + " (SQLSTATE " + e.getSQLState() + ")",
                    e);
        }
        out.sort((a, b) -> a.startTime() == null || b.startTime() == null
                ? 0
                : a.startTime().compareTo(b.startTime()));
        return new Result(out, truncated);
    }

    /**
     * @param c a connection
     * @return an executor running each statement on it (rows keyed by upper-case column name)
     */
    public static Executor executor(Connection c) {
        return (sql, binds) -> Rows.query(c, sql, binds);
    }

    /** Runs one statement. */
    @FunctionalInterface
    public interface Executor {
        /**
         * @param sql the statement
         * @param binds bound values
         * @return the rows keyed by upper-case column name
         * @throws SQLException when the database refuses it
         */
        List<Map<String, Object>> query(String sql, Object... binds) throws SQLException;
    }

    /**
     * @param records the run's queries, by start time
     * @param truncated true when some window still held more than the function's limit (some queries are missing)
     */
    public record Result(List<HistoryRecord> records, boolean truncated) {}
}

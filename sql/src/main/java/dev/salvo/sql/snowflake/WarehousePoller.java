package dev.salvo.sql.snowflake;

import dev.salvo.sql.SalvoException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Polls a warehouse during a run with {@code SHOW WAREHOUSES LIKE '<name>'} (answered by Snowflake's cloud services: it
 * neither needs nor resumes a warehouse) on its own connection and daemon thread: started clusters, running and queued
 * queries over time, for the timelines and the {@link CostModel}. Samples are kept in memory up to a bound (one per
 * period: 10,000 samples are 14 hours at 5 s). A failed poll is remembered (first message) and polling goes on.
 */
public final class WarehousePoller implements AutoCloseable {
    /** Most samples kept. */
    public static final int MAX_SAMPLES = 10_000;

    private final String warehouse;
    private final QueryHistory.Executor db;
    private final LongSupplier clock;
    private final List<WarehouseSample> samples = new ArrayList<>();
    private ScheduledExecutorService executor;
    private String firstError;

    /**
     * @param warehouse the warehouse name as stored
     * @param db runs SHOW WAREHOUSES (use {@link #on(Connection, String)} for a JDBC connection)
     * @param clock epoch milliseconds
     */
    public WarehousePoller(String warehouse, QueryHistory.Executor db, LongSupplier clock) {
        if (warehouse == null || warehouse.isBlank()) {
            throw new SalvoException(
                    "warehouse poller: the warehouse must be named (salvo.warehouse), but was '" + warehouse + "'");
        }
        this.warehouse = warehouse;
        this.db = db;
        this.clock = clock;
    }

    /**
     * @param c a connection the poller may use alone
     * @param warehouse the warehouse
     * @return a poller on that connection
     */
    public static WarehousePoller on(Connection c, String warehouse) {
        return new WarehousePoller(warehouse, (sql, binds) -> Rows.query(c, sql, binds), System::currentTimeMillis);
    }

    /**
     * Takes one sample now.
     *
     * @return the sample, null when the poll failed or the warehouse was not found
     */
    public WarehouseSample pollOnce() {
        try {
            long now = clock.getAsLong();
            for (Map<String, Object> row : db.query(WarehouseSample.showSql(warehouse))) {
                WarehouseSample s = WarehouseSample.fromRow(now, row);
                if (warehouse.equalsIgnoreCase(s.name())) {
                    synchronized (samples) {
                        if (samples.size() < MAX_SAMPLES) {
                            samples.add(s);
                        }
                    }
                    return s;
                }
            }
            remember("warehouse '" + warehouse + "' must be visible to SHOW WAREHOUSES, but was not found");
        } catch (SQLException | RuntimeException e) {
            remember("SHOW WAREHOUSES must succeed, but "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        return null;
    }

    private synchronized void remember(String error) {
        if (firstError == null) {
            firstError = "warehouse poller: " + error;
        }
    }

    /**
     * Polls every {@code period} on a daemon thread until {@link #close()}.
     *
     * @param period time between polls, at least one second
     * @return this
     */
    public synchronized WarehousePoller start(Duration period) {
        if (period == null || period.toMillis() < 1000) {
            throw new SalvoException("warehouse poller: the period must be at least 1 s, but was " + period);
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "salvo-warehouse-poller");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleAtFixedRate(this::pollOnce, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** @return the samples so far, in time order */
    public List<WarehouseSample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** @return the first failure, null when every poll succeeded */
    public synchronized String firstError() {
        return firstError;
    }

    /** Stops polling (a poll in progress finishes). */
    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    /**
     * {@code WAREHOUSE_LOAD_HISTORY} for a time range (bound: from and to as epoch ms, then the warehouse name): average
     * running, queued-load, queued-provisioning and blocked queries per interval, as Snowflake computes them.
     *
     * @return the SQL
     */
    public static String loadHistorySql() {
        return "SELECT * FROM TABLE(INFORMATION_SCHEMA.WAREHOUSE_LOAD_HISTORY(DATE_RANGE_START => TO_TIMESTAMP_LTZ(?, 3), "
                + "DATE_RANGE_END => TO_TIMESTAMP_LTZ(?, 3), WAREHOUSE_NAME => ?)) ORDER BY START_TIME";
    }

    /**
     * The {@code WAREHOUSE_NAME} argument of {@code WAREHOUSE_LOAD_HISTORY}: Snowflake's documentation asks for a name
     * with spaces, lower-case or special characters to be double-quoted inside the string; an upper-case name as stored
     * for an unquoted identifier is passed as it is.
     *
     * @param warehouse the warehouse's name as stored in the catalog
     * @return the argument's value (bound, never spliced into the SQL)
     */
    public static String loadHistoryName(String warehouse) {
        return warehouse.matches("[A-Z_][A-Z0-9_$]*") ? warehouse : '"' + warehouse.replace("\"", "\"\"") + '"';
    }

    /**
     * Reads {@link #loadHistorySql()} for a warehouse and a time range. Snowflake documents that an end within one
     * minute of the current time can give inaccurate results: read it a minute after the range's end where possible.
     *
     * @param db where to run it
     * @param warehouse the warehouse's name as stored in the catalog
     * @param from range start
     * @param to range end
     * @return its intervals, in time order (5-second intervals for a range under 8 hours, per the documentation)
     * @throws SQLException when Snowflake refuses
     */
    public static List<LoadInterval> readLoadHistory(
            QueryHistory.Executor db, String warehouse, Instant from, Instant to) throws SQLException {
        List<LoadInterval> out = new ArrayList<>();
        for (Map<String, Object> row :
                db.query(loadHistorySql(), from.toEpochMilli(), to.toEpochMilli(), loadHistoryName(warehouse))) {
            out.add(LoadInterval.fromRow(row));
        }
        return out;
    }

    /**
     * One interval of WAREHOUSE_LOAD_HISTORY. Each value is Snowflake's "query load": the total time of the queries in
     * that state during the interval divided by the interval's length, i.e. the average number of such queries.
     *
     * @param start interval start
     * @param end interval end
     * @param avgRunning AVG_RUNNING
     * @param avgQueuedLoad AVG_QUEUED_LOAD
     * @param avgQueuedProvisioning AVG_QUEUED_PROVISIONING
     * @param avgBlocked AVG_BLOCKED
     */
    public record LoadInterval(
            Instant start,
            Instant end,
            double avgRunning,
            double avgQueuedLoad,
            double avgQueuedProvisioning,
            double avgBlocked) {
        /**
         * @param row a row of {@link #loadHistorySql()}
         * @return the interval
         */
        public static LoadInterval fromRow(Map<String, Object> row) {
            return new LoadInterval(
                    Rows.instant(row, "START_TIME"),
                    Rows.instant(row, "END_TIME"),
                    d(row, "AVG_RUNNING"),
                    d(row, "AVG_QUEUED_LOAD"),
                    d(row, "AVG_QUEUED_PROVISIONING"),
                    d(row, "AVG_BLOCKED"));
        }

        private static double d(Map<String, Object> row, String column) {
            Double v = Rows.doubleValue(row, column);
            return v == null ? 0 : v;
        }
    }
}

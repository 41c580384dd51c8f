package dev.salvo.sql.snowflake;

import java.util.Map;

/**
 * One observation of a warehouse by the {@link WarehousePoller} ({@code SHOW WAREHOUSES}).
 *
 * @param epochMillis when it was taken
 * @param name warehouse name
 * @param state STARTED, SUSPENDED, RESIZING, ...
 * @param type STANDARD, SNOWPARK-OPTIMIZED, ...
 * @param size e.g. X-Small
 * @param startedClusters clusters running
 * @param minClusters MIN_CLUSTER_COUNT
 * @param maxClusters MAX_CLUSTER_COUNT
 * @param running queries running
 * @param queued queries queued
 * @param autoSuspendSeconds AUTO_SUSPEND, null when never
 */
public record WarehouseSample(
        long epochMillis,
        String name,
        String state,
        String type,
        String size,
        int startedClusters,
        int minClusters,
        int maxClusters,
        int running,
        int queued,
        Long autoSuspendSeconds) {

    /** {@code SHOW WAREHOUSES LIKE '<name>'}: SHOW takes no bound parameters, so the name is a quoted literal. */
    static String showSql(String warehouse) {
        return "SHOW WAREHOUSES LIKE " + QueryTag.literal(warehouse);
    }

    /**
     * Reads one row of SHOW WAREHOUSES (lower-case column names as Snowflake returns them; read case-insensitively).
     *
     * @param epochMillis when the row was read
     * @param row the row
     * @return the sample
     */
    public static WarehouseSample fromRow(long epochMillis, Map<String, Object> row) {
        return new WarehouseSample(
                epochMillis,
                Rows.text(row, "NAME"),
                Rows.text(row, "STATE"),
                Rows.text(row, "TYPE"),
                Rows.text(row, "SIZE"),
                (int) Rows.longOrZero(row, "STARTED_CLUSTERS"),
                (int) Rows.longOrZero(row, "MIN_CLUSTER_COUNT"),
                (int) Rows.longOrZero(row, "MAX_CLUSTER_COUNT"),
                (int) Rows.longOrZero(row, "RUNNING"),
                (int) Rows.longOrZero(row, "QUEUED"),
                Rows.longValue(row, "AUTO_SUSPEND"));
    }
}

package dev.salvo.sql.snowflake;

import java.time.Instant;
import java.util.Map;

/**
 * One query as Snowflake's query history reports it (times in milliseconds, as Snowflake gives them). Values a source
 * does not report are null.
 *
 * @param queryId Snowflake's query id
 * @param queryText the SQL text
 * @param queryTag the session's QUERY_TAG when the query ran
 * @param queryType e.g. SELECT, INSERT
 * @param status EXECUTION_STATUS, e.g. SUCCESS, FAIL
 * @param warehouseName the warehouse, null when none was used
 * @param warehouseSize the warehouse size, null when none was used
 * @param clusterNumber the cluster of a multi-cluster warehouse that ran it
 * @param startTime when it started
 * @param endTime when it ended
 * @param totalElapsedMillis TOTAL_ELAPSED_TIME
 * @param compilationMillis COMPILATION_TIME
 * @param queuedProvisioningMillis QUEUED_PROVISIONING_TIME (waiting for the warehouse to start or resize)
 * @param queuedRepairMillis QUEUED_REPAIR_TIME
 * @param queuedOverloadMillis QUEUED_OVERLOAD_TIME (waiting because the warehouse was busy)
 * @param transactionBlockedMillis TRANSACTION_BLOCKED_TIME
 * @param executionMillis EXECUTION_TIME
 * @param bytesScanned BYTES_SCANNED
 * @param percentScannedFromCache PERCENTAGE_SCANNED_FROM_CACHE, 0..1 as Snowflake gives it
 * @param partitionsScanned PARTITIONS_SCANNED
 * @param partitionsTotal PARTITIONS_TOTAL
 * @param bytesSpilledLocal BYTES_SPILLED_TO_LOCAL_STORAGE
 * @param bytesSpilledRemote BYTES_SPILLED_TO_REMOTE_STORAGE
 * @param rowsProduced ROWS_PRODUCED
 * @param cloudServicesCredits CREDITS_USED_CLOUD_SERVICES
 */
public record HistoryRecord(
        String queryId,
        String queryText,
        String queryTag,
        String queryType,
        String status,
        String warehouseName,
        String warehouseSize,
        Long clusterNumber,
        Instant startTime,
        Instant endTime,
        long totalElapsedMillis,
        long compilationMillis,
        long queuedProvisioningMillis,
        long queuedRepairMillis,
        long queuedOverloadMillis,
        long transactionBlockedMillis,
        long executionMillis,
        Long bytesScanned,
        Double percentScannedFromCache,
        Long partitionsScanned,
        Long partitionsTotal,
        Long bytesSpilledLocal,
        Long bytesSpilledRemote,
        Long rowsProduced,
        Double cloudServicesCredits) {

    /**
     * Reads one row of {@code QUERY_HISTORY}, {@code QUERY_HISTORY_BY_*} or {@code ACCOUNT_USAGE.QUERY_HISTORY}, by
     * column name.
     *
     * @param row the row, keyed by column name (case-insensitive)
     * @return the record
     */
    public static HistoryRecord fromRow(Map<String, Object> row) {
        return new HistoryRecord(
                Rows.text(row, "QUERY_ID"),
                Rows.text(row, "QUERY_TEXT"),
                Rows.text(row, "QUERY_TAG"),
                Rows.text(row, "QUERY_TYPE"),
                Rows.text(row, "EXECUTION_STATUS"),
                Rows.text(row, "WAREHOUSE_NAME"),
                Rows.text(row, "WAREHOUSE_SIZE"),
                Rows.longValue(row, "CLUSTER_NUMBER"),
                Rows.instant(row, "START_TIME"),
                Rows.instant(row, "END_TIME"),
                Rows.longOrZero(row, "TOTAL_ELAPSED_TIME"),
                Rows.longOrZero(row, "COMPILATION_TIME"),
                Rows.longOrZero(row, "QUEUED_PROVISIONING_TIME"),
                Rows.longOrZero(row, "QUEUED_REPAIR_TIME"),
                Rows.longOrZero(row, "QUEUED_OVERLOAD_TIME"),
                Rows.longOrZero(row, "TRANSACTION_BLOCKED_TIME"),
                Rows.longOrZero(row, "EXECUTION_TIME"),
                Rows.longValue(row, "BYTES_SCANNED"),
                Rows.doubleValue(row, "PERCENTAGE_SCANNED_FROM_CACHE"),
                Rows.longValue(row, "PARTITIONS_SCANNED"),
                Rows.longValue(row, "PARTITIONS_TOTAL"),
                Rows.longValue(row, "BYTES_SPILLED_TO_LOCAL_STORAGE"),
                Rows.longValue(row, "BYTES_SPILLED_TO_REMOTE_STORAGE"),
                Rows.longValue(row, "ROWS_PRODUCED"),
                Rows.doubleValue(row, "CREDITS_USED_CLOUD_SERVICES"));
    }

    /** @return true when EXECUTION_STATUS is SUCCESS */
    public boolean succeeded() {
        return "SUCCESS".equalsIgnoreCase(status);
    }

    /**
     * Whether the query was answered without executing on a warehouse, which for a repeated SELECT means Snowflake's
     * result cache (or metadata alone). Snowflake's history has no column saying so; this is Salvo's heuristic: a
     * successful SELECT with zero execution time and zero bytes scanned. An estimate, marked so in reports.
     *
     * @return true when the query looks like a result-cache answer
     */
    public boolean resultReused() {
        return succeeded()
                && "SELECT".equalsIgnoreCase(queryType)
                && executionMillis == 0
                && (bytesScanned == null || bytesScanned == 0);
    }
}

package dev.salvo.sql.snowflake;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Parsing of query-history rows. The rows are CONSTRUCTED from Snowflake's documentation of QUERY_HISTORY (column names
 * and types: NUMBER arrives as BigDecimal or Long, TIMESTAMP_LTZ as Timestamp); none is a capture from a live account.
 */
class HistoryRecordTest {

    static Map<String, Object> row(
            String id,
            String text,
            String tag,
            String type,
            String status,
            long elapsed,
            long compile,
            long exec,
            Long bytes,
            Double cachePct) {
        Map<String, Object> r = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        r.put("QUERY_ID", id);
        r.put("QUERY_TEXT", text);
        r.put("QUERY_TAG", tag);
        r.put("QUERY_TYPE", type);
        r.put("EXECUTION_STATUS", status);
        r.put("WAREHOUSE_NAME", "BENCH_WH");
        r.put("WAREHOUSE_SIZE", "X-Small");
        r.put("CLUSTER_NUMBER", new BigDecimal("1"));
        r.put("START_TIME", Timestamp.from(Instant.parse("2026-12-01T19:00:00Z")));
        r.put("END_TIME", Timestamp.from(Instant.parse("2026-12-01T19:00:00Z").plusMillis(elapsed)));
        r.put("TOTAL_ELAPSED_TIME", new BigDecimal(elapsed));
        r.put("COMPILATION_TIME", compile);
        r.put("QUEUED_PROVISIONING_TIME", 0L);
        r.put("QUEUED_REPAIR_TIME", 0L);
        r.put("QUEUED_OVERLOAD_TIME", 0L);
        r.put("TRANSACTION_BLOCKED_TIME", 0L);
        r.put("EXECUTION_TIME", exec);
        r.put("BYTES_SCANNED", bytes);
        r.put("PERCENTAGE_SCANNED_FROM_CACHE", cachePct);
        r.put("PARTITIONS_SCANNED", 2L);
        r.put("PARTITIONS_TOTAL", 10L);
        r.put("BYTES_SPILLED_TO_LOCAL_STORAGE", 0L);
        r.put("BYTES_SPILLED_TO_REMOTE_STORAGE", 0L);
        r.put("ROWS_PRODUCED", 1L);
        r.put("CREDITS_USED_CLOUD_SERVICES", new BigDecimal("0.000012"));
        return r;
    }

    @Test
    void readsEveryColumnByName() {
        HistoryRecord r = HistoryRecord.fromRow(
                row("01b0", "SELECT 1", "{\"salvo\":\"r\",\"worker\":0}", "SELECT", "SUCCESS", 42, 7, 30, 2048L, 0.25));
        assertThat(r.queryId()).isEqualTo("01b0");
        assertThat(r.startTime()).isEqualTo(Instant.parse("2026-12-01T19:00:00Z"));
        assertThat(r.endTime()).isEqualTo(Instant.parse("2026-12-01T19:00:00.042Z"));
        assertThat(r.totalElapsedMillis()).isEqualTo(42);
        assertThat(r.compilationMillis()).isEqualTo(7);
        assertThat(r.executionMillis()).isEqualTo(30);
        assertThat(r.bytesScanned()).isEqualTo(2048);
        assertThat(r.percentScannedFromCache()).isEqualTo(0.25);
        assertThat(r.partitionsScanned()).isEqualTo(2);
        assertThat(r.clusterNumber()).isEqualTo(1);
        assertThat(r.cloudServicesCredits()).isEqualTo(0.000012);
        assertThat(r.succeeded()).isTrue();
        assertThat(r.resultReused()).isFalse();
    }

    @Test
    void columnsASourceLacksAreAbsentNotErrors() {
        Map<String, Object> r = row("q", "SELECT 1", null, "SELECT", "SUCCESS", 5, 1, 4, 10L, null);
        r.remove("PARTITIONS_SCANNED");
        r.remove("BYTES_SPILLED_TO_REMOTE_STORAGE");
        HistoryRecord h = HistoryRecord.fromRow(r);
        assertThat(h.partitionsScanned()).isNull();
        assertThat(h.bytesSpilledRemote()).isNull();
    }

    @Test
    void aSelectThatDidNotExecuteLooksLikeAResultCacheAnswer() {
        assertThat(HistoryRecord.fromRow(row("q", "SELECT 1", null, "SELECT", "SUCCESS", 12, 0, 0, 0L, 0.0))
                        .resultReused())
                .isTrue();
        assertThat(HistoryRecord.fromRow(row("q", "INSERT", null, "INSERT", "SUCCESS", 12, 0, 0, 0L, 0.0))
                        .resultReused())
                .isFalse();
        assertThat(HistoryRecord.fromRow(row("q", "SELECT 1", null, "SELECT", "FAIL", 12, 0, 0, 0L, 0.0))
                        .resultReused())
                .isFalse();
    }
}

package dev.salvo.sql.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-request join, on CONSTRUCTED history rows (see {@link HistoryRecordTest}); no live capture. */
class RequestHistoryTest {
    private static final String BY_ID = "SELECT * FROM orders WHERE order_id = ?";
    private static final String RANGE = "SELECT * FROM orders WHERE created_at BETWEEN ? AND ?";

    private static HistoryRecord rec(String text, String tag, long elapsed, long exec, long bytes, double cachePct) {
        return HistoryRecord.fromRow(
                HistoryRecordTest.row("q", text, tag, "SELECT", "SUCCESS", elapsed, 2, exec, bytes, cachePct));
    }

    @Test
    void joinsByTheTagsRequestFirstThenByQueryText() {
        Map<String, String> sql = new LinkedHashMap<>();
        sql.put("by id", BY_ID);
        sql.put("range", RANGE);
        List<HistoryRecord> records = List.of(
                rec("  " + BY_ID + "\n", "{\"salvo\":\"r\",\"worker\":0}", 10, 8, 100, 1.0),
                rec(BY_ID, "{\"salvo\":\"r\",\"worker\":0,\"request\":\"range\"}", 20, 18, 300, 0.0),
                rec("SELECT COUNT(*) FROM \"ORDERS\"", "{\"salvo\":\"r\",\"worker\":0}", 5, 0, 0, 0.0));
        List<RequestHistory> joined = RequestHistory.join(records, sql);
        assertThat(joined).extracting(RequestHistory::request).containsExactly("by id", "range", RequestHistory.OTHER);
        assertThat(joined.get(0).queries()).isEqualTo(1);
        assertThat(joined.get(1).meanElapsedMillis()).isEqualTo(20.0);
        assertThat(joined.get(2).resultReused()).isEqualTo(1);
    }

    @Test
    void summarizesTimesScansCacheAndSpillsExactly() {
        List<HistoryRecord> records = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            records.add(rec(BY_ID, null, i * 10L, i * 5L, 1000, i <= 10 ? 1.0 : 0.0));
        }
        records.add(HistoryRecord.fromRow(
                HistoryRecordTest.row("q", BY_ID, null, "SELECT", "FAIL", 500, 3, 0, 3000L, 0.5)));
        RequestHistory h = RequestHistory.summarize("by id", records);
        assertThat(h.queries()).isEqualTo(21);
        assertThat(h.failed()).isEqualTo(1);
        assertThat(h.resultReused()).isZero();
        assertThat(h.elapsedP50Millis()).isEqualTo(110); // nearest rank 11 of 10,20,...,200,500
        assertThat(h.elapsedP95Millis()).isEqualTo(200); // rank 20
        assertThat(h.elapsedMaxMillis()).isEqualTo(500);
        assertThat(h.meanElapsedMillis()).isCloseTo((2100 + 500) / 21.0, within(1e-12));
        assertThat(h.meanCompilationMillis()).isCloseTo(2.0 * 20 / 21 + 3.0 / 21, within(1e-12));
        assertThat(h.totalExecutionMillis()).isEqualTo(1050);
        assertThat(h.bytesScanned()).isEqualTo(23_000);
        assertThat(h.partitionsScanned()).isEqualTo(42);
        assertThat(h.partitionsTotal()).isEqualTo(210);
        assertThat(h.partitionsScannedFraction()).isEqualTo(0.2);
        // bytes-weighted: (10 x 1000 x 1.0 + 3000 x 0.5) / 23,000
        assertThat(h.scannedFromCache()).isCloseTo(11_500 / 23_000.0, within(1e-12));
        assertThat(h.bytesSpilledLocal()).isZero();
        assertThat(h.cloudServicesCredits()).isCloseTo(21 * 0.000012, within(1e-12));
    }

    @Test
    void columnsNoRecordReportsStayAbsent() {
        java.util.Map<String, Object> row =
                HistoryRecordTest.row("q", BY_ID, null, "SELECT", "SUCCESS", 5, 1, 4, 10L, null);
        row.remove("PARTITIONS_SCANNED");
        row.remove("BYTES_SPILLED_TO_LOCAL_STORAGE");
        java.util.Map<String, Object> other =
                HistoryRecordTest.row("q", BY_ID, null, "SELECT", "SUCCESS", 5, 1, 4, 10L, null);
        other.remove("BYTES_SPILLED_TO_LOCAL_STORAGE");
        RequestHistory h =
                RequestHistory.summarize("x", List.of(HistoryRecord.fromRow(row), HistoryRecord.fromRow(other)));
        assertThat(h.bytesSpilledLocal()).isNull();
        assertThat(h.partitionsScanned()).isEqualTo(2); // only the second record reports it
        assertThat(h.scannedFromCache()).isNull();
    }

    @Test
    void anEmptyRequestHasZeroesAndNoRates() {
        RequestHistory h = RequestHistory.summarize("none", List.of());
        assertThat(h.queries()).isZero();
        assertThat(h.resultReuseRate()).isZero();
        assertThat(h.partitionsScannedFraction()).isNull();
        assertThat(h.scannedFromCache()).isNull();
    }

    @Test
    void readsTheRequestOnlyFromSalvosJsonTags() {
        assertThat(RequestHistory.requestOf("{\"salvo\":\"r\",\"worker\":0,\"request\":\"x\"}"))
                .isEqualTo("x");
        assertThat(RequestHistory.requestOf("{\"salvo\":\"r\",\"worker\":0}")).isNull();
        assertThat(RequestHistory.requestOf("nightly-etl")).isNull();
        assertThat(RequestHistory.requestOf("{not json")).isNull();
        assertThat(RequestHistory.requestOf(null)).isNull();
    }
}

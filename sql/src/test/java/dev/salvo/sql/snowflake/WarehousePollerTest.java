package dev.salvo.sql.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The poller and its parsers. SHOW WAREHOUSES rows are CONSTRUCTED from Snowflake's SHOW WAREHOUSES reference (lower-case
 * column names, numbers as text or NUMBER); no live capture.
 */
class WarehousePollerTest {

    static Map<String, Object> showRow(String name, String state, Object started, Object running, Object queued) {
        Map<String, Object> r = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        r.put("name", name);
        r.put("state", state);
        r.put("type", "STANDARD");
        r.put("size", "X-Small");
        r.put("min_cluster_count", "1");
        r.put("max_cluster_count", new BigDecimal("3"));
        r.put("started_clusters", started);
        r.put("running", running);
        r.put("queued", queued);
        r.put("auto_suspend", "600");
        return r;
    }

    @Test
    void sendsShowWarehousesWithAQuotedNameAndKeepsTheExactMatch() {
        List<String> sent = new ArrayList<>();
        AtomicLong now = new AtomicLong(1_000);
        WarehousePoller p = new WarehousePoller(
                "BENCH_WH",
                (sql, binds) -> {
                    sent.add(sql);
                    // LIKE is a pattern: BENCH_WH also matches BENCHXWH; the poller keeps the exact name
                    return List.of(
                            showRow("BENCHXWH", "SUSPENDED", 0, 0, 0), showRow("BENCH_WH", "STARTED", "2", 7L, 3L));
                },
                now::get);
        WarehouseSample s = p.pollOnce();
        assertThat(sent).containsExactly("SHOW WAREHOUSES LIKE 'BENCH_WH'");
        assertThat(s)
                .isEqualTo(
                        new WarehouseSample(1_000, "BENCH_WH", "STARTED", "STANDARD", "X-Small", 2, 1, 3, 7, 3, 600L));
        now.set(6_000);
        p.pollOnce();
        assertThat(p.samples()).extracting(WarehouseSample::epochMillis).containsExactly(1_000L, 6_000L);
        assertThat(p.firstError()).isNull();
    }

    @Test
    void quotesANameThatHoldsAQuote() {
        assertThat(WarehouseSample.showSql("it's")).isEqualTo("SHOW WAREHOUSES LIKE 'it\\'s'");
    }

    @Test
    void remembersTheFirstFailureAndGoesOn() {
        WarehousePoller p = new WarehousePoller(
                "WH",
                (sql, binds) -> {
                    throw new SQLException("Insufficient privileges to operate on warehouse 'WH'\nmore", "42501");
                },
                () -> 0);
        assertThat(p.pollOnce()).isNull();
        assertThat(p.firstError())
                .isEqualTo("warehouse poller: SHOW WAREHOUSES must succeed, but Insufficient privileges "
                        + "to operate on warehouse 'WH'");
        WarehousePoller missing = new WarehousePoller("WH", (sql, binds) -> List.of(), () -> 0);
        assertThat(missing.pollOnce()).isNull();
        assertThat(missing.firstError())
                .isEqualTo("warehouse poller: warehouse 'WH' must be visible to SHOW WAREHOUSES, but was not found");
    }

    @Test
    void pollsOnItsOwnThreadUntilClosed() throws Exception {
        AtomicLong polls = new AtomicLong();
        try (WarehousePoller p = new WarehousePoller(
                        "WH",
                        (sql, binds) -> {
                            polls.incrementAndGet();
                            return List.of(showRow("WH", "STARTED", 1, 0, 0));
                        },
                        System::currentTimeMillis)
                .start(Duration.ofSeconds(1))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (p.samples().size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(p.samples()).hasSizeGreaterThanOrEqualTo(2);
        }
        long after = polls.get();
        Thread.sleep(1_500);
        assertThat(polls.get()).isLessThanOrEqualTo(after + 1);
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> new WarehousePoller(" ", (sql, b) -> List.of(), () -> 0))
                .hasMessage("warehouse poller: the warehouse must be named (salvo.warehouse), but was ' '");
        assertThatThrownBy(() -> new WarehousePoller("WH", (sql, b) -> List.of(), () -> 0).start(Duration.ofMillis(10)))
                .hasMessage("warehouse poller: the period must be at least 1 s, but was PT0.01S");
    }

    @Test
    void readsLoadHistoryIntervals() {
        assertThat(WarehousePoller.loadHistorySql())
                .isEqualTo("SELECT * FROM TABLE(INFORMATION_SCHEMA.WAREHOUSE_LOAD_HISTORY("
                        + "DATE_RANGE_START => TO_TIMESTAMP_LTZ(?, 3), DATE_RANGE_END => TO_TIMESTAMP_LTZ(?, 3), WAREHOUSE_NAME => ?)) "
                        + "ORDER BY START_TIME");
        Map<String, Object> row = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        row.put("START_TIME", Timestamp.from(Instant.parse("2026-12-01T19:00:00Z")));
        row.put("END_TIME", Timestamp.from(Instant.parse("2026-12-01T19:05:00Z")));
        row.put("AVG_RUNNING", new BigDecimal("3.2"));
        row.put("AVG_QUEUED_LOAD", new BigDecimal("0.5"));
        row.put("AVG_QUEUED_PROVISIONING", null);
        row.put("AVG_BLOCKED", 0);
        assertThat(WarehousePoller.LoadInterval.fromRow(row))
                .isEqualTo(new WarehousePoller.LoadInterval(
                        Instant.parse("2026-12-01T19:00:00Z"), Instant.parse("2026-12-01T19:05:00Z"), 3.2, 0.5, 0, 0));
    }

    /** Rows CONSTRUCTED from the function's documented columns (TIMESTAMP_LTZ, NUMBER(38,9)); not a capture. */
    private static Map<String, Object> loadRow(String start, String end, String running, String queued) {
        Map<String, Object> row = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        row.put("START_TIME", Timestamp.from(Instant.parse(start)));
        row.put("END_TIME", Timestamp.from(Instant.parse(end)));
        row.put("WAREHOUSE_ID", 12L);
        row.put("WAREHOUSE_NAME", "BENCH_WH");
        row.put("AVG_RUNNING", new BigDecimal(running));
        row.put("AVG_QUEUED_LOAD", new BigDecimal(queued));
        row.put("AVG_QUEUED_PROVISIONING", new BigDecimal("0.000000000"));
        row.put("AVG_BLOCKED", new BigDecimal("0.000000000"));
        return row;
    }

    @Test
    void readsTheLoadHistoryOfARunsWindowWithBoundArguments() throws Exception {
        List<Object[]> binds = new ArrayList<>();
        List<WarehousePoller.LoadInterval> load = WarehousePoller.readLoadHistory(
                (sql, b) -> {
                    assertThat(sql).isEqualTo(WarehousePoller.loadHistorySql());
                    binds.add(b);
                    return List.of(
                            loadRow("2026-12-01T19:00:00Z", "2026-12-01T19:00:05Z", "1.800000000", "0.000000000"),
                            loadRow("2026-12-01T19:00:05Z", "2026-12-01T19:00:10Z", "3.950000000", "0.410000000"));
                },
                "BENCH_WH",
                Instant.parse("2026-12-01T19:00:00Z"),
                Instant.parse("2026-12-01T19:00:10Z"));
        assertThat(binds)
                .singleElement()
                .satisfies(b -> assertThat(b).containsExactly(1_796_151_600_000L, 1_796_151_610_000L, "BENCH_WH"));
        assertThat(load)
                .containsExactly(
                        new WarehousePoller.LoadInterval(
                                Instant.parse("2026-12-01T19:00:00Z"),
                                Instant.parse("2026-12-01T19:00:05Z"),
                                1.8,
                                0,
                                0,
                                0),
                        new WarehousePoller.LoadInterval(
                                Instant.parse("2026-12-01T19:00:05Z"),
                                Instant.parse("2026-12-01T19:00:10Z"),
                                3.95,
                                0.41,
                                0,
                                0));
    }

    @Test
    void quotesAWarehouseNameTheWayTheLoadHistoryArgumentNeedsIt() {
        assertThat(WarehousePoller.loadHistoryName("BENCH_WH")).isEqualTo("BENCH_WH");
        assertThat(WarehousePoller.loadHistoryName("Bench wh")).isEqualTo("\"Bench wh\"");
        assertThat(WarehousePoller.loadHistoryName("a\"b")).isEqualTo("\"a\"\"b\"");
    }
}

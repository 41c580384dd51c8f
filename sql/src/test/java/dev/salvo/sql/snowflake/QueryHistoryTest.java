package dev.salvo.sql.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salvo.sql.SalvoException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The history SQL and the window splitting. Answers are CONSTRUCTED (a table function that returns at most 10,000 rows
 * per call, as Snowflake documents RESULT_LIMIT); no live account.
 */
class QueryHistoryTest {
    private static final Instant FROM = Instant.parse("2026-12-01T19:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-01T19:10:00Z");

    @Test
    void readsTheUsersHistoryWithBoundTimesAndRunId() {
        QueryHistory h = QueryHistory.byUser();
        assertThat(h.countSql())
                .isEqualTo("SELECT COUNT(*) AS QUERIES FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY_BY_USER("
                        + "END_TIME_RANGE_START => TO_TIMESTAMP_LTZ(?, 3), END_TIME_RANGE_END => TO_TIMESTAMP_LTZ(?, 3), "
                        + "RESULT_LIMIT => 10000))");
        assertThat(h.querySql())
                .isEqualTo(
                        "SELECT * FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY_BY_USER("
                                + "END_TIME_RANGE_START => TO_TIMESTAMP_LTZ(?, 3), END_TIME_RANGE_END => TO_TIMESTAMP_LTZ(?, 3), "
                                + "RESULT_LIMIT => 10000)) WHERE TRY_PARSE_JSON(QUERY_TAG):salvo::STRING = ? ORDER BY START_TIME");
        assertThat(h.binds(FROM, TO, "run-1")).containsExactly(FROM.toEpochMilli(), TO.toEpochMilli(), "run-1");
    }

    @Test
    void warehouseAndSessionSourcesBindTheirScopeFirst() {
        assertThat(QueryHistory.byWarehouse("BENCH_WH").querySql())
                .startsWith("SELECT * FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY_BY_WAREHOUSE(WAREHOUSE_NAME => ?, "
                        + "END_TIME_RANGE_START");
        assertThat(QueryHistory.byWarehouse("BENCH_WH").binds(FROM, TO, null))
                .containsExactly("BENCH_WH", FROM.toEpochMilli(), TO.toEpochMilli());
        assertThat(QueryHistory.bySession(42L).countSql()).contains("QUERY_HISTORY_BY_SESSION(SESSION_ID => ?, ");
        assertThat(QueryHistory.bySession(42L).binds(FROM, TO, "r"))
                .containsExactly(42L, FROM.toEpochMilli(), TO.toEpochMilli(), "r");
    }

    /** A history holding one query per 10 ms over the 10 minutes (60,000): every window over 10,000 must be split. */
    @Test
    void splitsWindowsUntilEachIsUnderTheLimit() {
        List<String> calls = new ArrayList<>();
        QueryHistory.Executor db = (sql, binds) -> {
            long from = (Long) binds[0];
            long to = (Long) binds[1];
            long first = (from + 9) / 10 * 10;
            long n = to < first ? 0 : (to - first) / 10 + 1;
            if (sql.startsWith("SELECT COUNT")) {
                calls.add("count");
                return List.of(Map.of("QUERIES", Math.min(n, 10_000)));
            }
            calls.add("query");
            List<Map<String, Object>> rows = new ArrayList<>();
            for (long t = first; t <= to; t += 10) {
                rows.add(Map.of(
                        "QUERY_ID",
                        "q" + t,
                        "EXECUTION_STATUS",
                        "SUCCESS",
                        "TOTAL_ELAPSED_TIME",
                        1L,
                        "START_TIME",
                        new java.sql.Timestamp(t)));
            }
            return rows;
        };
        QueryHistory.Result r = QueryHistory.byUser().read(db, "run-1", FROM, TO);
        assertThat(r.truncated()).isFalse();
        assertThat(r.records()).hasSize(60_001); // both ends inclusive, every query once
        assertThat(r.records().stream().map(HistoryRecord::queryId).distinct().count())
                .isEqualTo(60_001);
        assertThat(r.records().get(0).startTime()).isEqualTo(FROM);
        assertThat(calls.stream().filter("query"::equals).count()).isEqualTo(8);
    }

    @Test
    void aWindowStillFullAtOneSecondIsReportedTruncated() {
        QueryHistory.Executor db =
                (sql, binds) -> sql.startsWith("SELECT COUNT") ? List.of(Map.of("QUERIES", 10_000L)) : List.of();
        assertThat(QueryHistory.byUser()
                        .read(db, "r", FROM, FROM.plusMillis(900))
                        .truncated())
                .isTrue();
    }

    @Test
    void aRefusedReadIsOneLine() {
        QueryHistory.Executor db = (sql, binds) -> {
            throw new SQLException("SQL compilation error:\nInvalid argument", "42601");
        };
        assertThatThrownBy(() -> QueryHistory.byWarehouse("WH").read(db, "r", FROM, TO))
                .isInstanceOf(SalvoException.class)
                .hasMessage(
                        "snowflake query history: reading warehouse history must succeed, but SQL compilation error: "
                                + "(SQLSTATE 42601)");
    }
}

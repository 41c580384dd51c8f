package dev.salvo.sql.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * AGGREGATE_QUERY_HISTORY rows CONSTRUCTED from Snowflake's documentation of the view (OBJECT statistics columns arrive
 * as JSON text over JDBC); no live capture.
 */
class AggregateHistoryTest {
    private static Map<String, Object> row(String text, long calls, String elapsed, String exec) {
        Map<String, Object> r = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        r.put("QUERY_TEXT", text);
        r.put("CALLS", calls);
        r.put("QUERY_TAG", "{\"salvo\":\"r\",\"worker\":0}");
        r.put("TOTAL_ELAPSED_TIME", elapsed);
        r.put("EXECUTION_TIME", exec);
        return r;
    }

    @Test
    void filtersByTheRunTagWithBoundValues() {
        assertThat(AggregateHistory.sql())
                .isEqualTo("SELECT * FROM SNOWFLAKE.ACCOUNT_USAGE.AGGREGATE_QUERY_HISTORY WHERE "
                        + "INTERVAL_START_TIME >= TO_TIMESTAMP_LTZ(?, 3) AND INTERVAL_END_TIME <= TO_TIMESTAMP_LTZ(?, 3) AND "
                        + "TRY_PARSE_JSON(QUERY_TAG):salvo::STRING = ? ORDER BY INTERVAL_START_TIME");
    }

    @Test
    void sumsIntervalsPerRequestAndBoundsP99ByTheWorstInterval() {
        String sql = "SELECT * FROM ht WHERE id = ?";
        List<AggregateHistory.Aggregate> a = AggregateHistory.summarize(
                List.of(
                        row(
                                sql,
                                600,
                                "{\n  \"avg\": 4.0, \"sum\": 2400, \"max\": 31, \"p90\": 6, \"p99\": 12\n}",
                                "{\"sum\": 1800, \"avg\": 3.0}"),
                        row(sql, 400, "{\"avg\": 6.0, \"sum\": 2400, \"max\": 55, \"p99\": 20}", "{\"sum\": 2000}"),
                        row("SELECT 1", 1, "{\"sum\": 1, \"max\": 1, \"p99\": 1}", null)),
                Map.of("by id", sql));
        assertThat(a)
                .containsExactly(
                        new AggregateHistory.Aggregate("by id", 1000, 4.8, 55, 20, 3.8, 0),
                        new AggregateHistory.Aggregate("SELECT 1", 1, 1, 1, 1, 0, 0));
    }

    @Test
    void rejectsAStatisticsColumnThatIsNoObject() {
        assertThatThrownBy(() -> AggregateHistory.summarize(List.of(row("x", 1, "[1, 2]", null)), Map.of()))
                .hasMessage(
                        "aggregate query history: TOTAL_ELAPSED_TIME must be a JSON object of statistics, but was '[1, 2]'");
    }
}

package dev.salvo.sql.snowflake;

import dev.salvo.sql.SalvoException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code SNOWFLAKE.ACCOUNT_USAGE.AGGREGATE_QUERY_HISTORY}: for hybrid tables, whose short queries the per-query history
 * does not record, Snowflake aggregates every execution of a statement per minute, with latency statistics as OBJECT
 * columns ({@code {"sum":..,"avg":..,"max":..,"p90":..,"p99":..}}, ms). An Account Usage view: it lags behind (read it
 * well after the run) and needs a role with access to the SNOWFLAKE database.
 */
public final class AggregateHistory {
    private AggregateHistory() {}

    /**
     * The run's aggregated statements (bound: from and to as epoch ms, the run id).
     *
     * @return the SQL
     */
    public static String sql() {
        return "SELECT * FROM SNOWFLAKE.ACCOUNT_USAGE.AGGREGATE_QUERY_HISTORY WHERE INTERVAL_START_TIME >= "
                + "TO_TIMESTAMP_LTZ(?, 3) AND INTERVAL_END_TIME <= TO_TIMESTAMP_LTZ(?, 3) AND "
                + "TRY_PARSE_JSON(QUERY_TAG):salvo::STRING = ? ORDER BY INTERVAL_START_TIME";
    }

    /**
     * One request's aggregate over the run's intervals. Percentiles cannot be merged across intervals: the largest
     * interval p99 is given as an upper bound of the run's p99.
     *
     * @param request the request (by query text), or the query text when it matches none
     * @param calls executions
     * @param meanElapsedMillis TOTAL_ELAPSED_TIME sum over calls
     * @param maxElapsedMillis largest TOTAL_ELAPSED_TIME
     * @param maxIntervalP99Millis largest per-interval p99 of TOTAL_ELAPSED_TIME
     * @param meanExecutionMillis EXECUTION_TIME sum over calls
     * @param meanQueuedOverloadMillis QUEUED_OVERLOAD_TIME sum over calls
     */
    public record Aggregate(
            String request,
            long calls,
            double meanElapsedMillis,
            double maxElapsedMillis,
            double maxIntervalP99Millis,
            double meanExecutionMillis,
            double meanQueuedOverloadMillis) {}

    /**
     * Sums the rows per request (matched by query text as in {@link RequestHistory#join}).
     *
     * @param rows rows of {@link #sql()}
     * @param sqlByRequest each request's SQL text as sent
     * @return one aggregate per request or unmatched text, in order of first appearance
     */
    public static List<Aggregate> summarize(List<Map<String, Object>> rows, Map<String, String> sqlByRequest) {
        Map<String, String> requestBySql = new LinkedHashMap<>();
        sqlByRequest.forEach((name, sql) -> requestBySql.putIfAbsent(sql.strip(), name));
        Map<String, double[]> acc = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            String text = Rows.text(row, "QUERY_TEXT");
            String request = requestBySql.getOrDefault(text == null ? "" : text.strip(), text);
            double[] a = acc.computeIfAbsent(request, k -> new double[6]);
            a[0] += Rows.longOrZero(row, "CALLS");
            Map<?, ?> elapsed = object(row, "TOTAL_ELAPSED_TIME");
            a[1] += number(elapsed, "sum");
            a[2] = Math.max(a[2], number(elapsed, "max"));
            a[3] = Math.max(a[3], number(elapsed, "p99"));
            a[4] += number(object(row, "EXECUTION_TIME"), "sum");
            a[5] += number(object(row, "QUEUED_OVERLOAD_TIME"), "sum");
        }
        return acc.entrySet().stream()
                .map(e -> {
                    double[] a = e.getValue();
                    double calls = Math.max(1, a[0]);
                    return new Aggregate(e.getKey(), (long) a[0], a[1] / calls, a[2], a[3], a[4] / calls, a[5] / calls);
                })
                .toList();
    }

    /** An OBJECT column as JDBC hands it (JSON text), empty when absent. */
    static Map<?, ?> object(Map<String, Object> row, String column) {
        Object v = row.get(column);
        if (v == null) {
            return Map.of();
        }
        if (v instanceof Map<?, ?> m) {
            return m;
        }
        Object parsed;
        try {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(v.toString());
        } catch (RuntimeException e) {
            parsed = null;
        }
        if (!(parsed instanceof Map<?, ?> m)) {
            throw new SalvoException(
                    "aggregate query history: " + column + " must be a JSON object of statistics, but was '"
                            + v.toString().replace('\n', ' ') + "'");
        }
        return m;
    }

    private static double number(Map<?, ?> object, String key) {
        Object v = object.get(key);
        return v instanceof Number n ? n.doubleValue() : 0;
    }
}

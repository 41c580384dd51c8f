package dev.salvo.sql.profile;

import dev.salvo.sql.Dialect;
import dev.salvo.sql.SalvoException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Snowflake profiler. STATISTICS and AUTO run one query of approximate aggregates over the table
 * ({@code COUNT}, {@code APPROX_COUNT_DISTINCT}, {@code MIN}/{@code MAX}, which Snowflake answers largely from
 * micro-partition metadata, and {@code APPROX_TOP_K}); sample values come from {@code SAMPLE BERNOULLI (p) SEED (s)}.
 * SAMPLED derives everything from the sample; EXACT uses full-scan aggregates.
 *
 * <p>SQL generation ({@link #statisticsSql}, {@link #sampleSql}) and result parsing ({@link #fromResults}) are separate
 * from the connection so that they are tested against recorded result rows. Snowflake stores unquoted names in upper
 * case and Salvo always quotes, so give catalog names ({@code ORDERS}, not {@code orders}).
 */
public final class SnowflakeProfiler implements Profiler {
    private final Dialect dialect;

    /** @param dialect quotes identifiers (normally {@link dev.salvo.sql.SnowflakeDialect}) */
    public SnowflakeProfiler(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public TableProfile profile(Connection c, String table, List<String> columns, ProfileOptions options) {
        String qt = ProfilerSupport.quoteTable(dialect, table);
        Map<String, ColumnType> types =
                ProfilerSupport.select(ProfilerSupport.columnTypes(c, qt, table), columns, table);
        if (options.mode() == ProfileMode.SAMPLED || options.mode() == ProfileMode.EXACT) {
            long total = ProfilerSupport.count(c, qt);
            List<List<Object>> sample = ProfilerSupport.rows(c, sampleSql(table, types.keySet(), total, options));
            List<ColumnProfile> out = new ArrayList<>();
            int i = 0;
            for (Map.Entry<String, ColumnType> e : types.entrySet()) {
                List<Object> values = ProfilerSupport.column(shuffled(sample, options), i++, e.getValue());
                out.add(
                        options.mode() == ProfileMode.EXACT
                                ? ProfilerSupport.exact(c, dialect, qt, e.getKey(), e.getValue(), values, options)
                                : SampleStatistics.fromSample(
                                        e.getKey(), e.getValue(), values, total, options, ProfileMode.SAMPLED));
            }
            return TableProfile.of(table, dialect.name(), total, out);
        }
        List<Object> stats =
                ProfilerSupport.rows(c, statisticsSql(table, types, options)).get(0);
        long total = ((Number) stats.get(0)).longValue();
        List<List<Object>> sample = ProfilerSupport.rows(c, sampleSql(table, types.keySet(), total, options));
        return fromResults(table, types, stats, sample, options);
    }

    /**
     * One row: {@code total_rows}, then per column {@code non_null, approx_distinct, min, max, top_k}.
     *
     * @param table the table (optionally {@code schema.table})
     * @param columns the columns and their types, in order
     * @param options the most common values limit
     * @return the SQL
     */
    public String statisticsSql(String table, Map<String, ColumnType> columns, ProfileOptions options) {
        StringBuilder sb = new StringBuilder("SELECT COUNT(*) AS TOTAL_ROWS");
        for (String column : columns.keySet()) {
            String q = dialect.quoteIdentifier(column);
            sb.append(", COUNT(")
                    .append(q)
                    .append("), APPROX_COUNT_DISTINCT(")
                    .append(q)
                    .append("), MIN(")
                    .append(q)
                    .append("), MAX(")
                    .append(q)
                    .append("), APPROX_TOP_K(")
                    .append(q)
                    .append(", ")
                    .append(options.mostCommonLimit())
                    .append(')');
        }
        return sb.append(" FROM ")
                .append(ProfilerSupport.quoteTable(dialect, table))
                .toString();
    }

    /**
     * A seeded Bernoulli sample of about 1.5x the sample size (at least 10,000 rows) (Snowflake accepts SEED only with a percentage). The
     * percentage and seed are numbers Salvo computes, not user text.
     *
     * @param table the table
     * @param columns the columns
     * @param totalRows the table's row count
     * @param options sample size and seed
     * @return the SQL
     */
    public String sampleSql(String table, Iterable<String> columns, long totalRows, ProfileOptions options) {
        double percent = PostgresProfiler.samplePercent(totalRows, options);
        return "SELECT " + ProfilerSupport.selectList(dialect, columns) + " FROM "
                + ProfilerSupport.quoteTable(dialect, table)
                + " SAMPLE BERNOULLI (" + String.format(Locale.ROOT, "%.6f", percent) + ") SEED ("
                + Math.floorMod(options.seed(), 2_147_483_647L) + ")";
    }

    /**
     * Builds the profile from the two result sets of STATISTICS mode.
     *
     * @param table the table
     * @param types the columns and their types, in the order of the statistics query
     * @param stats the statistics row as JDBC values (APPROX_TOP_K as its JSON text)
     * @param sampleRows the sample rows as JDBC values, one value per column
     * @param options caps and seed
     * @return the profile
     */
    public static TableProfile fromResults(
            String table,
            Map<String, ColumnType> types,
            List<Object> stats,
            List<List<Object>> sampleRows,
            ProfileOptions options) {
        if (stats.size() != 1 + 5 * types.size()) {
            throw new SalvoException("profile of table '" + table + "': the statistics row must have "
                    + (1 + 5 * types.size()) + " values, but had " + stats.size());
        }
        long total = ((Number) stats.get(0)).longValue();
        List<List<Object>> sample = shuffled(sampleRows, options);
        List<ColumnProfile> out = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, ColumnType> e : types.entrySet()) {
            ColumnType type = e.getValue();
            int base = 1 + 5 * i;
            long nonNull = ((Number) stats.get(base)).longValue();
            long distinct = Math.min(nonNull, ((Number) stats.get(base + 1)).longValue());
            List<ValueFrequency> common = new ArrayList<>();
            for (List<?> pair : topK(stats.get(base + 4), e.getKey())) {
                if (pair.get(0) != null && common.size() < options.mostCommonLimit()) {
                    common.add(new ValueFrequency(
                            type.parse(String.valueOf(pair.get(0))),
                            total == 0 ? 0 : ((Number) pair.get(1)).doubleValue() / total));
                }
            }
            List<Object> values = new ArrayList<>();
            for (Object v : ProfilerSupport.column(sample, i, type)) {
                if (v != null && values.size() < options.sampleSize()) {
                    values.add(v);
                }
            }
            out.add(new ColumnProfile(
                    e.getKey(),
                    type,
                    type.fromJdbcValue(stats.get(base + 2)),
                    type.fromJdbcValue(stats.get(base + 3)),
                    distinct,
                    total - nonNull,
                    total,
                    values,
                    common,
                    List.of(),
                    ProfileMode.STATISTICS));
            i++;
        }
        return TableProfile.of(table, "snowflake", total, out);
    }

    /** APPROX_TOP_K's result, {@code [[value, count], ...]}, as JSON text (JSON is read as YAML, a superset). */
    private static List<List<?>> topK(Object json, String column) {
        if (json == null) {
            return List.of();
        }
        Object parsed;
        try {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(json.toString());
        } catch (RuntimeException e) {
            parsed = e;
        }
        if (!(parsed instanceof List<?> list)
                || !list.stream()
                        .allMatch(p -> p instanceof List<?> l && l.size() == 2 && l.get(1) instanceof Number)) {
            throw new SalvoException(
                    "profile: APPROX_TOP_K of column '" + column + "' must be a JSON array of [value, count] "
                            + "pairs, but was '" + json.toString().replace('\n', ' ') + "'");
        }
        List<List<?>> out = new ArrayList<>();
        for (Object p : list) {
            out.add((List<?>) p);
        }
        return out;
    }

    private static List<List<Object>> shuffled(List<List<Object>> rows, ProfileOptions options) {
        List<List<Object>> copy = new ArrayList<>(rows);
        Collections.shuffle(copy, new Random(options.seed()));
        return copy;
    }
}

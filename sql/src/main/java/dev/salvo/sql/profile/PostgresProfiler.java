package dev.salvo.sql.profile;

import static dev.salvo.sql.profile.ProfilerSupport.column;
import static dev.salvo.sql.profile.ProfilerSupport.rows;

import dev.salvo.sql.Dialect;
import dev.salvo.sql.SalvoException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * PostgreSQL profiler. In AUTO and STATISTICS modes it reads the planner statistics ({@code pg_stats}: null_frac,
 * n_distinct, most_common_vals/freqs, histogram_bounds) and the row estimate ({@code pg_class.reltuples}), which cost
 * no table scan; min and max then come from ANALYZE's own sample (histogram and most common values), except for
 * columns that lead a btree index, whose exact min and max are read through the index. When a column
 * has no statistics (never analyzed) AUTO falls back to a sampled query ({@code TABLESAMPLE BERNOULLI ... REPEATABLE}).
 * EXACT scans the table. Sample values always come from one seeded TABLESAMPLE query for all columns.
 */
public final class PostgresProfiler implements Profiler {
    /** The pg_stats row of every column of one table, resolved through the search path like the table itself. */
    static final String STATS_SQL = "SELECT s.attname, s.null_frac, s.n_distinct, s.most_common_vals::text::text[], "
            + "s.most_common_freqs, s.histogram_bounds::text::text[] FROM pg_catalog.pg_stats s "
            + "JOIN pg_catalog.pg_class c ON c.relname = s.tablename "
            + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace AND n.nspname = s.schemaname "
            + "WHERE c.oid = to_regclass(?) AND NOT s.inherited";
    /** Columns leading a valid btree index: their exact min and max cost two index probes. */
    static final String INDEXED_SQL = "SELECT a.attname FROM pg_catalog.pg_index i "
            + "JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid JOIN pg_catalog.pg_am am ON am.oid = ic.relam "
            + "JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] "
            + "WHERE i.indrelid = to_regclass(?) AND i.indisvalid AND am.amname = 'btree'";

    static final String ROWS_SQL = "SELECT reltuples::bigint FROM pg_catalog.pg_class WHERE oid = to_regclass(?)";
    /** Rows fetched by the sampling query relative to the sample size, so a short random draw still fills it. */
    static final double OVERSAMPLE = 1.5;
    /** Sampled statistics (null fraction, distinct estimate, frequencies) read at least this many rows. */
    static final int MIN_STATISTICS_ROWS = 10_000;

    private final Dialect dialect;

    /** @param dialect quotes identifiers (normally {@link dev.salvo.sql.PostgresDialect}) */
    public PostgresProfiler(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public TableProfile profile(Connection c, String table, List<String> columns, ProfileOptions options) {
        String qt = ProfilerSupport.quoteTable(dialect, table);
        Map<String, ColumnType> types =
                ProfilerSupport.select(ProfilerSupport.columnTypes(c, qt, table), columns, table);
        if (options.analyze()) {
            ProfilerSupport.execute(c, "ANALYZE " + qt);
        }
        ProfileMode mode = options.mode();
        long estimate = ((Number) rows(c, ROWS_SQL, qt).get(0).get(0)).longValue();
        Map<String, List<Object>> stats = new HashMap<>();
        if (mode == ProfileMode.AUTO || mode == ProfileMode.STATISTICS) {
            for (List<Object> row : rows(c, STATS_SQL, qt)) {
                stats.put((String) row.get(0), row);
            }
        }
        boolean useStats = (mode == ProfileMode.AUTO || mode == ProfileMode.STATISTICS)
                && estimate >= 0
                && stats.keySet().containsAll(types.keySet());
        if (mode == ProfileMode.STATISTICS && !useStats) {
            List<String> missing = new ArrayList<>(types.keySet());
            missing.removeAll(stats.keySet());
            throw new SalvoException("profile of table '" + table + "': pg_stats must hold every profiled column in "
                    + "STATISTICS mode, but lacks " + (estimate < 0 ? "the table (never analyzed)" : missing)
                    + "; run ANALYZE, use ProfileOptions.analyzeFirst(), or mode AUTO/SAMPLED");
        }
        long total = useStats ? estimate : ProfilerSupport.count(c, qt);
        List<List<Object>> sample = sample(c, qt, types.keySet(), total, options);
        java.util.Set<Object> indexed = new java.util.HashSet<>();
        if (mode != ProfileMode.EXACT) {
            rows(c, INDEXED_SQL, qt).forEach(r -> indexed.add(r.get(0)));
        }
        List<ColumnProfile> out = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, ColumnType> e : types.entrySet()) {
            List<Object> values = column(sample, i++, e.getValue());
            if (mode == ProfileMode.EXACT) {
                out.add(ProfilerSupport.exact(c, dialect, qt, e.getKey(), e.getValue(), values, options));
            } else {
                ColumnProfile p = useStats
                        ? fromStats(e.getKey(), e.getValue(), stats.get(e.getKey()), total, values, options)
                        : SampleStatistics.fromSample(
                                e.getKey(), e.getValue(), values, total, options, ProfileMode.SAMPLED);
                out.add(indexed.contains(e.getKey()) ? exactBounds(c, qt, p) : p);
            }
        }
        long rows = mode == ProfileMode.EXACT && !out.isEmpty() ? out.get(0).totalRows() : total;
        return TableProfile.of(table, dialect.name(), rows, out);
    }

    /**
     * A seeded random sample of about {@link #sampledRows} rows, in random order: statistics use all of them, the stored
     * sample keeps the first {@code sampleSize}.
     */
    private List<List<Object>> sample(
            Connection c, String qt, Iterable<String> columns, long total, ProfileOptions options) {
        double percent = samplePercent(total, options);
        List<List<Object>> rows = rows(
                c,
                "SELECT " + ProfilerSupport.selectList(dialect, columns) + " FROM " + qt
                        + " TABLESAMPLE BERNOULLI (?) REPEATABLE (?)",
                percent,
                (double) options.seed());
        Collections.shuffle(rows, new Random(options.seed()));
        return rows;
    }

    /** Rows a sampling query aims at: the sample size, but at least {@value #MIN_STATISTICS_ROWS} for the statistics. */
    static int sampledRows(ProfileOptions options) {
        return Math.max(options.sampleSize(), MIN_STATISTICS_ROWS);
    }

    /** @return the sampling percentage that yields about 1.5x {@link #sampledRows} rows, 100 for small tables */
    static double samplePercent(long total, ProfileOptions options) {
        return total <= 0 ? 100 : Math.min(100, 100.0 * sampledRows(options) * OVERSAMPLE / total);
    }

    /**
     * Statistics and samples see only some rows, so their min and max can fall inside the true range; for an indexed
     * column the true bounds are two index probes away (keys generated after the max must not collide).
     */
    private ColumnProfile exactBounds(Connection c, String qt, ColumnProfile p) {
        String q = dialect.quoteIdentifier(p.name());
        List<Object> r =
                rows(c, "SELECT min(" + q + "), max(" + q + ") FROM " + qt).get(0);
        return new ColumnProfile(
                p.name(),
                p.type(),
                p.type().fromJdbcValue(r.get(0)),
                p.type().fromJdbcValue(r.get(1)),
                p.distinctCount(),
                p.nullCount(),
                p.totalRows(),
                p.sample(),
                p.mostCommon(),
                p.histogramBounds(),
                p.mode());
    }

    /** A profile from one pg_stats row: [attname, null_frac, n_distinct, mcv text[], mcf real[], histogram text[]]. */
    static ColumnProfile fromStats(
            String name, ColumnType type, List<Object> row, long total, List<Object> sample, ProfileOptions options) {
        double nullFrac = ((Number) row.get(1)).doubleValue();
        double nDistinct = ((Number) row.get(2)).doubleValue();
        long nonNullRows = Math.round(total * (1 - nullFrac));
        long distinct = nDistinct >= 0 ? Math.round(nDistinct) : Math.round(-nDistinct * total);
        List<ValueFrequency> common = new ArrayList<>();
        List<?> mcv = row.get(3) == null ? List.of() : (List<?>) row.get(3);
        List<?> mcf = row.get(4) == null ? List.of() : (List<?>) row.get(4);
        Object min = null;
        Object max = null;
        for (int i = 0; i < mcv.size() && i < mcf.size(); i++) {
            Object v = parse(type, (String) mcv.get(i), name);
            if (i < options.mostCommonLimit()) {
                common.add(new ValueFrequency(v, ((Number) mcf.get(i)).doubleValue()));
            }
            min = min == null || SampleStatistics.compare(v, min) < 0 ? v : min;
            max = max == null || SampleStatistics.compare(v, max) > 0 ? v : max;
        }
        List<Object> histogram = new ArrayList<>();
        if (row.get(5) != null) {
            for (Object text : (List<?>) row.get(5)) {
                histogram.add(parse(type, (String) text, name));
            }
        }
        List<Object> nonNull = new ArrayList<>();
        for (Object v : histogram.isEmpty() ? sample : concat(histogram, sample)) {
            if (v != null) {
                min = min == null || SampleStatistics.compare(v, min) < 0 ? v : min;
                max = max == null || SampleStatistics.compare(v, max) > 0 ? v : max;
            }
        }
        for (Object v : sample) {
            if (v != null && nonNull.size() < options.sampleSize()) {
                nonNull.add(v);
            }
        }
        return new ColumnProfile(
                name,
                type,
                min,
                max,
                Math.min(distinct, nonNullRows),
                total - nonNullRows,
                total,
                nonNull,
                common,
                histogram,
                ProfileMode.STATISTICS);
    }

    /** A pg_stats value; one that Java cannot represent (e.g. {@code infinity}) is an error naming the column. */
    private static Object parse(ColumnType type, String text, String column) {
        try {
            return type.parse(text);
        } catch (SalvoException e) {
            throw new SalvoException(
                    "profile of column '" + column + "': "
                            + e.getMessage().replaceFirst("^value: an? (\\w+) value", "a $1 value in pg_stats"),
                    e);
        }
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}

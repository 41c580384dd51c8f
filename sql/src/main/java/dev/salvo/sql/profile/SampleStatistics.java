package dev.salvo.sql.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Column statistics computed from a random sample of rows, scaled to the whole table. Pure computation: no database.
 * The distinct count is estimated with the Haas-Stokes "Duj1" estimator, the one PostgreSQL's ANALYZE uses.
 */
final class SampleStatistics {
    private SampleStatistics() {}

    /**
     * @param name the column
     * @param type its type
     * @param values the sampled rows' values of this column, NULLs included, already of the type's Java class
     * @param totalRows the table's row count
     * @param options caps on sample and most common values
     * @param mode SAMPLED, or STATISTICS when the caller overrides some parts from catalog statistics
     * @return the profile
     */
    static ColumnProfile fromSample(
            String name,
            ColumnType type,
            List<Object> values,
            long totalRows,
            ProfileOptions options,
            ProfileMode mode) {
        int n = values.size();
        List<Object> nonNull = new ArrayList<>(n);
        for (Object v : values) {
            if (v != null) {
                nonNull.add(v);
            }
        }
        long rows = Math.max(totalRows, n);
        long nulls = n == 0 ? 0 : Math.round((double) (n - nonNull.size()) / n * rows);
        Map<Object, Integer> counts = new HashMap<>();
        for (Object v : nonNull) {
            counts.merge(v, 1, Integer::sum);
        }
        long distinct = estimateDistinct(counts, n, rows);
        List<ValueFrequency> common = mostCommon(counts, n, rows <= n, options.mostCommonLimit());
        Object min = null;
        Object max = null;
        for (Object v : counts.keySet()) {
            if (min == null || compare(v, min) < 0) {
                min = v;
            }
            if (max == null || compare(v, max) > 0) {
                max = v;
            }
        }
        List<Object> sample =
                nonNull.size() > options.sampleSize() ? nonNull.subList(0, options.sampleSize()) : nonNull;
        return new ColumnProfile(
                name, type, min, max, distinct, Math.min(nulls, rows), rows, sample, common, List.of(), mode);
    }

    /** Duj1: n*d / (n - f1 + f1*n/N), d distinct in sample, f1 seen once; exact when the sample is the table. */
    static long estimateDistinct(Map<Object, Integer> counts, int sampleRows, long totalRows) {
        int d = counts.size();
        if (sampleRows >= totalRows || d == 0) {
            return d;
        }
        long f1 = counts.values().stream().filter(c -> c == 1).count();
        double estimate = (double) sampleRows * d / (sampleRows - f1 + (double) f1 * sampleRows / totalRows);
        return Math.max(d, Math.min(totalRows, Math.round(estimate)));
    }

    private static List<ValueFrequency> mostCommon(
            Map<Object, Integer> counts, int sampleRows, boolean whole, int limit) {
        List<Map.Entry<Object, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.removeIf(e -> !whole && e.getValue() < 2); // a value seen once in a sample says nothing about its share
        entries.sort(Map.Entry.<Object, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(e -> e.getKey(), SampleStatistics::compare));
        List<ValueFrequency> out = new ArrayList<>();
        for (Map.Entry<Object, Integer> e : entries.subList(0, Math.min(limit, entries.size()))) {
            out.add(new ValueFrequency(e.getKey(), (double) e.getValue() / sampleRows));
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }
}

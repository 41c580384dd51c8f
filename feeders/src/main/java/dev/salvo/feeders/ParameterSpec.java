package dev.salvo.feeders;

import dev.salvo.sql.SalvoException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one query parameter is generated: a name (as written after the colon in the SQL), a {@link StrategyKind}, and
 * what that strategy needs. Immutable; build with the static factories, then optionally {@link #type(ParamType)}.
 * Column names are {@code column} (when one table is profiled or the name is unique) or {@code table.column}.
 * Specs are compiled (checked against profiles and pools, ordered by dependency) by {@link ParameterGenerator}.
 */
public final class ParameterSpec {
    /** The largest count range {@link #sampleList(String, String, int, int)} accepts. */
    public static final int MAX_COUNT_RANGE = 10_000;

    private final String name;
    private final ParamType type;
    private final StrategyKind strategy;
    private final String column;
    private final List<Object> values;
    private final String dependsOn;
    private final List<Number> offsets;
    private final List<Integer> counts;
    private final Number min;
    private final Number max;
    private final String pool;
    private final PoolOrdering ordering;

    private ParameterSpec(
            String name,
            ParamType type,
            StrategyKind strategy,
            String column,
            List<?> values,
            String dependsOn,
            List<? extends Number> offsets,
            List<Integer> counts,
            Number min,
            Number max,
            String pool,
            PoolOrdering ordering) {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new SalvoException("parameter: the name must match [A-Za-z_][A-Za-z0-9_]*, but was '" + name + "'");
        }
        this.name = name;
        this.type = type;
        this.strategy = strategy;
        this.column = column;
        this.values = values == null ? List.of() : List.copyOf(values);
        this.dependsOn = dependsOn;
        this.offsets = offsets == null ? List.of() : List.copyOf(offsets);
        this.counts = counts == null ? List.of() : List.copyOf(counts);
        this.min = min;
        this.max = max;
        this.pool = pool;
        this.ordering = ordering;
    }

    private static ParameterSpec of(String name, StrategyKind s, String column) {
        return new ParameterSpec(name, null, s, column, null, null, null, null, null, null, null, null);
    }

    /**
     * @param name the parameter
     * @param values the explicit values, drawn uniformly
     * @return a {@code choice} spec
     */
    public static ParameterSpec choice(String name, List<?> values) {
        return new ParameterSpec(
                name, ParamType.CHOICE, StrategyKind.CHOICE, null, values, null, null, null, null, null, null, null);
    }

    /** @param name the parameter @param column a numeric, date or timestamp column @return a {@code random_in_range} spec */
    public static ParameterSpec randomInRange(String name, String column) {
        return of(name, StrategyKind.RANDOM_IN_RANGE, column);
    }

    /** @param name the parameter @param column a column @return a {@code sample_from_table} spec */
    public static ParameterSpec sampleFromTable(String name, String column) {
        return of(name, StrategyKind.SAMPLE_FROM_TABLE, column);
    }

    /** @param name the parameter @param column a column @return a {@code weighted_sample} spec */
    public static ParameterSpec weightedSample(String name, String column) {
        return of(name, StrategyKind.WEIGHTED_SAMPLE, column);
    }

    /**
     * @param name the parameter
     * @param base the parameter it is computed from (must be declared in the same generator)
     * @param offsets the offsets, one drawn uniformly per value: days for dates and timestamps, units for numbers
     * @return an {@code offset_from_previous} spec
     */
    public static ParameterSpec offsetFromPrevious(String name, String base, Number... offsets) {
        if (offsets == null || java.util.Arrays.asList(offsets).contains(null)) {
            throw new SalvoException("parameter '" + name + "': offset_from_previous offsets must be numbers, but were "
                    + (offsets == null ? null : java.util.Arrays.toString(offsets)));
        }
        return new ParameterSpec(
                name,
                null,
                StrategyKind.OFFSET_FROM_PREVIOUS,
                null,
                null,
                base,
                List.of(offsets),
                null,
                null,
                null,
                null,
                null);
    }

    /**
     * @param name the parameter
     * @param column a column
     * @param minCount the smallest list size (at least 1)
     * @param maxCount the largest list size
     * @return a {@code sample_list} spec with k uniform in [minCount, maxCount]
     */
    public static ParameterSpec sampleList(String name, String column, int minCount, int maxCount) {
        if (minCount < 1 || maxCount < minCount || maxCount - minCount >= MAX_COUNT_RANGE) {
            throw new SalvoException(
                    "parameter '" + name + "': sample_list counts must satisfy 1 <= min <= max < min + "
                            + MAX_COUNT_RANGE + ", but were min=" + minCount + ", max=" + maxCount);
        }
        List<Integer> counts = new ArrayList<>();
        for (int k = minCount; k <= maxCount; k++) {
            counts.add(k);
        }
        return sampleList(name, column, counts);
    }

    /**
     * @param name the parameter
     * @param column a column
     * @param counts the list sizes, one drawn uniformly per value (each at least 1)
     * @return a {@code sample_list} spec
     */
    public static ParameterSpec sampleList(String name, String column, List<Integer> counts) {
        if (counts.isEmpty() || counts.stream().anyMatch(k -> k == null || k < 1)) {
            throw new SalvoException("parameter '" + name
                    + "': sample_list counts must be a non-empty set of sizes >= 1, but " + "were " + counts);
        }
        return new ParameterSpec(
                name,
                ParamType.CATEGORICAL_LIST,
                StrategyKind.SAMPLE_LIST,
                column,
                null,
                null,
                null,
                counts,
                null,
                null,
                null,
                null);
    }

    /**
     * @param name the parameter
     * @param min the smallest value (inclusive)
     * @param max the largest value (inclusive); whole numbers (Integer, Long) give Long values, others Double
     * @return a {@code random_numeric} spec
     */
    public static ParameterSpec randomNumeric(String name, Number min, Number max) {
        return new ParameterSpec(
                name,
                ParamType.NUMERIC,
                StrategyKind.RANDOM_NUMERIC,
                null,
                null,
                null,
                null,
                null,
                min,
                max,
                null,
                null);
    }

    /**
     * @param name the parameter
     * @param pool the name of a {@link Pool} registered with the generator
     * @param ordering the order values are handed out in
     * @return a {@code sample_from_pool} spec
     */
    public static ParameterSpec sampleFromPool(String name, String pool, PoolOrdering ordering) {
        return new ParameterSpec(
                name,
                null,
                StrategyKind.SAMPLE_FROM_POOL,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                pool,
                Objects.requireNonNull(ordering, "ordering"));
    }

    /**
     * @param name the parameter
     * @param column an integer column: values start after its profiled max
     * @return a {@code sequence} spec (unique keys for INSERT; worker {@code i} of {@code n} takes every n-th value)
     */
    public static ParameterSpec sequence(String name, String column) {
        return new ParameterSpec(
                name, ParamType.NUMERIC, StrategyKind.SEQUENCE, column, null, null, null, null, null, null, null, null);
    }

    /**
     * Declares the parameter's type, checked when the generator is built (otherwise it is inferred).
     *
     * @param type the type
     * @return a copy
     */
    public ParameterSpec type(ParamType type) {
        return new ParameterSpec(
                name, type, strategy, column, values, dependsOn, offsets, counts, min, max, pool, ordering);
    }

    /**
     * Reads a spec from configuration keys, as in a YAML file: {@code name, type, strategy, column, values, depends_on,
     * offset, count, min, max, pool, ordering}.
     *
     * @param m the keys
     * @return the spec
     * @throws SalvoException for an unknown strategy, type or ordering, or a missing key
     */
    public static ParameterSpec fromMap(Map<String, ?> m) {
        String name = String.valueOf(m.get("name"));
        StrategyKind s = StrategyKind.parse(String.valueOf(m.get("strategy")));
        String column = m.get("column") == null ? null : m.get("column").toString();
        ParameterSpec spec = switch (s) {
            case CHOICE -> choice(name, list(m, name, "values"));
            case RANDOM_IN_RANGE -> randomInRange(name, column);
            case SAMPLE_FROM_TABLE -> sampleFromTable(name, column);
            case WEIGHTED_SAMPLE -> weightedSample(name, column);
            case OFFSET_FROM_PREVIOUS ->
                offsetFromPrevious(
                        name,
                        string(m, name, "depends_on"),
                        list(m, name, "offset").stream()
                                .map(o -> number(name, "offset", o))
                                .toArray(Number[]::new));
            case SAMPLE_LIST ->
                sampleList(
                        name,
                        column,
                        list(m, name, "count").stream()
                                .map(o -> number(name, "count", o).intValue())
                                .toList());
            case RANDOM_NUMERIC ->
                randomNumeric(name, number(name, "min", m.get("min")), number(name, "max", m.get("max")));
            case SEQUENCE -> sequence(name, column);
            case SAMPLE_FROM_POOL -> sampleFromPool(name, string(m, name, "pool"), ordering(name, m.get("ordering")));
        };
        if (m.get("depends_on") != null && s != StrategyKind.OFFSET_FROM_PREVIOUS) {
            spec = new ParameterSpec(
                    name,
                    spec.type,
                    s,
                    column,
                    spec.values,
                    m.get("depends_on").toString(),
                    spec.offsets,
                    spec.counts,
                    spec.min,
                    spec.max,
                    spec.pool,
                    spec.ordering);
        }
        return m.get("type") == null
                ? spec
                : spec.type(ParamType.parse(m.get("type").toString()));
    }

    private static Number number(String name, String key, Object o) {
        if (o instanceof Number n) {
            return n;
        }
        throw new SalvoException("parameter '" + name + "': " + key + " must be a number, but was "
                + (o instanceof String ? "'" + o + "'" : String.valueOf(o)));
    }

    private static String string(Map<String, ?> m, String name, String key) {
        Object o = m.get(key);
        if (o == null || o instanceof java.util.Collection<?> || o instanceof Map<?, ?>) {
            throw new SalvoException("parameter '" + name + "': " + key + " must be a name, but was " + o);
        }
        return o.toString();
    }

    private static PoolOrdering ordering(String name, Object o) {
        if (o == null) {
            return PoolOrdering.RANDOM;
        }
        for (PoolOrdering p : PoolOrdering.values()) {
            if (p.name().equalsIgnoreCase(o.toString())) {
                return p;
            }
        }
        throw new SalvoException("parameter '" + name + "': ordering must be one of "
                + java.util.Arrays.toString(PoolOrdering.values()).toLowerCase(java.util.Locale.ROOT) + ", but was '"
                + o + "'");
    }

    private static List<?> list(Map<String, ?> m, String name, String key) {
        Object o = m.get(key);
        if (o instanceof List<?> l) {
            return l;
        }
        throw new SalvoException("parameter '" + name + "': " + key + " must be a list, but was " + o);
    }

    /** @return the parameter name */
    public String name() {
        return name;
    }

    /** @return the declared type, or null when it is inferred */
    public ParamType type() {
        return type;
    }

    /** @return the strategy */
    public StrategyKind strategy() {
        return strategy;
    }

    /** @return the column reference, or null */
    public String column() {
        return column;
    }

    /** @return the explicit values of {@code choice} */
    public List<Object> values() {
        return values;
    }

    /** @return the parameter this one depends on, or null */
    public String dependsOn() {
        return dependsOn;
    }

    /** @return the offsets of {@code offset_from_previous} */
    public List<Number> offsets() {
        return offsets;
    }

    /** @return the list sizes of {@code sample_list} */
    public List<Integer> counts() {
        return counts;
    }

    /** @return the minimum of {@code random_numeric} */
    public Number min() {
        return min;
    }

    /** @return the maximum of {@code random_numeric} */
    public Number max() {
        return max;
    }

    /** @return the pool name of {@code sample_from_pool} */
    public String pool() {
        return pool;
    }

    /** @return the pool ordering of {@code sample_from_pool} */
    public PoolOrdering ordering() {
        return ordering;
    }

    @Override
    public String toString() {
        return name + " (" + strategy.externalName() + (column == null ? "" : " " + column)
                + (dependsOn == null ? "" : " after " + dependsOn) + (pool == null ? "" : " pool " + pool) + ")";
    }
}

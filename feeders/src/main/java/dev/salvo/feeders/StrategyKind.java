package dev.salvo.feeders;

import dev.salvo.sql.SalvoException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The parameter strategies, by the names used in configuration files. */
public enum StrategyKind {
    /** Uniform over explicitly given values. */
    CHOICE,
    /** Uniform between a profiled column's min and max (numbers, dates, timestamps). */
    RANDOM_IN_RANGE,
    /** Uniform over a profiled column's sampled rows (so it follows their distribution). */
    SAMPLE_FROM_TABLE,
    /** Follows the most common values' frequencies exactly (alias method, O(1) per draw); rarer values from the sample. */
    WEIGHTED_SAMPLE,
    /** Another parameter's value plus one of the given offsets (days for dates and timestamps). */
    OFFSET_FROM_PREVIOUS,
    /** A list of k distinct sampled values, k drawn from a range or set. */
    SAMPLE_LIST,
    /** Uniform in explicit [min, max]. */
    RANDOM_NUMERIC,
    /** From a named pool of values, in a {@link PoolOrdering}. */
    SAMPLE_FROM_POOL,
    /** Unique increasing integers after a column's max (insert keys), disjoint across workers. */
    SEQUENCE;

    /** @return the configuration name, e.g. {@code random_in_range} */
    public String externalName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param name a configuration name
     * @return the strategy
     * @throws SalvoException listing the known names
     */
    public static StrategyKind parse(String name) {
        for (StrategyKind k : values()) {
            if (k.externalName().equals(name)) {
                return k;
            }
        }
        throw new SalvoException("parameter strategy: must be one of "
                + Arrays.stream(values()).map(StrategyKind::externalName).collect(Collectors.joining(", "))
                + ", but was '" + name + "'");
    }
}

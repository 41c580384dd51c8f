package dev.salvo.feeders;

import dev.salvo.feeders.internal.Gen;
import dev.salvo.feeders.internal.SpecCompiler;
import dev.salvo.sql.SalvoException;
import dev.salvo.sql.profile.ColumnProfile;
import dev.salvo.sql.profile.TableProfile;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Factory methods for single, independent parameter strategies, e.g. for {@code param("key", ...)}. Profile-backed
 * strategies are checked like {@link ParameterSpec}s in a {@link ParameterGenerator} (type fit, non-empty column).
 * Dependent parameters ({@code offset_from_previous}) need a {@link ParameterGenerator}.
 */
public final class Strategies {
    private Strategies() {}

    /**
     * Uniform integers in a closed range.
     *
     * @param min smallest value (inclusive)
     * @param max largest value (inclusive), at least {@code min}
     * @return the strategy
     */
    public static ParameterStrategy<Long> randomLong(long min, long max) {
        if (max < min) {
            throw new SalvoException("randomLong: max must be >= min, but was min=" + min + ", max=" + max);
        }
        @SuppressWarnings(
                "unchecked") // a Gen sets longs: its boxed value is a Long; kept a Gen so generators draw primitives
        ParameterStrategy<Long> longs =
                (ParameterStrategy<Long>) (ParameterStrategy<?>) dev.salvo.feeders.internal.Gens.longs(min, max);
        return longs;
    }

    /**
     * Uniform dates in a closed range.
     *
     * @param min first date (inclusive)
     * @param max last date (inclusive), not before {@code min}
     * @return the strategy
     */
    public static ParameterStrategy<LocalDate> randomDate(LocalDate min, LocalDate max) {
        if (min == null || max == null || max.isBefore(min)) {
            throw new SalvoException("randomDate: max must not be before min, but was min=" + min + ", max=" + max);
        }
        @SuppressWarnings("unchecked") // a Gen of dates: its boxed value is a LocalDate
        ParameterStrategy<LocalDate> dates =
                (ParameterStrategy<LocalDate>) (ParameterStrategy<?>) dev.salvo.feeders.internal.Gens.dates(min, max);
        return dates;
    }

    /**
     * @param values explicit values, drawn uniformly
     * @return a {@code choice} strategy
     */
    public static ParameterStrategy<Object> choice(List<?> values) {
        return standalone(ParameterSpec.choice("choice", values), null);
    }

    /** @param column a profiled numeric, date or timestamp column @return a {@code random_in_range} strategy */
    public static ParameterStrategy<Object> randomInRange(ColumnProfile column) {
        return standalone(ParameterSpec.randomInRange("random_in_range", column.name()), column);
    }

    /** @param column a profiled column @return a {@code sample_from_table} strategy */
    public static ParameterStrategy<Object> sampleFromTable(ColumnProfile column) {
        return standalone(ParameterSpec.sampleFromTable("sample_from_table", column.name()), column);
    }

    /** @param column a profiled column @return a {@code weighted_sample} strategy (alias method, O(1) per draw) */
    public static ParameterStrategy<Object> weightedSample(ColumnProfile column) {
        return standalone(ParameterSpec.weightedSample("weighted_sample", column.name()), column);
    }

    /**
     * @param column a profiled column
     * @param minCount smallest list size
     * @param maxCount largest list size (capped at the number of distinct sampled values)
     * @return a {@code sample_list} strategy producing {@code List}s of distinct values
     */
    public static ParameterStrategy<Object> sampleList(ColumnProfile column, int minCount, int maxCount) {
        return standalone(ParameterSpec.sampleList("sample_list", column.name(), minCount, maxCount), column);
    }

    /**
     * @param min smallest value
     * @param max largest value; Integer/Long bounds give Long values, others Double
     * @return a {@code random_numeric} strategy
     */
    public static ParameterStrategy<Object> randomNumeric(Number min, Number max) {
        return standalone(ParameterSpec.randomNumeric("random_numeric", min, max), null);
    }

    /**
     * @param pool the pool
     * @param ordering the order values are handed out in (SHUFFLE uses seed {@link ParameterGenerator#DEFAULT_SEED})
     * @return a {@code sample_from_pool} strategy; non-random orderings count this strategy's own draws
     */
    public static ParameterStrategy<Object> sampleFromPool(Pool pool, PoolOrdering ordering) {
        ParameterSpec spec = ParameterSpec.sampleFromPool("sample_from_pool", pool.name(), ordering);
        return new SpecCompiler(
                        List.of(),
                        Map.of(pool.name(), pool),
                        List.of(spec.name()),
                        ParameterGenerator.DEFAULT_SEED,
                        0,
                        1)
                .compile(spec, List.of(spec));
    }

    private static Gen standalone(ParameterSpec spec, ColumnProfile column) {
        List<TableProfile> profiles = column == null
                ? List.of()
                : List.of(TableProfile.of("standalone", "none", column.totalRows(), List.of(column)));
        return new SpecCompiler(profiles, Map.of(), List.of(spec.name()), ParameterGenerator.DEFAULT_SEED, 0, 1)
                .compile(spec, List.of(spec));
    }
}

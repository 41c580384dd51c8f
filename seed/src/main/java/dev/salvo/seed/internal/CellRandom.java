package dev.salvo.seed.internal;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A re-seedable random source for one table cell at a time: {@link #reset(long)} with a key derived from (seed, table,
 * column, row) makes every value a pure function of those, whatever thread or batch writes the row. The stream is
 * SplitMix64 (Steele, Lea and Flood 2014; the constants of Commons RNG's {@code SplitMix64}), which passes BigCrush and
 * is the usual generator for seeding others; Commons RNG's samplers draw from it through {@link UniformRandomProvider}.
 * One instance per thread: not thread-safe.
 */
public final class CellRandom implements UniformRandomProvider {
    private static final long GOLDEN = 0x9e3779b97f4a7c15L;
    private long state;

    /** @param key the cell's key (see {@link #key}) */
    public void reset(long key) {
        state = key;
    }

    @Override
    public long nextLong() {
        return mix(state += GOLDEN);
    }

    /** SplitMix64's output function (a bijection of 64-bit values). */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * @param seed the spec's seed
     * @param stream the table and column (see {@link #stream})
     * @param row the row index
     * @return the key of one cell
     */
    public static long key(long seed, long stream, long row) {
        return mix(mix(seed ^ stream) + row * GOLDEN);
    }

    /**
     * @param table a table name
     * @param column a column name, or a label such as {@code fk:0} or {@code null:c}
     * @return a stable 64-bit identity of the pair
     */
    public static long stream(String table, String column) {
        long h = 0x84222325cbf29ce4L;
        String s = table + '\0' + column;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return mix(h);
    }
}

package dev.salvo.feeders.internal;

import dev.salvo.feeders.Tuple;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code sample_list}: k distinct values, k drawn from the allowed counts and capped at the number of distinct values
 * n. A partial Fisher-Yates shuffle over a virtual array of the n positions: step i swaps position i with a uniform
 * position in [i, n) and emits it, so the list is a uniformly random k-subset in uniformly random order, from k
 * bounded random ints (plus one for k when several counts are allowed): O(k) per draw, whatever n.
 *
 * <p>The virtual array is a per-thread scratch of n longs ({@code 8n} bytes per thread that draws, allocated on its
 * first draw), each holding a generation stamp and a swapped-in position; a new generation per draw empties it in O(1)
 * (a full clear only when the 32-bit stamp wraps). Per draw only the returned list is allocated: an {@code Object[k]}
 * and its {@code Arrays.asList} view ({@code 32 + 4k} bytes, rounded up to 8, with compressed references).
 */
public final class DistinctList extends Gen {
    private final Object[] values;
    private final int[] counts;
    private final ThreadLocal<Scratch> scratch;

    /**
     * @param distinct the distinct values to draw from, at least one
     * @param counts the allowed list sizes (each at least 1), drawn uniformly
     */
    public DistinctList(List<?> distinct, int[] counts) {
        this.values = distinct.toArray();
        this.counts = counts.clone();
        int n = values.length;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(n));
    }

    @Override
    public void next(RandomGenerator r, Tuple t, int slot, long index) {
        int n = values.length;
        int k = Math.min(counts[counts.length == 1 ? 0 : r.nextInt(counts.length)], n);
        Object[] out = new Object[k];
        Scratch s = scratch.get();
        long g = s.nextGeneration();
        long[] cells = s.cells;
        for (int i = 0; i < k; i++) {
            int j = i + below(r, n - i);
            long cj = cells[j];
            long ci = cells[i];
            int atJ = (cj & STAMP) == g ? (int) cj : j;
            int atI = (ci & STAMP) == g ? (int) ci : i;
            out[i] = values[atJ];
            cells[j] = g | (atI & 0xFFFF_FFFFL); // position i is never read again: only j needs the swap
        }
        t.set(slot, Arrays.asList(out));
    }

    private static final long STAMP = 0xFFFF_FFFF_0000_0000L;

    /**
     * A uniform int in [0, bound) by Lemire's multiply-shift with rejection ("Fast random integer generation in an
     * interval", 2019): unbiased, and a division only in the rare rejection case, where {@code nextInt(bound)} divides on
     * every call.
     */
    static int below(RandomGenerator r, int bound) {
        long m = (r.nextInt() & 0xFFFF_FFFFL) * bound;
        if ((m & 0xFFFF_FFFFL) < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            while ((m & 0xFFFF_FFFFL) < threshold) {
                m = (r.nextInt() & 0xFFFF_FFFFL) * bound;
            }
        }
        return (int) (m >>> 32);
    }

    /** One thread's virtual array: cell p is {@code generation << 32 | position now at p}, stale when not this draw's. */
    private static final class Scratch {
        final long[] cells;
        long generation;

        Scratch(int n) {
            cells = new long[n];
        }

        /** @return the stamp of a new draw, in the high 32 bits; never 0, the stamp of a cleared cell */
        long nextGeneration() {
            generation = (generation + 1) & 0xFFFF_FFFFL;
            if (generation == 0) {
                Arrays.fill(cells, 0);
                generation = 1;
            }
            return generation << 32;
        }
    }
}

package dev.salvo.feeders.internal;

import java.util.random.RandomGenerator;

/**
 * A SplitMix64 generator that can be re-seeded in place, so that each draw of a generator gets randomness determined by
 * (seed, draw index) without allocating. Not thread-safe: one instance per thread. Statistically good enough for
 * parameter generation (it is what {@code SplittableRandom} uses), not for cryptography.
 */
public final class SplitMix implements RandomGenerator {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private long state;

    /** @param seed the initial state */
    public SplitMix(long seed) {
        this.state = seed;
    }

    /** @param seed the new state */
    public void reset(long seed) {
        this.state = seed;
    }

    @Override
    public long nextLong() {
        return mix(state += GOLDEN);
    }

    /**
     * @param seed a run seed
     * @param index a draw index
     * @return a well-mixed state for that draw
     */
    public static long forDraw(long seed, long index) {
        return mix(seed ^ mix(index * GOLDEN + 0x632BE59BD9B4E019L));
    }

    /** Stafford's variant 13 finaliser. @param z any value @return its mix */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

package dev.salvo.feeders.internal;

import dev.salvo.feeders.ParameterStrategy;
import dev.salvo.feeders.Tuple;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * A compiled parameter strategy. {@link #next(RandomGenerator, Tuple, int, long)} writes its value into one slot of
 * the tuple being generated, where it also sees the values already generated (by declaration position, in dependency
 * order) and the tuple's draw index. Scalar strategies write primitives ({@link Tuple#setLong}, {@link Tuple#setDate},
 * ...) and allocate nothing; strategies over stored values write the stored reference. Standalone use through
 * {@link ParameterStrategy#next(RandomGenerator)} draws into a per-thread one-slot tuple, boxes the value, and counts
 * its own draws.
 */
public abstract class Gen implements ParameterStrategy<Object> {
    private static final ThreadLocal<Tuple> STANDALONE = ThreadLocal.withInitial(() -> new Tuple(1));
    private final AtomicLong standaloneDraws = new AtomicLong();

    /**
     * @param random the draw's randomness
     * @param tuple the tuple being generated
     * @param slot this parameter's position in the tuple, to write
     * @param index the draw index (per generator, per worker)
     */
    public abstract void next(RandomGenerator random, Tuple tuple, int slot, long index);

    @Override
    public Object next(RandomGenerator random) {
        Tuple t = STANDALONE.get();
        next(random, t, 0, standaloneDraws.getAndIncrement());
        Object value = t.get(0);
        t.set(0, null); // do not keep the value alive
        return value;
    }
}

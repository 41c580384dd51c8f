package dev.salvo.runtime.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * One object per thread that asks for it, and every one made so far (those of threads that ended too), for a reader
 * that drains them: the per-thread buffers of {@link LatencyBuffers} and {@link GatlingStats}. The objects must not
 * reference this registry's owner: a thread's {@code ThreadLocal} map keeps them for as long as the thread lives.
 *
 * @param <B> what each thread gets
 */
final class PerThread<B> {
    private final List<B> all = new CopyOnWriteArrayList<>();
    private final ThreadLocal<B> mine;

    /** @param make makes a thread's object on its first {@link #mine()} */
    PerThread(Supplier<? extends B> make) {
        List<B> made = all;
        this.mine = ThreadLocal.withInitial(() -> {
            B b = make.get();
            made.add(b);
            return b;
        });
    }

    /** @return the calling thread's object, made on its first call */
    B mine() {
        return mine.get();
    }

    /** @return every object made so far, in the order made; safe to iterate while threads make more */
    Iterable<B> all() {
        return all;
    }
}

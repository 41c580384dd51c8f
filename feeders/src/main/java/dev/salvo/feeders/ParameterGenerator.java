package dev.salvo.feeders;

import dev.salvo.feeders.internal.DependencyOrder;
import dev.salvo.feeders.internal.Gen;
import dev.salvo.feeders.internal.SpecCompiler;
import dev.salvo.feeders.internal.SplitMix;
import dev.salvo.sql.SalvoException;
import dev.salvo.sql.profile.TableProfile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates tuples of query parameters from {@link ParameterSpec}s, column profiles and pools.
 *
 * <p>Built once before load (every check happens in {@link Builder#build()}: unknown strategies, columns, pools, type
 * mismatches, empty columns, unknown dependencies and cycles), then used by every thread. Draw {@code i} of a generator
 * depends only on (seed, worker index, i): a seeded run produces the same set of tuples whatever the thread
 * interleaving, and the same sequence on one thread. Thread-safe without locks: a shared atomic draw counter and a
 * per-thread random generator.
 *
 * <p>Two ways to draw, giving the same values for the same draw index: {@link #next(Tuple)} fills a reusable
 * {@link Tuple} (from {@link #newTuple()}) and allocates nothing per draw except {@code sample_list}'s list (scalar
 * values are stored as primitives, stored values as the stored objects); {@link #next(Object[])} boxes each value into
 * an array (a new {@code Long}, {@code LocalDate}, ... per scalar value).
 *
 * <p>Workers: with {@code worker(i, n)} pools are split without overlap (see {@link Pool#shard}), insert keys are
 * disjoint, and each worker's random stream differs.
 */
public final class ParameterGenerator {
    /** The seed used unless one is given: runs are reproducible by default. */
    public static final long DEFAULT_SEED = 1L;

    private final List<String> names;
    private final Gen[] gens; // by declaration position
    private final int[] order; // evaluation order: dependencies first
    private final long seed;
    private final long streamSeed;
    private final AtomicLong draws = new AtomicLong(); // hot: one getAndIncrement per tuple
    private final ThreadLocal<PerThread> perThread;

    /** A thread's random generator, re-seeded per draw, and its tuple for the boxing path. */
    private static final class PerThread {
        final SplitMix random = new SplitMix(0);
        final Tuple tuple;

        PerThread(int size) {
            tuple = new Tuple(size);
        }
    }

    private ParameterGenerator(List<String> names, Gen[] gens, int[] order, long seed, long streamSeed) {
        this.names = names;
        this.gens = gens;
        this.order = order;
        this.seed = seed;
        this.streamSeed = streamSeed;
        this.perThread = ThreadLocal.withInitial(() -> new PerThread(gens.length));
    }

    /** @return an empty builder (seed {@link #DEFAULT_SEED}, worker 0 of 1) */
    public static Builder builder() {
        return new Builder(List.of(), List.of(), List.of(), DEFAULT_SEED, 0, 1);
    }

    /** @return the parameter names, in declaration order (the order of {@link #next(Object[])}'s output) */
    public List<String> names() {
        return names;
    }

    /** @return the seed, to record with the run's results */
    public long seed() {
        return seed;
    }

    /** @return a new tuple with one slot per parameter, to reuse with {@link #next(Tuple)} (one per thread) */
    public Tuple newTuple() {
        return new Tuple(gens.length);
    }

    /**
     * Fills {@code out} with the next tuple, in declaration order. Lock-free; allocates nothing per draw for scalar and
     * stored values (only {@code sample_list} allocates its list).
     *
     * @param out a tuple of at least {@code names().size()} slots ({@link #newTuple()}), reused by the caller
     * @throws SalvoException when the tuple is too small
     */
    public void next(Tuple out) {
        draw(draws.getAndIncrement(), out);
    }

    /**
     * Fills {@code out} with tuple number {@code index} (the same for the same seed and worker, and the same values as
     * {@link #draw(long, Object[])} gives boxed).
     *
     * @param index the draw index, from 0
     * @param out a tuple of at least {@code names().size()} slots
     * @throws SalvoException when the tuple is too small
     */
    public void draw(long index, Tuple out) {
        if (out.size() < gens.length) {
            throw new SalvoException("tuple: must have a slot per parameter (" + gens.length
                    + ", see newTuple()), but had " + out.size());
        }
        draw(perThread.get(), index, out);
    }

    /**
     * Fills {@code out} with the next tuple, in declaration order, boxed. Lock-free; allocates the boxed scalar values
     * ({@code Long}, {@code LocalDate}, ...); stored values are returned as stored.
     *
     * @param out an array of at least {@code names().size()} elements, reused by the caller
     */
    public void next(Object[] out) {
        draw(draws.getAndIncrement(), out);
    }

    /**
     * Fills {@code out} with tuple number {@code index} (the same for the same seed and worker).
     *
     * @param index the draw index, from 0
     * @param out an array of at least {@code names().size()} elements
     */
    public void draw(long index, Object[] out) {
        PerThread p = perThread.get();
        draw(p, index, p.tuple);
        p.tuple.copyInto(out);
    }

    private void draw(PerThread p, long index, Tuple out) {
        SplitMix r = p.random;
        r.reset(SplitMix.forDraw(streamSeed, index));
        for (int i : order) {
            gens[i].next(r, out, i, index);
        }
    }

    /** @return the next tuple as a new map, name to value, in declaration order */
    public Map<String, Object> nextMap() {
        Object[] out = new Object[gens.length];
        next(out);
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < out.length; i++) {
            map.put(names.get(i), out[i]);
        }
        return map;
    }

    /**
     * An endless iterator of tuples for Gatling: {@code feed(generator.feeder())} puts each parameter into the session
     * under its name.
     *
     * @return the iterator (shares this generator's draw counter)
     */
    public Iterator<Map<String, Object>> feeder() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                return nextMap();
            }
        };
    }

    /**
     * Immutable builder: each method returns a new instance.
     */
    public static final class Builder {
        private final List<ParameterSpec> specs;
        private final List<TableProfile> profiles;
        private final List<Pool> pools;
        private final long seed;
        private final int workerIndex;
        private final int workerCount;
        private final List<Map.Entry<String, ParameterStrategy<?>>> strategies;

        private Builder(
                List<ParameterSpec> specs,
                List<TableProfile> profiles,
                List<Pool> pools,
                long seed,
                int workerIndex,
                int workerCount) {
            this(specs, profiles, pools, seed, workerIndex, workerCount, List.of());
        }

        private Builder(
                List<ParameterSpec> specs,
                List<TableProfile> profiles,
                List<Pool> pools,
                long seed,
                int workerIndex,
                int workerCount,
                List<Map.Entry<String, ParameterStrategy<?>>> strategies) {
            this.strategies = strategies;
            this.specs = specs;
            this.profiles = profiles;
            this.pools = pools;
            this.seed = seed;
            this.workerIndex = workerIndex;
            this.workerCount = workerCount;
        }

        private static <T> List<T> plus(List<T> list, List<? extends T> more) {
            List<T> copy = new ArrayList<>(list);
            copy.addAll(more);
            return Collections.unmodifiableList(copy);
        }

        /** @param specs parameter specs, in the order of the output tuple @return a new builder */
        public Builder parameters(ParameterSpec... specs) {
            return parameters(List.of(specs));
        }

        /** @param specs parameter specs, in the order of the output tuple @return a new builder */
        public Builder parameters(List<ParameterSpec> specs) {
            return new Builder(plus(this.specs, specs), profiles, pools, seed, workerIndex, workerCount, strategies);
        }

        /** @param profiles profiled tables the specs' columns refer to @return a new builder */
        public Builder profiles(TableProfile... profiles) {
            return new Builder(
                    specs, plus(this.profiles, List.of(profiles)), pools, seed, workerIndex, workerCount, strategies);
        }

        /** @param pools pools the specs refer to by name @return a new builder */
        public Builder pools(Pool... pools) {
            return new Builder(
                    specs, profiles, plus(this.pools, List.of(pools)), seed, workerIndex, workerCount, strategies);
        }

        /** @param seed the run seed @return a new builder */
        public Builder seed(long seed) {
            return new Builder(specs, profiles, pools, seed, workerIndex, workerCount, strategies);
        }

        /**
         * @param index this worker, 0-based
         * @param count all workers, at least 1
         * @return a new builder
         */
        public Builder worker(int index, int count) {
            if (count < 1 || index < 0 || index >= count) {
                throw new SalvoException("worker: the index must satisfy 0 <= index < count, but was index=" + index
                        + ", count=" + count);
            }
            return new Builder(specs, profiles, pools, seed, index, count, strategies);
        }

        /**
         * Adds a parameter drawn by a standalone strategy (e.g. {@link Strategies#randomLong}) from this generator's seeded,
         * sharded stream: draw {@code i} gives the same value for the same seed and worker, like the specs' values. Placed
         * after the specs in the output tuple, in the order added.
         *
         * @param name the parameter name
         * @param strategy the strategy; it gets the draw's random generator
         * @return a new builder
         */
        public Builder strategy(String name, ParameterStrategy<?> strategy) {
            if (name == null || strategy == null) {
                throw new SalvoException("parameter strategy: the name and the strategy must be non-null, but were "
                        + name + ", " + strategy);
            }
            return new Builder(
                    specs,
                    profiles,
                    pools,
                    seed,
                    workerIndex,
                    workerCount,
                    plus(strategies, List.of(Map.entry(name, strategy))));
        }

        /**
         * Checks everything and compiles the generator.
         *
         * @return the generator
         * @throws SalvoException naming the parameter and the rule it breaks
         */
        public ParameterGenerator build() {
            List<String> names =
                    new ArrayList<>(specs.stream().map(ParameterSpec::name).toList());
            List<String> dependsOn =
                    new ArrayList<>(specs.stream().map(ParameterSpec::dependsOn).toList());
            strategies.forEach(e -> {
                names.add(e.getKey());
                dependsOn.add(null);
            });
            int[] order = DependencyOrder.sort(names, dependsOn);
            Map<String, Pool> sharded = new LinkedHashMap<>();
            for (Pool p : pools) {
                if (sharded.put(p.name(), p.shard(workerIndex, workerCount)) != null) {
                    throw new SalvoException(
                            "pools: each name must be registered once, but '" + p.name() + "' is registered twice");
                }
            }
            long streamSeed = workerCount == 1 ? seed : SplitMix.mix(seed ^ SplitMix.mix(workerIndex + 1L));
            SpecCompiler compiler = new SpecCompiler(profiles, sharded, names, streamSeed, workerIndex, workerCount);
            Gen[] gens = new Gen[names.size()];
            for (int i = 0; i < specs.size(); i++) {
                gens[i] = compiler.compile(specs.get(i), specs);
            }
            for (int i = 0; i < strategies.size(); i++) {
                gens[specs.size() + i] = wrap(strategies.get(i).getValue());
            }
            return new ParameterGenerator(List.copyOf(names), gens, order, seed, streamSeed);
        }

        private static Gen wrap(ParameterStrategy<?> strategy) {
            if (strategy instanceof Gen gen) {
                return gen;
            }
            return new Gen() {
                @Override
                public void next(java.util.random.RandomGenerator random, Tuple tuple, int slot, long index) {
                    tuple.set(slot, strategy.next(random));
                }
            };
        }
    }
}

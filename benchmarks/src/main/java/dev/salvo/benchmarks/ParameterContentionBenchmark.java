package dev.salvo.benchmarks;

import dev.salvo.feeders.ParameterGenerator;
import dev.salvo.feeders.Pool;
import dev.salvo.feeders.Tuple;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link ParameterGenerator#next(Tuple)} ({@code nextTuple}) and {@link ParameterGenerator#next(Object[])}
 * ({@code nextBoxed}) from 2 threads sharing one generator, as Salvo's threads do: the shared draw counter (one atomic
 * increment per tuple) and the thread-local random are on this path. Compare with the same strategy in
 * {@link ParameterBenchmark} (one thread). Throughput is the sum over both threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@Threads(2)
public class ParameterContentionBenchmark {
    @Param({"random_in_range_integer", "range_scan_tuple"})
    public String strategy;

    private ParameterGenerator generator;

    @Setup
    public void setUp() {
        generator = ParameterGenerator.builder()
                .profiles(Profiles.all())
                .pools(Pool.of("ids", List.of(1L, 2L, 3L)))
                .seed(42)
                .parameters(ParameterBenchmark.specs(strategy))
                .build();
    }

    /** @param t this thread's reused tuple @return the tuple */
    @Benchmark
    public Tuple nextTuple(ThreadTuple t) {
        generator.next(t.tuple);
        return t.tuple;
    }

    /** @param t this thread's reused array @return the array */
    @Benchmark
    public Object[] nextBoxed(ThreadTuple t) {
        generator.next(t.boxed);
        return t.boxed;
    }

    /** Each thread's own reused tuple and array, as the runtime keeps one per thread (8 slots: enough for any spec). */
    @State(Scope.Thread)
    public static class ThreadTuple {
        final Tuple tuple = new Tuple(8);
        final Object[] boxed = new Object[8];
    }
}

package dev.salvo.benchmarks;

import dev.salvo.runtime.internal.WeightedChoice;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The weighted mix choice ({@link WeightedChoice}): made once per mix visit on the event loop. Random (binary search
 * over cumulative weights) and smooth round-robin (an atomic counter over a precomputed period), for a 4-way mix and a
 * 12-way mix, and round-robin from 2 threads (the shared counter is contended).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MixBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class MixBenchmark {
    private static final double[] FOUR = {50, 5, 15, 30};
    private static final double[] TWELVE = {20, 15, 10, 10, 8, 8, 7, 7, 5, 4, 3.5, 2.5};

    private final WeightedChoice random4 = WeightedChoice.random("mix", FOUR);
    private final WeightedChoice random12 = WeightedChoice.random("mix", TWELVE);
    private final WeightedChoice roundRobin4 = WeightedChoice.roundRobin("mix", FOUR);
    private final WeightedChoice roundRobin12 = WeightedChoice.roundRobin("mix", TWELVE);

    /** @return the chosen index */
    @Benchmark
    public int random4() {
        return random4.next();
    }

    /** @return the chosen index */
    @Benchmark
    public int random12() {
        return random12.next();
    }

    /** @return the chosen index */
    @Benchmark
    public int roundRobin4() {
        return roundRobin4.next();
    }

    /** @return the chosen index */
    @Benchmark
    public int roundRobin12() {
        return roundRobin12.next();
    }

    /** @return the chosen index; 2 threads share the counter */
    @Benchmark
    @Threads(2)
    public int roundRobin4From2Threads() {
        return roundRobin4.next();
    }
}

package dev.salvo.benchmarks;

import dev.salvo.feeders.ParameterGenerator;
import dev.salvo.feeders.ParameterSpec;
import dev.salvo.feeders.Pool;
import dev.salvo.feeders.PoolOrdering;
import dev.salvo.feeders.Tuple;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One draw of a tuple per operation, for every strategy: what a request pays on Gatling's event loop (or a Salvo thread
 * in a tight loop) to draw its profile-backed parameters. The generator is built from the committed snapshots of the
 * demo tables (see {@link Profiles}); the tuple is reused, as the runtime does.
 *
 * <ul>
 *   <li>{@code nextTuple}: {@link ParameterGenerator#next(Tuple)}, scalar values as primitives: 0 B/op for every
 *       strategy but {@code sample_list} (its list) and {@code range_scan_tuple} (which holds a sample_list).
 *   <li>{@code nextBoxed}: {@link ParameterGenerator#next(Object[])}, the same draws boxed ({@code Long},
 *       {@code LocalDate}, ...), for comparison.
 * </ul>
 *
 * <p>{@code offset_from_previous_*} draws its base too (a {@code random_in_range} date, integer or timestamptz):
 * subtract the matching {@code random_in_range_*} for the offset alone. {@code QUEUE} pools are left out: they fail
 * once drawn past their end, which a throughput benchmark would reach.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ParameterBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ParameterBenchmark {
    @Param({
        "choice",
        "random_in_range_integer",
        "random_in_range_decimal",
        "random_in_range_date",
        "random_in_range_timestamp",
        "random_in_range_timestamptz",
        "sample_from_table",
        "weighted_sample",
        "offset_from_previous_date",
        "offset_from_previous_numeric",
        "offset_from_previous_timestamptz",
        "sample_list_1_5",
        "sample_list_10_50",
        "sample_list_100_500",
        "random_numeric_long",
        "random_numeric_double",
        "pool_random",
        "pool_circular",
        "pool_shuffle",
        "sequence",
        "range_scan_tuple"
    })
    public String strategy;

    private ParameterGenerator generator;
    private Tuple tuple;
    private Object[] boxed;

    @Setup
    public void setUp() {
        List<Object> ids = new ArrayList<>();
        for (long i = 1; i <= 10_000; i++) {
            ids.add(i);
        }
        generator = ParameterGenerator.builder()
                .profiles(Profiles.all())
                .pools(Pool.of("ids", ids))
                .seed(42)
                .parameters(specs(strategy))
                .build();
        tuple = generator.newTuple();
        boxed = new Object[generator.names().size()];
    }

    static List<ParameterSpec> specs(String strategy) {
        return switch (strategy) {
            case "choice" ->
                List.of(ParameterSpec.choice("p", List.of("new", "paid", "shipped", "delivered", "returned")));
            case "random_in_range_integer" -> List.of(ParameterSpec.randomInRange("p", "order_id"));
            case "random_in_range_decimal" -> List.of(ParameterSpec.randomInRange("p", "amount"));
            case "random_in_range_date" -> List.of(ParameterSpec.randomInRange("p", "order_date"));
            case "random_in_range_timestamp" -> List.of(ParameterSpec.randomInRange("p", "created_at"));
            case "random_in_range_timestamptz" -> List.of(ParameterSpec.randomInRange("p", "created_at_tz"));
            case "sample_from_table" -> List.of(ParameterSpec.sampleFromTable("p", "customer_id"));
            case "weighted_sample" -> List.of(ParameterSpec.weightedSample("p", "category"));
            case "offset_from_previous_date" ->
                List.of(
                        ParameterSpec.randomInRange("from", "order_date"),
                        ParameterSpec.offsetFromPrevious("to", "from", 1, 7, 30));
            case "offset_from_previous_numeric" ->
                List.of(
                        ParameterSpec.randomInRange("from", "order_id"),
                        ParameterSpec.offsetFromPrevious("to", "from", 10, 100, 1000));
            case "offset_from_previous_timestamptz" ->
                List.of(
                        ParameterSpec.randomInRange("from", "created_at_tz"),
                        ParameterSpec.offsetFromPrevious("to", "from", 0.25, 1, 7));
            case "sample_list_1_5" -> List.of(ParameterSpec.sampleList("p", "category", 1, 5));
            case "sample_list_10_50" -> List.of(ParameterSpec.sampleList("p", "order_id", 10, 50));
            case "sample_list_100_500" -> List.of(ParameterSpec.sampleList("p", "order_id", 100, 500));
            case "random_numeric_long" -> List.of(ParameterSpec.randomNumeric("p", 1, 1_000_000));
            case "random_numeric_double" -> List.of(ParameterSpec.randomNumeric("p", 0.5, 99.5));
            case "pool_random" -> List.of(ParameterSpec.sampleFromPool("p", "ids", PoolOrdering.RANDOM));
            case "pool_circular" -> List.of(ParameterSpec.sampleFromPool("p", "ids", PoolOrdering.CIRCULAR));
            case "pool_shuffle" -> List.of(ParameterSpec.sampleFromPool("p", "ids", PoolOrdering.SHUFFLE));
            case "sequence" -> List.of(ParameterSpec.sequence("p", "order_id"));
            // a realistic request: a date window over the orders of a few categories
            case "range_scan_tuple" ->
                List.of(
                        ParameterSpec.randomInRange("from", "order_date"),
                        ParameterSpec.offsetFromPrevious("to", "from", 1, 7, 30),
                        ParameterSpec.sampleList("cats", "category", 1, 3));
            default -> throw new IllegalArgumentException("ParameterBenchmark: unknown strategy '" + strategy + "'");
        };
    }

    /** @return the tuple (reused), so that the values escape */
    @Benchmark
    public Tuple nextTuple() {
        generator.next(tuple);
        return tuple;
    }

    /** @return the array (reused), so that the boxed values escape */
    @Benchmark
    public Object[] nextBoxed() {
        generator.next(boxed);
        return boxed;
    }
}

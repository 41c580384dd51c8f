package dev.salvo.benchmarks;

import dev.salvo.feeders.VarietyCounter;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;
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
 * Latency recording as the runtime's {@code RequestRecorder} did it until it moved to per-thread buffers
 * ({@code LatencyBuffers}, issue 20; package-private, so the usage is reproduced here): HdrHistogram {@link Recorder}s
 * shared by every recording thread, of nanoseconds up to one hour at 3 significant digits, and {@link LongAdder}s. Kept
 * as the reference for what sharing them costs: compare {@code recordRequest} with {@code recordRequestFrom2Threads}. {@code recordRequest} is the whole successful-request path: response, service, wait and lag
 * recorders, rows, bytes and the OK count. Values cycle through 4,096 precomputed latencies (log-uniform, 20 µs to 50
 * ms), so the histogram's buckets vary as in a run. Also {@link VarietyCounter#record(Object[], int)}, the per-request
 * distinct-tuple counter.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RecordingBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class RecordingBenchmark {
    private static final long MAX_TRACKED_NANOS = TimeUnit.HOURS.toNanos(1);
    private static final int MASK = 4095;

    private final long[] latencies = new long[MASK + 1];
    private final Recorder response = new Recorder(MAX_TRACKED_NANOS, 3);
    private final Recorder service = new Recorder(MAX_TRACKED_NANOS, 3);
    private final Recorder wait = new Recorder(MAX_TRACKED_NANOS, 3);
    private final Recorder lag = new Recorder(MAX_TRACKED_NANOS, 3);
    private final LongAdder ok = new LongAdder();
    private final LongAdder rows = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final VarietyCounter variety = new VarietyCounter();
    private final Object[] tuple = new Object[3];
    private final Long[] keys = new Long[MASK + 1];

    public RecordingBenchmark() {
        SplittableRandom r = new SplittableRandom(42);
        double lo = Math.log(20_000);
        double hi = Math.log(50_000_000);
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = (long) Math.exp(lo + (hi - lo) * r.nextDouble());
            keys[i] = r.nextLong(1, 200_001);
        }
        for (int i = 0; i < tuple.length; i++) {
            tuple[i] = (long) i;
        }
    }

    /** Each thread's position in the latency table. */
    @State(Scope.Thread)
    public static class Cursor {
        int i;

        long next(long[] latencies) {
            return latencies[i++ & MASK];
        }
    }

    /** One recordValue on a shared Recorder. */
    @Benchmark
    public void recordValue(Cursor c) {
        response.recordValue(c.next(latencies));
    }

    /** Same, 2 threads on one Recorder (Salvo's threads share a request name's recorders). */
    @Benchmark
    @Threads(2)
    public void recordValueFrom2Threads(Cursor c) {
        response.recordValue(c.next(latencies));
    }

    /** Everything RequestRecorder.record does for a successful request. */
    @Benchmark
    public void recordRequest(Cursor c) {
        long responseNanos = c.next(latencies);
        long serviceNanos = responseNanos - (responseNanos >>> 4);
        response.recordValue(clamp(responseNanos));
        service.recordValue(clamp(serviceNanos));
        wait.recordValue(clamp(responseNanos - serviceNanos));
        lag.recordValue(clamp(responseNanos >>> 6));
        rows.add(1);
        bytes.add(64);
        ok.increment();
    }

    /** Same, from 2 threads. */
    @Benchmark
    @Threads(2)
    public void recordRequestFrom2Threads(Cursor c) {
        recordRequest(c);
    }

    /** One distinct-tuple count (hash of 3 boxed values, one bit set). */
    @Benchmark
    public void varietyRecord(Cursor c) {
        tuple[0] = keys[c.i++ & MASK];
        variety.record(tuple, 3);
    }

    private static long clamp(long nanos) {
        return Math.max(0, Math.min(nanos, MAX_TRACKED_NANOS));
    }
}

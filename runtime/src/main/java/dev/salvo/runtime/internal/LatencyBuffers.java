package dev.salvo.runtime.internal;

import org.HdrHistogram.Histogram;

/**
 * A request's four latency histograms (response, service, wait, lag), recorded from many threads without a shared write
 * per request: each thread appends a request's four values to a buffer of its own (one uncontended lock), and a full
 * buffer is moved into the shared histograms under one lock, {@value #CAPACITY} requests at a time. Readers drain every
 * buffer first, so a reading holds every request recorded before it. The find-max judge ({@link FindMaxController}) keeps
 * its step latencies in one too, response only.
 *
 * <p>Why not HdrHistogram's {@code Recorder}: its {@code recordValue} is six atomic updates of fields every recording
 * thread shares (the recorder's phaser, the concurrent histogram's phaser, the count, the total), and a request records
 * four values. Eight SQL threads on two cores kept those cache lines moving between the cores: with the four recordings
 * left out, the tight loop ran 11% more queries at 2 µs less CPU each (issue 20, {@code
 * benchmarks/results/tight-loop-recording-ab-20261203-s14.txt}).
 */
final class LatencyBuffers {
    static final int RESPONSE = 0;
    static final int SERVICE = 1;
    static final int WAIT = 2;
    static final int LAG = 3;
    private static final int METRICS = 4;
    /** Requests a thread's buffer holds before it is moved into the shared histograms. */
    static final int CAPACITY = 64;

    private final Shared shared;
    private final PerThread<Buffer> buffers;

    /**
     * @param highest the longest value tracked (longer ones must be clamped by the caller)
     * @param digits significant digits of the histograms
     */
    LatencyBuffers(long highest, int digits) {
        Shared shared = new Shared(highest, digits);
        this.shared = shared;
        this.buffers = new PerThread<>(() -> new Buffer(shared));
    }

    /**
     * Records one request's values; a negative one is absent (not recorded).
     *
     * @param response from the intended start to the end
     * @param service from execution to the end
     * @param wait until a connection was in hand
     * @param lag until a Salvo thread took the request
     */
    void record(long response, long service, long wait, long lag) {
        buffers.mine().add(response, service, wait, lag);
    }

    /** Moves what every thread's buffer holds into the shared histograms. */
    void drain() {
        for (Buffer buffer : buffers.all()) {
            buffer.drain();
        }
    }

    /**
     * Takes one metric's values recorded (and drained) since the last take of it.
     *
     * @param metric {@link #RESPONSE}, {@link #SERVICE}, {@link #WAIT} or {@link #LAG}
     * @param recycle a histogram handed out by an earlier take, reset and reused; null for a new one
     * @return the values since the last take; the caller owns it until it hands it back as {@code recycle}
     */
    Histogram take(int metric, Histogram recycle) {
        return shared.take(metric, recycle);
    }

    /**
     * The histograms that buffers are drained into, each made when its metric is first recorded (the find-max judge
     * records only responses: one histogram, not four); references no {@link LatencyBuffers} (see {@link Buffer}).
     */
    private static final class Shared {
        private final long highest;
        private final int digits;
        private final Histogram[] active = new Histogram[METRICS];

        Shared(long highest, int digits) {
            this.highest = highest;
            this.digits = digits;
        }

        synchronized void add(long[] values, int length) {
            for (int i = 0; i < length; i++) {
                long value = values[i];
                if (value >= 0) {
                    int metric = i % METRICS;
                    Histogram histogram = active[metric];
                    if (histogram == null) {
                        histogram = active[metric] = new Histogram(highest, digits);
                    }
                    histogram.recordValue(value);
                }
            }
        }

        synchronized Histogram take(int metric, Histogram recycle) {
            Histogram fresh = recycle == null ? new Histogram(highest, digits) : recycle;
            fresh.reset();
            Histogram taken = active[metric];
            if (taken == null) {
                return fresh; // nothing recorded yet: an empty one, and no histogram kept for a metric never used
            }
            active[metric] = fresh;
            return taken;
        }
    }

    /**
     * One thread's buffer. It references the shared histograms, not its {@link LatencyBuffers}: a thread's
     * {@code ThreadLocal} map keeps its buffers, and a buffer that referenced the owner of the {@code ThreadLocal} would
     * keep that owner (and its histograms) alive for as long as the thread lives.
     */
    private static final class Buffer {
        private final Shared shared;
        private final long[] values = new long[CAPACITY * METRICS];
        private int size;

        Buffer(Shared shared) {
            this.shared = shared;
        }

        synchronized void add(long response, long service, long wait, long lag) {
            int i = size;
            values[i] = response;
            values[i + 1] = service;
            values[i + 2] = wait;
            values[i + 3] = lag;
            size = i + METRICS;
            if (size == values.length) {
                drain();
            }
        }

        synchronized void drain() {
            if (size > 0) {
                shared.add(values, size);
                size = 0;
            }
        }
    }
}

package dev.salvo.runtime.internal;

import dev.salvo.reports.GeneratorResults;
import dev.salvo.reports.RunResults;
import dev.salvo.sql.SalvoException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The load generator's own hiccups, in the spirit of jHiccup: a thread that sleeps (5 ms by default, see
 * {@link #DEFAULT_SLEEP_MILLIS}) over and over records how much
 * later than that it wakes up. Whatever stops or starves the JVM (a GC pause, a SIGSTOP, a CPU-starved container)
 * delays this thread as it delays Gatling and Salvo, so its histogram is the generator's own latency floor, and its
 * running total of stall time is charged to the requests that could not start on time (see {@link UserClock}).
 *
 * <p>Written by its own thread only; the stall total is a volatile read on the request path.
 */
final class HiccupRecorder implements Runnable {
    /** The system property that sets how long the thread sleeps each time, in whole milliseconds (1 to 1000). */
    static final String SLEEP_PROPERTY = "salvo.hiccupMillis";
    /**
     * The default sleep. jHiccup sleeps 1 ms; on a machine whose cores are all busy (the load generator beside the
     * database on 2 cores) 1,000 wake-ups a second preempt the threads being measured, and the benchmark showed it: p95
     * +30% and throughput -15% against 5 ms or 10 ms, which were as good as no recorder (docs/performance.md, issue 24).
     * A stall shorter than the sleep can fall inside it unseen; open-model requests are timed from their scheduled
     * arrival regardless (ArrivalSchedule), so what a longer sleep loses is only the short stalls between two requests
     * of one user.
     */
    static final long DEFAULT_SLEEP_MILLIS = 5;
    /** How long the thread sleeps each time. */
    final long sleepNanos = sleepMillis() * 1_000_000L;
    /** A wake-up later than this (beyond the sleep) counts as a stall of the generator. */
    static final long STALL_NANOS = 1_000_000;
    /** A stall at least this long is listed as an event in the results. */
    static final long EVENT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** Events kept; later ones are only counted in the histogram and the timeline. */
    static final int MAX_EVENTS = 1000;
    /** Timeline interval. */
    static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Thread thread = new Thread(this, "salvo-hiccup");
    /** Lateness charged to open-model requests (written by Gatling's threads, wait-free). */
    private final Recorder late = new Recorder(RequestRecorder.MAX_TRACKED_NANOS, 3);

    private final Histogram total = new Histogram(RequestRecorder.MAX_TRACKED_NANOS, 3);
    private final Histogram lateTotal = new Histogram(RequestRecorder.MAX_TRACKED_NANOS, 3);
    private Histogram lateInterval;
    private final Histogram interval = new Histogram(RequestRecorder.MAX_TRACKED_NANOS, 3);
    private final List<GeneratorResults.HiccupPoint> timeline = new ArrayList<>();
    private final List<GeneratorResults.Stall> events = new ArrayList<>();
    private volatile long stallNanos;
    private volatile boolean stopped;
    private long intervalStallNanos;
    private long intervalStartNanos = System.nanoTime();
    /** the JVM's compilers, or null when it does not time them */
    private final CompilationMXBean jit = jitBean();
    /** their total compilation time (ms) at the start of the interval */
    private long jitAtIntervalStart = jit == null ? 0 : jit.getTotalCompilationTime();

    private long intervalStartMillis = System.currentTimeMillis();

    HiccupRecorder() {
        thread.setDaemon(true);
    }

    /**
     * @return the sleep, from {@value #SLEEP_PROPERTY} or {@link #DEFAULT_SLEEP_MILLIS}
     * @throws SalvoException when the property is not a whole number from 1 to 1000
     */
    static long sleepMillis() {
        return millisProperty(SLEEP_PROPERTY, DEFAULT_SLEEP_MILLIS, 1, "the hiccup recorder's sleep");
    }

    /**
     * @param property a system property holding a whole number of milliseconds
     * @param defaultMillis its value when unset
     * @param min its least value; the greatest is 1000
     * @param what what it sets, for the error
     * @return the value
     * @throws SalvoException naming the property and its rule when the value is not a whole number from min to 1000
     */
    static long millisProperty(String property, long defaultMillis, long min, String what) {
        String value = System.getProperty(property);
        if (value == null) {
            return defaultMillis;
        }
        try {
            long millis = Long.parseLong(value.trim());
            if (millis >= min && millis <= 1000) {
                return millis;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SalvoException(property + ": " + what + " must be a whole number of milliseconds from " + min
                + " to 1000, but was '" + value + "'");
    }

    /** @return this, its thread started */
    HiccupRecorder start() {
        thread.start();
        return this;
    }

    /**
     * An open-model request's intended start lies this far before the moment its user reached it.
     *
     * @param nanos the lateness charged
     */
    void charged(long nanos) {
        late.recordValue(RequestRecorder.clamp(nanos));
    }

    /** @return the generator's stall time so far, in ns (wake-ups later than {@link #STALL_NANOS}, added up) */
    long stallNanos() {
        return stallNanos;
    }

    @Override
    public void run() {
        while (!stopped) {
            long before = System.nanoTime();
            LockSupport.parkNanos(sleepNanos);
            long after = System.nanoTime();
            long hiccup = RequestRecorder.clamp(after - before - sleepNanos);
            record(hiccup, after);
        }
    }

    /**
     * @param hiccup how much later than asked the thread woke up, in ns
     * @param nowNanos when it woke up
     */
    synchronized void record(long hiccup, long nowNanos) {
        interval.recordValue(hiccup);
        if (hiccup >= STALL_NANOS) {
            stallNanos += hiccup; // single writer
            intervalStallNanos += hiccup;
            if (hiccup >= EVENT_NANOS && events.size() < MAX_EVENTS) {
                long endMillis = System.currentTimeMillis();
                events.add(new GeneratorResults.Stall(endMillis - TimeUnit.NANOSECONDS.toMillis(hiccup), hiccup / 1e6));
            }
        }
        if (nowNanos - intervalStartNanos >= INTERVAL_NANOS) {
            closeInterval(nowNanos);
        }
    }

    private void closeInterval(long nowNanos) {
        long jitNow = jit == null ? 0 : jit.getTotalCompilationTime();
        long endMillis = intervalStartMillis + TimeUnit.NANOSECONDS.toMillis(nowNanos - intervalStartNanos);
        lateInterval = late.getIntervalHistogram(lateInterval);
        lateTotal.add(lateInterval);
        if (interval.getTotalCount() > 0 || lateInterval.getTotalCount() > 0) {
            timeline.add(new GeneratorResults.HiccupPoint(
                    intervalStartMillis,
                    endMillis,
                    interval.getValueAtPercentile(99) / 1e3,
                    interval.getMaxValue() / 1e3,
                    intervalStallNanos / 1e6,
                    lateInterval.getTotalCount(),
                    lateInterval.getValueAtPercentile(50) / 1e3,
                    lateInterval.getValueAtPercentile(99) / 1e3,
                    lateInterval.getMaxValue() / 1e3,
                    jit == null ? null : (double) (jitNow - jitAtIntervalStart)));
            total.add(interval);
        }
        interval.reset();
        jitAtIntervalStart = jitNow;
        intervalStallNanos = 0;
        intervalStartNanos = nowNanos;
        intervalStartMillis = endMillis;
    }

    /** @return the JVM's compilers, or null when there are none or it does not time them */
    private static CompilationMXBean jitBean() {
        CompilationMXBean bean = ManagementFactory.getCompilationMXBean();
        return bean != null && bean.isCompilationTimeMonitoringSupported() ? bean : null;
    }

    /** Stops the thread (waits for it at most a second). */
    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * @param intendedStart how requests' intended starts were taken ({@code schedule} or {@code action})
     * @param scheduledUsers open-model users matched to their scheduled arrival
     * @return what was recorded so far, for the results
     */
    synchronized GeneratorResults summary(String intendedStart, long scheduledUsers) {
        closeInterval(System.nanoTime());
        ByteBuffer buffer = ByteBuffer.allocate(total.getNeededByteBufferCapacity());
        int length = total.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return new GeneratorResults(
                intendedStart,
                scheduledUsers,
                RunResults.Latency.ofNanos(lateTotal),
                RunResults.Latency.ofNanos(total),
                stallNanos / 1e6,
                List.copyOf(events),
                List.copyOf(timeline),
                Base64.getEncoder().encodeToString(bytes),
                List.of());
    }
}

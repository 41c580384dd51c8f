package dev.salvo.benchmarks.inflight;

import dev.salvo.benchmarks.overhead.SteadyCpu;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What holding many queries in flight costs the load generator's JVM, read from inside it: process CPU in the measured
 * window (as the overhead benchmark's SteadyCpu reads it: from the window's start to one second before its end), heap
 * used (sampled every 100 ms: the peak over the whole run; and after a full collection forced at the window's end),
 * live and peak thread counts, and the resident set size ({@code VmRSS}, {@code VmHWM} of /proc/self/status). Written
 * as {@code key=value} lines to the file named by {@code bench.probeFile}, if set; a line every 5 s to standard output.
 */
final class InFlightProbe {
    private static final double MB = 1024.0 * 1024.0;

    private InFlightProbe() {}

    private static final java.util.concurrent.atomic.AtomicBoolean STARTED =
            new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Starts the daemon thread that takes the readings, once: called by every user as it starts, so that the clock
     * starts with the load (Salvo opens its pool before that, when the simulation's actions are built).
     *
     * @param warmupNanos from now until the measured window starts
     * @param measureNanos the measured window
     */
    static void startOnce(long warmupNanos, long measureNanos) {
        if (STARTED.compareAndSet(false, true)) {
            start(warmupNanos, measureNanos);
        }
    }

    /**
     * Starts the daemon thread that takes the readings.
     *
     * @param warmupNanos from now until the measured window starts
     * @param measureNanos the measured window
     */
    static void start(long warmupNanos, long measureNanos) {
        String file = System.getProperty("bench.probeFile");
        if (file == null) {
            return;
        }
        Thread t = new Thread(
                () -> {
                    try {
                        run(Path.of(file), warmupNanos, measureNanos - TimeUnit.SECONDS.toNanos(1));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                "bench-in-flight-probe");
        t.setDaemon(true);
        t.start();
    }

    private static void run(Path file, long warmupNanos, long windowNanos) throws InterruptedException, IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<MemoryPoolMXBean> heap = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap.add(pool);
            }
        }
        long start = System.nanoTime();
        long windowStart = start + warmupNanos;
        long windowEnd = windowStart + windowNanos;
        long cpu0 = -1;
        long t0 = 0;
        long heapPeak = 0;
        long heapPeakWindow = 0;
        int threadsMinWindow = Integer.MAX_VALUE;
        long nextLine = start;
        while (true) {
            long now = System.nanoTime();
            long used = heapUsed();
            heapPeak = Math.max(heapPeak, used);
            if (cpu0 < 0 && now - windowStart >= 0) {
                cpu0 = SteadyCpu.cpuNanos();
                t0 = now;
            }
            if (cpu0 >= 0) {
                heapPeakWindow = Math.max(heapPeakWindow, used);
                threadsMinWindow = Math.min(threadsMinWindow, threads.getThreadCount());
            }
            if (now - nextLine >= 0) {
                System.out.printf(
                        Locale.ROOT,
                        "[probe] t=%.0fs threads=%d heap_used_mb=%.1f rss_mb=%.1f cpu_s=%.2f%n",
                        (now - start) / 1e9,
                        threads.getThreadCount(),
                        used / MB,
                        status("VmRSS:") / 1024.0,
                        SteadyCpu.cpuNanos() / 1e9);
                nextLine += TimeUnit.SECONDS.toNanos(5);
            }
            if (now - windowEnd >= 0) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        long cpu1 = SteadyCpu.cpuNanos();
        long t1 = System.nanoTime();
        int live = threads.getThreadCount();
        long rss = status("VmRSS:");
        long heapBeforeGc = heapUsed();
        System.gc();
        long heapAfterGc = heapUsed();
        long poolPeaks = 0;
        for (MemoryPoolMXBean pool : heap) {
            poolPeaks += pool.getPeakUsage().getUsed();
        }
        Files.writeString(
                file,
                String.format(
                        Locale.ROOT,
                        "cpu_seconds=%.3f%nwindow_seconds=%.3f%nheap_peak_mb=%.1f%nheap_peak_window_mb=%.1f%nheap_pool_peaks_mb=%.1f%n"
                                + "heap_before_gc_mb=%.1f%nheap_after_gc_mb=%.1f%nheap_max_mb=%.1f%nthreads_live=%d%nthreads_min_window=%d%n"
                                + "threads_peak=%d%nthreads_started=%d%nrss_mb=%.1f%nrss_peak_mb=%.1f%njava_version=%s%n",
                        (cpu1 - cpu0) / 1e9,
                        (t1 - t0) / 1e9,
                        heapPeak / MB,
                        heapPeakWindow / MB,
                        poolPeaks / MB,
                        heapBeforeGc / MB,
                        heapAfterGc / MB,
                        Runtime.getRuntime().maxMemory() / MB,
                        live,
                        threadsMinWindow,
                        threads.getPeakThreadCount(),
                        threads.getTotalStartedThreadCount(),
                        rss / 1024.0,
                        status("VmHWM:") / 1024.0,
                        System.getProperty("java.version")));
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** @return the value in kB of a line of /proc/self/status, -1 when unreadable */
    private static long status(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}

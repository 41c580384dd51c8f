package dev.salvo.benchmarks.overhead;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The contender's own CPU time in steady state, apart from JVM start-up, JIT warm-up and shutdown: the process CPU time
 * (all threads, user + system) read when the measured window starts and again one second before it ends. Written as
 * {@code cpu_seconds=<x> window_seconds=<y>} to the file named by {@code bench.cpuFile}, if set.
 */
public final class SteadyCpu {
    private SteadyCpu() {}

    /**
     * Starts the daemon thread that takes the two readings.
     *
     * @param warmupNanos from now until the measured window starts
     * @param measureNanos the measured window
     */
    static void start(long warmupNanos, long measureNanos) {
        String file = System.getProperty("bench.cpuFile");
        if (file == null) {
            return;
        }
        long windowNanos = measureNanos - TimeUnit.SECONDS.toNanos(1);
        Thread t = new Thread(
                () -> {
                    try {
                        TimeUnit.NANOSECONDS.sleep(warmupNanos);
                        long cpu0 = cpuNanos();
                        long t0 = System.nanoTime();
                        TimeUnit.NANOSECONDS.sleep(windowNanos);
                        long cpu1 = cpuNanos();
                        long t1 = System.nanoTime();
                        Files.writeString(
                                Path.of(file),
                                String.format(
                                        Locale.ROOT,
                                        "cpu_seconds=%.3f window_seconds=%.3f%n",
                                        (cpu1 - cpu0) / 1e9,
                                        (t1 - t0) / 1e9));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                "bench-steady-cpu");
        t.setDaemon(true);
        t.start();
    }

    /** @return this process's CPU time so far (all threads, user + system), in ns */
    public static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}

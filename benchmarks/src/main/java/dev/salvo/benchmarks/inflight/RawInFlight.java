package dev.salvo.benchmarks.inflight;

import dev.salvo.benchmarks.overhead.SteadyCpu;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The same in-flight load without Salvo or Gatling, to compare platform and virtual threads: {@code users} workers, each
 * with its own JDBC connection, loop over {@code SELECT pg_sleep(querySeconds)}; after all connections are open and
 * {@code warmup} seconds have passed, the queries finished in {@code seconds} are counted, with the process CPU, the
 * JVM's thread count and its RSS. Virtual threads (Java 21+) are looked up reflectively, since the build targets Java 17.
 *
 * <p>Usage: {@code RawInFlight <jdbc-url> <users> <querySeconds> <warmup> <seconds> platform|virtual}. Prints one line:
 * {@code mode=... qps=... cpu_us_per_query=... threads=... rss_mb=... heap_used_mb=...}.
 */
public final class RawInFlight {
    private RawInFlight() {}

    /**
     * Runs the comparison.
     *
     * @param args url, users, querySeconds, warmup, seconds, platform|virtual
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 6 || !args[5].matches("platform|virtual")) {
            System.err.println(
                    "usage: RawInFlight <jdbc-url> <users> <querySeconds> <warmup> <seconds> platform|virtual");
            return;
        }
        String url = args[0];
        int users = Integer.parseInt(args[1]);
        int querySeconds = Integer.parseInt(args[2]);
        long warmup = Long.parseLong(args[3]);
        long seconds = Long.parseLong(args[4]);
        ExecutorService executor = "virtual".equals(args[5])
                ? (ExecutorService) Executors.class
                        .getMethod("newVirtualThreadPerTaskExecutor")
                        .invoke(null)
                : Executors.newFixedThreadPool(users);
        AtomicLong done = new AtomicLong();
        CountDownLatch connected = new CountDownLatch(users);
        long t0 = System.nanoTime();
        long end = t0 + TimeUnit.SECONDS.toNanos(600);
        AtomicLong deadline = new AtomicLong(end);
        for (int i = 0; i < users; i++) {
            executor.execute(() -> {
                try (Connection c = DriverManager.getConnection(url);
                        PreparedStatement ps = c.prepareStatement("SELECT pg_sleep(" + querySeconds + ")")) {
                    connected.countDown();
                    while (System.nanoTime() - deadline.get() < 0) {
                        ps.execute();
                        done.incrementAndGet();
                    }
                } catch (SQLException e) {
                    connected.countDown();
                    System.err.println("worker: " + e.getMessage());
                }
            });
        }
        connected.await();
        System.out.printf(Locale.ROOT, "all %d connected after %.1f s%n", users, (System.nanoTime() - t0) / 1e9);
        TimeUnit.SECONDS.sleep(warmup);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = SteadyCpu.cpuNanos();
        long n0 = done.get();
        long w0 = System.nanoTime();
        TimeUnit.SECONDS.sleep(seconds);
        long n1 = done.get();
        long w1 = System.nanoTime();
        long cpu1 = SteadyCpu.cpuNanos();
        double qps = (n1 - n0) / ((w1 - w0) / 1e9);
        System.out.printf(
                Locale.ROOT,
                "mode=%s qps=%.1f cpu_us_per_query=%.1f threads=%d threads_peak=%d rss_mb=%.1f "
                        + "heap_used_mb=%.1f java=%s%n",
                args[5],
                qps,
                (cpu1 - cpu0) / 1e3 / (n1 - n0),
                threads.getThreadCount(),
                threads.getPeakThreadCount(),
                rssKb() / 1024.0,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0,
                System.getProperty("java.version"));
        deadline.set(System.nanoTime());
        executor.shutdown();
        executor.awaitTermination(querySeconds + 30L, TimeUnit.SECONDS);
    }

    private static long rssKb() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }
}

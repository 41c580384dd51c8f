package dev.salvo.benchmarks.inflight;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How long opening a pool of N connections takes, for comparison with Salvo's own fill (which {@code in-flight.sh}
 * reads from Salvo's log): {@code hikari} is HikariCP as Salvo configured it before it filled pools itself (JDBC URL,
 * minimumIdle = maximumPoolSize = N; HikariCP's one adder thread, which sleeps 30 ms after each connection); {@code
 * jdbc-T} opens N plain JDBC connections on T threads (the server's connection set-up bounds it). Prints one line:
 * {@code fill mode=<m> connections=<n> seconds=<x> per_second=<x>} ({@code complete=false} when a limit was reached).
 *
 * <p>Usage: {@code PoolFillTiming <jdbc-url> <connections> <hikari|jdbc-T> [limit-seconds]}
 */
public final class PoolFillTiming {
    private PoolFillTiming() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int n = Integer.parseInt(args[1]);
        String mode = args[2];
        long limitNanos = TimeUnit.SECONDS.toNanos(args.length > 3 ? Long.parseLong(args[3]) : 300);
        long t0 = System.nanoTime();
        int opened;
        if (mode.equals("hikari")) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setMaximumPoolSize(n);
            config.setMinimumIdle(n);
            try (HikariDataSource pool = new HikariDataSource(config)) {
                while (pool.getHikariPoolMXBean().getTotalConnections() < n && System.nanoTime() - t0 < limitNanos) {
                    Thread.sleep(10);
                }
                opened = pool.getHikariPoolMXBean().getTotalConnections();
                report(mode, opened, n, System.nanoTime() - t0);
            }
            return;
        }
        int threads = Integer.parseInt(mode.substring("jdbc-".length()));
        List<Connection> connections = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger left = new AtomicInteger(n);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            executor.execute(() -> {
                while (left.getAndDecrement() > 0 && System.nanoTime() - t0 < limitNanos) {
                    try {
                        connections.add(DriverManager.getConnection(url));
                    } catch (SQLException e) {
                        System.err.println("fill: " + e.getMessage());
                        return;
                    }
                }
            });
        }
        executor.shutdown();
        executor.awaitTermination(1, TimeUnit.HOURS);
        long elapsed = System.nanoTime() - t0;
        opened = connections.size();
        report(mode, opened, n, elapsed);
        for (Connection c : connections) {
            c.close();
        }
    }

    private static void report(String mode, int opened, int n, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf(
                "fill mode=%s connections=%d seconds=%.2f per_second=%.1f complete=%b%n",
                mode, opened, seconds, opened / seconds, opened == n);
    }
}

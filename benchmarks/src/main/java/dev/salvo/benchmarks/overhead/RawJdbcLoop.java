package dev.salvo.benchmarks.overhead;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * The baseline: N threads, one connection each, one prepared statement each, random keys, every column of every row
 * read with {@code getBytes} (as Salvo reads them). Runs a warmup, then measures. Each measured request is timed from
 * before its key is drawn until its last row is read, into a per-thread HdrHistogram (µs, 3 significant digits), the
 * way Salvo's tight loop times its requests.
 *
 * <p>Arguments: {@code <jdbc url> <clients> <warmup seconds> <seconds>}; prints {@code measured=<n> qps=<x> total=<n>
 * p50_us=<x> p95_us=<x> p99_us=<x> p999_us=<x> max_us=<x>}.
 */
public final class RawJdbcLoop {
    private RawJdbcLoop() {}

    /**
     * @param args url, clients, warmup seconds, seconds
     * @throws Exception when the database fails
     */
    public static void main(String[] args) throws Exception {
        String url = args[0];
        int clients = Integer.parseInt(args[1]);
        long warmupNanos = Long.parseLong(args[2]) * 1_000_000_000L;
        long measureNanos = Long.parseLong(args[3]) * 1_000_000_000L;
        LongAdder measured = new LongAdder();
        LongAdder total = new LongAdder();
        long start = System.nanoTime();
        long measureFrom = start + warmupNanos;
        long end = measureFrom + measureNanos;
        SteadyCpu.start(warmupNanos, measureNanos);
        List<Thread> threads = new ArrayList<>();
        List<Histogram> histograms = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Histogram histogram = new Histogram(60_000_000L, 3);
            histograms.add(histogram);
            Thread t = new Thread(() -> run(url, measureFrom, end, measured, total, histogram), "jdbc-" + i);
            threads.add(t);
            t.start();
        }
        Histogram all = new Histogram(60_000_000L, 3);
        for (int i = 0; i < clients; i++) {
            threads.get(i).join();
            all.add(histograms.get(i));
        }
        System.out.printf(
                Locale.ROOT,
                "measured=%d qps=%.1f total=%d p50_us=%d p95_us=%d p99_us=%d p999_us=%d max_us=%d%n",
                measured.sum(),
                measured.sum() / (measureNanos / 1e9),
                total.sum(),
                all.getValueAtPercentile(50),
                all.getValueAtPercentile(95),
                all.getValueAtPercentile(99),
                all.getValueAtPercentile(99.9),
                all.getMaxValue());
    }

    private static void run(
            String url, long measureFrom, long end, LongAdder measured, LongAdder total, Histogram histogram) {
        try (Connection c = DriverManager.getConnection(url);
                PreparedStatement ps = c.prepareStatement(Lookup.SQL)) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long now;
            while ((now = System.nanoTime()) < end) {
                ps.setObject(1, random.nextLong(1, Lookup.MAX_ID + 1));
                try (ResultSet rs = ps.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int col = 1; col <= columns; col++) {
                            rs.getBytes(col);
                        }
                    }
                }
                total.increment();
                if (now >= measureFrom) {
                    measured.increment();
                    histogram.recordValue(Math.max(0, (System.nanoTime() - now) / 1000));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.salvo.benchmarks.overhead;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The fixed-rate tail's JVM floor: {@code pgbench -S -R <rate> -c <clients>} written as plainly as Java allows, with no
 * Salvo and no Gatling. The clients share one Poisson schedule of arrivals; each, on its own thread and connection,
 * takes the next arrival, sleeps until it is due ({@code LockSupport.parkNanos}, as Salvo's paced loop does), runs
 * pgbench's select-only lookup with a prepared statement and a uniformly random key, and times it from the due time
 * into its own HdrHistogram (µs). Arrivals due in the warmup are run, not measured. It answers one question: how far
 * from pgbench's p99 does a JVM client get on this machine before Salvo adds anything.
 *
 * <p>Arguments: {@code <jdbc url> <clients> <rate per second> <warmup seconds> <seconds> <accounts>}; prints
 * {@code mean_ms p50_ms p95_ms p99_ms count wait_p50_ms service_p50_ms p999_ms wait_p99_ms wait_p999_ms service_p99_ms
 * service_p999_ms} on one line (wait: from the due time to the execution's start; service: the execution).
 */
public final class RawPacedLoop {
    private final SplittableRandom arrivals = new SplittableRandom(42);
    private final double meanGapNanos;
    private final long endOffsetNanos;
    private long startNanos;
    private double offsetNanos;

    private RawPacedLoop(double perSecond, long durationNanos) {
        this.meanGapNanos = 1e9 / perSecond;
        this.endOffsetNanos = durationNanos;
    }

    /** @return the next arrival's due time, or Long.MIN_VALUE once the schedule has ended */
    private synchronized long next() {
        if (startNanos == 0) {
            startNanos = System.nanoTime();
        }
        offsetNanos += -Math.log(1 - arrivals.nextDouble()) * meanGapNanos;
        return offsetNanos >= endOffsetNanos ? Long.MIN_VALUE : startNanos + (long) offsetNanos;
    }

    /**
     * @param args url, clients, rate, warmup seconds, seconds, accounts
     * @throws Exception when the database fails
     */
    public static void main(String[] args) throws Exception {
        String url = args[0];
        int clients = Integer.parseInt(args[1]);
        double rate = Double.parseDouble(args[2]);
        long warmupNanos = Long.parseLong(args[3]) * 1_000_000_000L;
        long measureNanos = Long.parseLong(args[4]) * 1_000_000_000L;
        long accounts = Long.parseLong(args[5]);
        RawPacedLoop schedule = new RawPacedLoop(rate, warmupNanos + measureNanos);
        List<Thread> threads = new ArrayList<>();
        List<Histogram[]> histograms = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            connections.add(DriverManager.getConnection(url)); // all connected before the schedule starts
        }
        for (int i = 0; i < clients; i++) {
            Histogram[] h = new Histogram[3];
            for (int k = 0; k < h.length; k++) {
                h[k] = new Histogram(60_000_000L, 3);
            }
            histograms.add(h);
            Connection c = connections.get(i);
            Thread t = new Thread(() -> run(c, schedule, warmupNanos, accounts, h), "raw-paced-" + i);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        Histogram response = new Histogram(60_000_000L, 3);
        Histogram wait = new Histogram(60_000_000L, 3);
        Histogram service = new Histogram(60_000_000L, 3);
        for (int i = 0; i < clients; i++) {
            threads.get(i).join();
            response.add(histograms.get(i)[0]);
            wait.add(histograms.get(i)[1]);
            service.add(histograms.get(i)[2]);
            connections.get(i).close();
        }
        System.out.printf(
                Locale.ROOT,
                "%.3f %.3f %.3f %.3f %d %.3f %.3f %.3f %.3f %.3f %.3f %.3f%n",
                response.getMean() / 1e3,
                response.getValueAtPercentile(50) / 1e3,
                response.getValueAtPercentile(95) / 1e3,
                response.getValueAtPercentile(99) / 1e3,
                response.getTotalCount(),
                wait.getValueAtPercentile(50) / 1e3,
                service.getValueAtPercentile(50) / 1e3,
                response.getValueAtPercentile(99.9) / 1e3,
                wait.getValueAtPercentile(99) / 1e3,
                wait.getValueAtPercentile(99.9) / 1e3,
                service.getValueAtPercentile(99) / 1e3,
                service.getValueAtPercentile(99.9) / 1e3);
    }

    private static void run(
            Connection c, RawPacedLoop schedule, long warmupNanos, long accounts, Histogram[] histograms) {
        try (PreparedStatement ps = c.prepareStatement("SELECT abalance FROM pgbench_accounts WHERE aid = ?")) {
            SplittableRandom keys = new SplittableRandom(Thread.currentThread().getId());
            long due;
            while ((due = schedule.next()) != Long.MIN_VALUE) {
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                long start = System.nanoTime();
                ps.setLong(1, keys.nextLong(1, accounts + 1));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getBytes(1);
                    }
                }
                long end = System.nanoTime();
                if (due - schedule.startNanos >= warmupNanos) {
                    histograms[0].recordValue(Math.max(0, (end - due) / 1000));
                    histograms[1].recordValue(Math.max(0, (start - due) / 1000));
                    histograms[2].recordValue(Math.max(0, (end - start) / 1000));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

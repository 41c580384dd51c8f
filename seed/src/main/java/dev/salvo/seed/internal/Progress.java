package dev.salvo.seed.internal;

import dev.salvo.seed.SeedOptions;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Prints {@code [salvo] seeding <table>: rows/total (pct), rows/s, ETA} every few seconds while a table loads. */
final class Progress implements AutoCloseable {
    private final ScheduledExecutorService timer;

    Progress(SeedOptions options, String table, long total, AtomicLong done) {
        if (options.out() == null || options.progressSeconds() == 0) {
            timer = null;
            return;
        }
        long start = System.nanoTime();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "salvo-seed-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(
                () -> options.out().println(line(table, done.get(), total, (System.nanoTime() - start) / 1e9)),
                options.progressSeconds(),
                options.progressSeconds(),
                TimeUnit.SECONDS);
    }

    static String line(String table, long done, long total, double seconds) {
        double rate = seconds > 0 ? done / seconds : 0;
        long eta = rate > 0 ? Math.round((total - done) / rate) : -1;
        return String.format(
                Locale.ROOT,
                "[salvo] seeding %s: %,d / %,d rows (%.0f%%), %,.0f rows/s, ETA %s",
                table,
                done,
                total,
                total == 0 ? 100.0 : 100.0 * done / total,
                rate,
                eta < 0 ? "?" : eta + " s");
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}

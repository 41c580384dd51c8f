package dev.salvo.runtime.internal;

import dev.salvo.reports.ServerResults;
import dev.salvo.sql.server.ServerDelta;
import dev.salvo.sql.server.ServerSnapshot;
import dev.salvo.sql.server.ServerStatistics;
import dev.salvo.sql.server.WaitSampler;
import dev.salvo.sql.server.WaitTimeline;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server's side of one run: a snapshot of its statistics when the measurement starts, the run's sessions sampled
 * for wait events while it runs, and at the end a second snapshot, joined to Salvo's requests ({@link ServerJoin}).
 * Nothing here may fail the run: whatever cannot be read becomes one line in the results.
 */
final class ServerWatch {
    /** System property: false turns server statistics off (default true). */
    static final String ENABLED_PROPERTY = "salvo.serverStatistics";
    /** System property: milliseconds between wait-event samples (default 200; 0 turns sampling off). */
    static final String SAMPLE_PROPERTY = "salvo.waitSampleMillis";
    /** A session's database counters reach pg_stat_database when it has been idle, at most once a second. */
    static final long FLUSH_WAIT_MILLIS = 1100;

    private final Target target;
    private final ServerStatistics stats;
    private final String tag;
    private final long sampleMillis;
    private final long intervalMillis;
    private volatile ServerSnapshot start;
    private volatile WaitSampler sampler;
    private volatile List<String> startProblems = List.of();
    private Thread delayed;

    private ServerWatch(Target target, String tag, long intervalMillis) {
        this.target = target;
        this.stats = target.dialect.serverStatistics();
        this.tag = tag;
        this.sampleMillis = Long.getLong(SAMPLE_PROPERTY, 200);
        this.intervalMillis = intervalMillis;
    }

    /** @return a watch, or null when server statistics are turned off */
    static ServerWatch create(Target target, String tag, long intervalMillis) {
        return Boolean.parseBoolean(System.getProperty(ENABLED_PROPERTY, "true"))
                ? new ServerWatch(target, tag, intervalMillis)
                : null;
    }

    /** Takes the first snapshot and starts sampling now. */
    synchronized void begin() {
        if (start != null) {
            return;
        }
        try (Connection c = target.directConnection()) {
            start = stats.snapshot(c);
        } catch (SQLException | RuntimeException e) {
            startProblems = List.of("server statistics: unavailable: the first snapshot failed: " + Target.describe(e));
            return;
        }
        if (sampleMillis > 0) {
            try {
                sampler = openSampler();
            } catch (SQLException e) {
                startProblems = List.of("wait events: unavailable: " + Target.describe(e));
            }
        }
    }

    /** A warmup at least this long has the server calls practised first (see {@link #practice}). */
    static final long PRACTICE_MIN_WARMUP_NANOS = TimeUnit.SECONDS.toNanos(2);

    /**
     * Takes the first snapshot when the warmup ends, on a thread of its own; during a warmup of at least
     * {@link #PRACTICE_MIN_WARMUP_NANOS}, first practises it.
     */
    synchronized void beginAfter(long delayNanos) {
        if (delayNanos <= 0) {
            begin();
            return;
        }
        long due = System.nanoTime() + delayNanos;
        delayed = new Thread(
                () -> {
                    try {
                        if (delayNanos >= PRACTICE_MIN_WARMUP_NANOS) {
                            practice(due);
                        }
                        TimeUnit.NANOSECONDS.sleep(due - System.nanoTime());
                        begin();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "salvo-server-start");
        delayed.setDaemon(true);
        delayed.start();
    }

    /**
     * Makes the calls the measurement makes, during the warmup, and drops what they read: a snapshot when the load
     * starts and another halfway through the warmup, and a wait sampler at the measurement's cadence for the whole
     * warmup. They run through the same JDBC driver code as the requests, and the shapes they bring (other messages,
     * columns, types) made the JIT deoptimize the driver's compiled code (QueryExecutorImpl.processResults,
     * PGStream.receiveTupleV3) on every SQL thread when the measurement started (issue 20, -XX:+PrintCompilation). A
     * snapshot and three samples at the very start were not enough: the driver's methods were not yet profiled then, so
     * C2 still compiled them without these shapes during the warmup, and recompiled the request path in the first
     * seconds of the measurement (JFR, docs/warmup-jit.md). Nothing here is reported and nothing may fail: the real calls
     * report their own problems.
     *
     * @param dueNanos when the warmup ends (System.nanoTime): the practice sampler stops {@link #PRACTICE_STOP_SAMPLES}
     *     of its periods before
     */
    private void practice(long dueNanos) throws InterruptedException {
        if (!practiceSnapshot()) {
            return; // the first snapshot will say why
        }
        long halfway = System.nanoTime() + (dueNanos - System.nanoTime()) / 2;
        WaitSampler practice = null;
        if (sampleMillis > 0) {
            try {
                practice = openSampler();
            } catch (SQLException | RuntimeException e) {
                practice = null; // the real sampler will say why
            }
        }
        try {
            TimeUnit.NANOSECONDS.sleep(halfway - System.nanoTime());
            practiceSnapshot();
            long lastSamples = TimeUnit.MILLISECONDS.toNanos(PRACTICE_STOP_SAMPLES * sampleMillis);
            TimeUnit.NANOSECONDS.sleep(Math.max(0, dueNanos - lastSamples - System.nanoTime()));
        } finally {
            if (practice != null) {
                stopInBackground(practice);
            }
        }
    }

    /** The practice sampler stops this many of its periods before the warmup ends. */
    static final int PRACTICE_STOP_SAMPLES = 2;

    /**
     * Stops a practice sampler on a thread of its own: {@link WaitSampler#stop()} waits for a sample still running (up
     * to 10 s on a slow server), and the first real snapshot must not wait for it, or requests made in between would be
     * missing from the server's counters.
     */
    private static void stopInBackground(WaitSampler practice) {
        Thread stopper = new Thread(practice::stop, "salvo-server-practice-stop");
        stopper.setDaemon(true);
        stopper.start();
    }

    /** @return a wait sampler on a direct connection of its own, at the run's cadence */
    private WaitSampler openSampler() throws SQLException {
        return stats.waitSampler(
                target.directConnection(), tag, Duration.ofMillis(sampleMillis), Duration.ofMillis(intervalMillis));
    }

    /** @return whether a snapshot could be taken (it is dropped) */
    private boolean practiceSnapshot() {
        try (Connection c = target.directConnection()) {
            stats.snapshot(c);
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Stops sampling, takes the second snapshot (after the run's sessions flushed their counters) and joins it to the
     * requests. Call after the load has drained.
     *
     * @param server the server's product and version
     * @param recorders the run's requests
     * @param statements each request name's statements
     * @return the server section, never null
     */
    ServerResults finish(
            String server, Collection<RequestRecorder> recorders, Map<String, List<PreparedRequest>> statements) {
        if (delayed != null) {
            delayed.interrupt();
        }
        WaitTimeline waits = stopSampler();
        ServerSnapshot first = start;
        if (first == null) {
            List<String> why = startProblems.isEmpty()
                    ? List.of("server statistics: unavailable: the measurement never started")
                    : startProblems;
            return new ServerResults(
                    server, null, null, 0, why, List.of(), Map.of(), Map.of(), Map.of(), Map.of(), null, List.of(),
                    Map.of());
        }
        try {
            Thread.sleep(FLUSH_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ServerDelta delta;
        try (Connection c = target.directConnection()) {
            delta = ServerDelta.between(first, stats.snapshot(c));
            return new ServerJoin(stats, c, delta, sampleMillis)
                    .results(server, startProblems, waits, recorders, statements);
        } catch (SQLException | RuntimeException e) {
            return new ServerResults(
                    server,
                    first.takenAt().toString(),
                    null,
                    0,
                    List.of("server statistics: unavailable: the second snapshot failed: " + Target.describe(e)),
                    List.of(),
                    Map.of(),
                    Map.of(),
                    Map.of(),
                    Map.of(),
                    null,
                    List.of(),
                    Map.of());
        }
    }

    private WaitTimeline stopSampler() {
        WaitSampler s = sampler;
        sampler = null;
        return s == null ? null : s.stop();
    }

    /** Stops sampling without results (the run was aborted). */
    void close() {
        stopSampler();
    }
}

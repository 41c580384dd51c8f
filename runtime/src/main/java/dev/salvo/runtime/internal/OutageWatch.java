package dev.salvo.runtime.internal;

import dev.salvo.reports.FaultResults;
import dev.salvo.runtime.FaultSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Names outages: when no connection can be made for longer than {@link FaultSettings#unreachableAfter()}, one line at
 * the time, one when the database is back, and each interval (with the requests that failed in it) in the results.
 *
 * <p>The pool tells when a connection attempt begins, succeeds or fails ({@link #attempt}, {@link #connected},
 * {@link #failed}); that costs nothing while SQL threads keep their connections. Every {@value #CHECK_MILLIS} ms a
 * checker thread looks: while an attempt has been pending or failing, it tries a connection of its own outside the
 * pool, so the outage is named when the threshold passes, not when the pool's (longer) connection timeout does, and its
 * end is seen even when fail-fast stops the pool from trying.
 */
final class OutageWatch implements AutoCloseable {
    /** How often the checker looks, in ms. */
    static final long CHECK_MILLIS = 200;

    private final FaultSettings settings;
    private final Callable<Connection> probe;
    private final Supplier<Collection<RequestRecorder>> recorders;
    /** epoch ms when the first connection attempt since the last success began, 0 when none is pending or failing */
    private final AtomicLong attemptSince = new AtomicLong();

    private volatile String lastCause = "no connection within the threshold";
    /** a named outage is in progress */
    private volatile boolean down;

    private final Thread checker;
    private volatile boolean closed;
    // checker thread and synchronized methods only
    private Map<String, Long> baseline = Map.of();
    private long from;
    private Long reachable;
    private Map<String, Long> failedBefore = Map.of();
    private final List<FaultResults.Outage> outages = new ArrayList<>();

    /**
     * @param settings the threshold and fail-fast
     * @param probe opens a connection outside the pool (closed again at once)
     * @param recorders the run's request recorders, for counting the failures in an outage
     */
    OutageWatch(FaultSettings settings, Callable<Connection> probe, Supplier<Collection<RequestRecorder>> recorders) {
        this.settings = settings;
        this.probe = probe;
        this.recorders = recorders;
        this.checker = new Thread(this::checkLoop, "salvo-outage-watch");
        checker.setDaemon(true);
        checker.start();
    }

    /** A SQL thread begins asking the pool for a connection. */
    void attempt() {
        if (attemptSince.get() == 0) {
            attemptSince.compareAndSet(0, System.currentTimeMillis());
        }
    }

    /** The pool handed a connection out: the database is reachable. */
    void connected() {
        attemptSince.set(0);
        if (down) {
            end("the pool connected", System.currentTimeMillis());
        }
    }

    /** @param e why the pool gave no connection */
    void failed(SQLException e) {
        lastCause = Target.describe(e);
    }

    /**
     * @throws SQLException SQLSTATE 08001 at once when fail-fast is on and an outage is in progress
     */
    void failFast() throws SQLException {
        if (down && settings.failFast()) {
            throw new SQLException(
                    "fail-fast: the database is unreachable (outage in progress), the request was not sent", "08001");
        }
    }

    /** @return true while a named outage is in progress */
    boolean down() {
        return down;
    }

    private void checkLoop() {
        while (!closed) {
            try {
                Thread.sleep(CHECK_MILLIS);
                check(System.currentTimeMillis());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                System.out.println("[salvo] WARN outage check failed: " + Target.describe(e));
            }
        }
    }

    private void check(long now) {
        long since = attemptSince.get();
        if (!down && (since == 0 || now - since < CHECK_MILLIS)) {
            baseline = failures(); // healthy: the count an outage starting now is measured from
            return;
        }
        String cause = probe();
        if (cause == null) {
            if (down) {
                reachableAgain(System.currentTimeMillis());
            }
            return;
        }
        lastCause = cause;
        if (!down && since != 0 && now - since >= settings.unreachableAfter().toMillis()) {
            begin(since);
        }
    }

    /** @return null when a connection could be made, else why not */
    private String probe() {
        try (Connection c = probe.call()) {
            return null;
        } catch (Exception e) {
            return Target.describe(e);
        }
    }

    /** The check connected during an outage: the pool's first connection ends it (fail-fast: this does). */
    private synchronized void reachableAgain(long at) {
        if (reachable == null) {
            reachable = at;
        }
        if (settings.failFast()) {
            end("Salvo's check connected; fail-fast ends", at); // the same moment as reachable
        }
    }

    private synchronized void begin(long since) {
        if (down || closed) {
            return;
        }
        from = since;
        reachable = null;
        failedBefore = baseline;
        down = true;
        System.out.println(
                "[salvo] database unreachable since " + Instant.ofEpochMilli(since) + " (" + lastCause + ")");
    }

    /**
     * @param how what ended the outage
     * @param to when it ended, epoch ms
     */
    private synchronized void end(String how, long to) {
        if (!down) {
            return;
        }
        down = false;
        attemptSince.set(0);
        FaultResults.Outage o = outage(to, false);
        System.out.printf(
                java.util.Locale.ROOT,
                "[salvo] database reachable again at %s (%s) after %.1f s unreachable%s;"
                        + " %d requests failed during the outage%n",
                Instant.ofEpochMilli(to),
                how,
                o.seconds(),
                reachable == null || reachable >= to
                        ? ""
                        : String.format(
                                java.util.Locale.ROOT,
                                " (the server accepted connections %.1f s earlier)",
                                (to - reachable) / 1000.0),
                o.failedRequests());
    }

    private FaultResults.Outage outage(long to, boolean ongoing) {
        Map<String, Long> now = failures();
        Map<String, Long> byRequest = new TreeMap<>();
        Map<String, Long> byKind = new TreeMap<>();
        long total = 0;
        for (RequestRecorder r : recorders.get()) {
            long failed = now.getOrDefault(r.name, 0L) - failedBefore.getOrDefault(r.name, 0L);
            if (r.transaction != null || failed <= 0) {
                continue; // a statement's failure is its transaction's
            }
            byRequest.put(r.name, failed);
            byKind.merge(r.kind.name(), failed, Long::sum);
            total += failed;
        }
        FaultResults.Outage o = new FaultResults.Outage(
                from, to, (to - from) / 1000.0, lastCause, ongoing, total, byKind, byRequest, reachable);
        outages.add(o);
        return o;
    }

    private Map<String, Long> failures() {
        Map<String, Long> counts = new HashMap<>();
        for (RequestRecorder r : recorders.get()) {
            counts.put(r.name, r.errors());
        }
        return counts;
    }

    /**
     * Stops watching; an outage still in progress ends with the run (marked ongoing).
     *
     * @param drain how the drain ended, null when unknown
     * @return the faults section
     */
    synchronized FaultResults finish(FaultResults.Drain drain) {
        close();
        if (down) {
            down = false;
            FaultResults.Outage o = outage(System.currentTimeMillis(), true);
            System.out.printf(
                    java.util.Locale.ROOT,
                    "[salvo] database still unreachable when the run ended (%.1f s since"
                            + " %s); %d requests failed during the outage%n",
                    o.seconds(),
                    Instant.ofEpochMilli(from),
                    o.failedRequests());
        }
        return new FaultResults(
                settings.unreachableAfter().toMillis(), settings.failFast(), List.copyOf(outages), drain);
    }

    @Override
    public void close() {
        closed = true;
        checker.interrupt();
    }
}

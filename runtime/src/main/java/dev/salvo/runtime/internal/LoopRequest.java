package dev.salvo.runtime.internal;

import dev.salvo.feeders.Tuple;
import io.gatling.core.session.Session;
import java.sql.SQLException;

/**
 * One virtual user's request in a paced loop on its SQL thread ({@link PacedLoop}): the state is made once and reused
 * for every request (profile-backed scalar parameters allocate nothing), and a warmup request runs the very code a
 * measured one runs, into the warmup sinks (chosen by index, not by a branch; see {@link TightLoop}).
 *
 * <p>{@link TightLoop} keeps the same steps inline in its loop on purpose: with them in this class instead, its
 * throughput fell from 0.87x to 0.72x raw JDBC's and its CPU per query rose from 1.11x to 1.28x in the next
 * invocation of {@code benchmarks/overhead.sh} (2026-12-02, {@code overhead-embedded-loop-20261202-s8-looprequest.txt}),
 * so the one loop whose speed is a target keeps the code the JIT was measured on.
 */
final class LoopRequest {
    /** By warmup index (see {@link SalvoRun#warmupIndex}): whether a request is a warmup one, without a branch. */
    private static final boolean[] WARM = {false, true};

    private final SqlAction a;
    private final Session session;
    private final SqlThread thread;
    private final long[] counts = new long[4];
    private final Tuple[] values;
    private final Tuple sharedValues;
    /** index 0: the measurement's sinks; 1: the warmup's */
    private final RequestRecorder[] recorders;

    private final GatlingStats[] stats;

    LoopRequest(SqlAction a, Session session) {
        this.a = a;
        this.session = session;
        this.thread = SqlThread.current();
        this.values = new Tuple[a.statements.length];
        this.sharedValues = a.shared == null ? null : a.shared.newTuple();
        this.recorders = new RequestRecorder[] {a.recorder, a.recorder.warmupSink};
        this.stats = a.gatlingStats == null
                ? new GatlingStats[2]
                : new GatlingStats[] {a.gatlingStats, a.gatlingStats.warmupSink};
    }

    /**
     * Runs the request once on the thread's connection and reports it.
     *
     * @param startNanos its intended start
     * @param startMillis the same on Gatling's clock
     * @param lagNanos its schedule lag (0 in a tight loop)
     * @param phase 0 when measured, 1 when a warmup request
     */
    void run(long startNanos, long startMillis, long lagNanos, int phase) {
        counts[0] = 0;
        counts[1] = 0;
        String error = null;
        String sqlState = null;
        long serviceStart = -1;
        try {
            a.bindAll(session, values, sharedValues);
            thread.connection();
            serviceStart = System.nanoTime();
            a.once(session, thread, values, counts, WARM[phase]);
        } catch (SQLException e) {
            sqlState = e.getSQLState();
            error = Target.describe(e);
        } catch (RuntimeException e) {
            error = "client: " + Target.describe(e);
        }
        a.report(
                recorders[phase],
                stats[phase],
                session,
                startNanos,
                startMillis,
                lagNanos,
                serviceStart,
                counts[0],
                counts[1],
                error,
                sqlState,
                values);
    }

    /** The loop ended: the virtual user goes on with its next action, on this thread (see {@link SqlLoop}). */
    void done() {
        a.next.$bang(thread.continueHere(session));
    }
}

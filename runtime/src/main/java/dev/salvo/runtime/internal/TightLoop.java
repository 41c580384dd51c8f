package dev.salvo.runtime.internal;

import dev.salvo.feeders.Tuple;
import io.gatling.core.session.Session;
import java.sql.SQLException;

/** The tight closed loop of a {@link SqlAction} ({@code tightLoop}): its requests back to back on one Salvo thread. */
final class TightLoop {
    /** By warmup index (see {@link SalvoRun#warmupIndex}): whether a request is a warmup one, without a branch. */
    private static final boolean[] WARM = {false, true};

    private TightLoop() {}

    /**
     * The tight closed loop: back-to-back requests on one Salvo thread and one connection until the deadline (or the run
     * stops), each measured and reported; the virtual user returns to Gatling once, at the end. A request's intended start
     * is the previous one's end, so response time equals service time here.
     *
     * <p>Warmup requests run the very code measured ones run: they are recorded in full, into the warmup sinks of the
     * request's recorder and of Gatling's statistics (only counted as warmup requests, never reported), chosen by index
     * rather than by a branch. The loop runs for the whole run in one call, so the JIT compiles it on-stack from the
     * warmup's profile: with a warmup that only counted, the recording path was never run before the measurement, and the
     * measurement's first request deoptimized the compiled loop and every thread ran ~2.5 s of the measured window in
     * the interpreter and profiling code while the recording path was compiled cold (issue 20: measured with
     * -XX:+PrintCompilation, benchmarks/results/overhead-*-20261202-s6-*).
     */
    static void run(SqlAction a, Session session, long deadlineNanos) {
        long[] counts = new long[4];
        SqlThread thread = SqlThread.current();
        // reused: profile-backed scalar parameters allocate nothing
        Tuple[] values = new Tuple[a.statements.length];
        Tuple sharedValues = a.shared == null ? null : a.shared.newTuple();
        // index 0: the measurement's sinks; 1: the warmup's
        RequestRecorder[] recorders = {a.recorder, a.recorder.warmupSink};
        GatlingStats[] stats = a.gatlingStats == null
                ? new GatlingStats[2]
                : new GatlingStats[] {a.gatlingStats, a.gatlingStats.warmupSink};
        while (!a.run.stopping() && System.nanoTime() - deadlineNanos < 0) {
            long startNanos = System.nanoTime();
            long startMillis = a.clock.nowMillis();
            int phase = a.run.warmupIndex(startNanos);
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
                    0,
                    serviceStart,
                    counts[0],
                    counts[1],
                    error,
                    sqlState,
                    values);
        }
        a.next.$bang(thread.continueHere(session));
    }
}

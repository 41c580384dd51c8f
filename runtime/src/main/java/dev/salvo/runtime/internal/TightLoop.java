package dev.salvo.runtime.internal;

import dev.salvo.feeders.Tuple;
import io.gatling.core.session.Session;
import java.sql.SQLException;

/** The tight closed loop of a {@link SqlAction} ({@code tightLoop}): its requests back to back on one Salvo thread. */
final class TightLoop {
    private TightLoop() {}

    /**
     * The tight closed loop: back-to-back requests on one Salvo thread and one connection until the deadline (or the run
     * stops), each measured and reported; the virtual user returns to Gatling once, at the end. A request's intended start
     * is the previous one's end, so response time equals service time here.
     */
    static void run(SqlAction a, Session session, long deadlineNanos) {
        long[] counts = new long[4];
        SqlThread thread = SqlThread.current();
        // reused: profile-backed scalar parameters allocate nothing
        Tuple[] values = new Tuple[a.statements.length];
        Tuple sharedValues = a.shared == null ? null : a.shared.newTuple();
        while (!a.run.stopping() && System.nanoTime() - deadlineNanos < 0) {
            long startNanos = System.nanoTime();
            long startMillis = a.clock.nowMillis();
            boolean warm = a.run.inWarmup(startNanos);
            counts[0] = 0;
            counts[1] = 0;
            String error = null;
            String sqlState = null;
            long serviceStart = -1;
            try {
                a.bindAll(session, values, sharedValues);
                thread.connection();
                serviceStart = System.nanoTime();
                a.once(session, thread, values, counts, warm);
            } catch (SQLException e) {
                sqlState = e.getSQLState();
                error = Target.describe(e);
            } catch (RuntimeException e) {
                error = "client: " + Target.describe(e);
            }
            if (warm) {
                a.recorder.recordWarmup();
            } else {
                a.report(
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
        }
        a.next.$bang(thread.continueHere(session));
    }
}

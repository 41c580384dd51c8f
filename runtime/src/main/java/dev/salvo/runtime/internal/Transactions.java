package dev.salvo.runtime.internal;

import dev.salvo.feeders.Tuple;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.core.session.Session;
import java.sql.Connection;
import java.sql.SQLException;
import scala.Option;

/**
 * Runs one execution of a transaction on a Salvo thread's connection: its statements in order, each timed and recorded
 * under the transaction, then the commit. On a failure the cause is what the failing step threw (its SQLSTATE and
 * message, and which step: a statement's name, {@code commit}); what the rollback or the auto-commit reset throw
 * afterwards (often "Connection is closed" on a terminated backend) is secondary: counted and logged, never the cause.
 */
final class Transactions {
    private Transactions() {}

    /** A failure of one step of a transaction: the step's own SQLSTATE, its message prefixed with the step. */
    static final class StepFailure extends SQLException {
        StepFailure(String step, SQLException cause) {
            super(
                    "at " + step + ": " + Target.describe(cause).replaceFirst(" \\(SQLSTATE [0-9A-Z]{5}\\)$", ""),
                    cause.getSQLState(),
                    cause.getErrorCode(),
                    cause);
        }
    }

    /**
     * @param a the transaction's action
     * @param session the virtual user's session
     * @param thread the Salvo thread (holds the connection)
     * @param values the statements' bound values
     * @param counts rows and bytes of the transaction (slots 0, 1) and scratch for a statement's (slots 2, 3)
     * @param warm true when the execution started during the warmup (statements are recorded into the warmup sinks: only
     *     counted as warmup)
     * @throws SQLException a {@link StepFailure} naming the step that failed, with its SQLSTATE
     */
    static void run(SqlAction a, Session session, SqlThread thread, Tuple[] values, long[] counts, boolean warm)
            throws SQLException {
        Connection c = thread.connection();
        int n = a.statements.length;
        int step = -1; // -1: begin, 0..n-1: a statement, n: commit
        SQLException cause = null;
        RuntimeException clientCause = null;
        try {
            c.setAutoCommit(false);
            for (step = 0; step < n; step++) {
                counts[2] = 0;
                counts[3] = 0;
                long s0 = System.nanoTime();
                long m0 = a.gatlingStats == null ? 0 : a.clock.nowMillis();
                try {
                    ResultReader.execute(thread, a.statements[step], values[step], counts, 2, a.measureBytes);
                } catch (SQLException | RuntimeException e) {
                    statement(a, session, step, s0, m0, counts, e, warm);
                    throw e;
                }
                statement(a, session, step, s0, m0, counts, null, warm);
            }
            c.commit();
        } catch (SQLException e) {
            cause = e;
        } catch (RuntimeException e) {
            clientCause = e;
        }
        boolean failed = cause != null || clientCause != null;
        if (failed && step >= 0) {
            try {
                c.rollback();
            } catch (SQLException e) {
                secondary(a, thread, "rollback", step, e);
            }
        }
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            if (failed) {
                secondary(a, thread, "auto-commit reset", step, e);
            } else {
                cause = e;
                step = n + 1;
            }
        }
        if (cause != null) {
            thread.failed(cause);
            throw new StepFailure(label(a, step), cause);
        }
        if (clientCause != null) {
            throw new IllegalStateException("at " + label(a, step) + ": " + Target.describe(clientCause), clientCause);
        }
    }

    private static String label(SqlAction a, int step) {
        if (step < 0) {
            return "begin";
        }
        if (step < a.statements.length) {
            return "statement '" + a.statements[step].request.name() + "'";
        }
        return step == a.statements.length ? "commit" : "auto-commit reset";
    }

    /** Records one statement under the transaction (Salvo's histograms; Gatling: a request inside the group). */
    private static void statement(
            SqlAction a,
            Session session,
            int step,
            long startNanos,
            long startMillis,
            long[] counts,
            Exception error,
            boolean warm) {
        counts[0] += counts[2];
        counts[1] += counts[3];
        // a warmup execution runs the same code into the warmup sinks (only counted, never reported; see TightLoop)
        RequestRecorder r = warm ? a.statementRecorders[step].warmupSink : a.statementRecorders[step];
        GatlingStats stats = a.gatlingStats == null ? null : warm ? a.gatlingStats.warmupSink : a.gatlingStats;
        long nanos = System.nanoTime() - startNanos;
        String state = error instanceof SQLException sql ? sql.getSQLState() : null;
        String key = error == null
                ? null
                : ErrorKeys.of(
                        error instanceof SQLException ? Target.describe(error) : "client: " + Target.describe(error),
                        state);
        r.record(nanos, nanos, 0, -1, counts[2], counts[3], key);
        if (stats != null) {
            stats.logResponse(
                    session.scenario(),
                    group(session, a.name),
                    a.statements[step].request.name(),
                    startMillis,
                    a.clock.nowMillis(),
                    error == null ? OK$.MODULE$ : KO$.MODULE$,
                    Option.apply(state),
                    Option.apply(key));
        }
    }

    /** @return the session's groups with the transaction appended: the Gatling group its statements are logged in */
    static scala.collection.immutable.List<String> group(Session session, String transaction) {
        scala.collection.immutable.List<String> groups = session.groups();
        return groups.isEmpty()
                ? scala.collection.immutable.List$.MODULE$.empty().$colon$colon(transaction)
                : scala.jdk.javaapi.CollectionConverters.asScala(appended(groups, transaction))
                        .toList();
    }

    private static java.util.List<String> appended(scala.collection.immutable.List<String> groups, String last) {
        java.util.List<String> out = new java.util.ArrayList<>(scala.jdk.javaapi.CollectionConverters.asJava(groups));
        out.add(last);
        return out;
    }

    /**
     * A rollback or auto-commit reset that failed after the cause: counted under the transaction, the first one logged.
     */
    private static void secondary(SqlAction a, SqlThread thread, String what, int step, SQLException e) {
        if (a.recorder.secondaryError()) {
            System.err.println("[salvo] WARN transaction '" + a.name + "': the " + what + " after the failure at "
                    + label(a, step) + " failed too (secondary; the failure is reported with its own cause): "
                    + Target.describe(e)
                    + " (further ones are counted in results.json, not logged)");
        }
        thread.release(); // the connection is in an unknown state: the pool replaces it
    }
}

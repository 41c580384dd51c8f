package dev.salvo.runtime.internal;

import com.typesafe.scalalogging.Logger;
import dev.salvo.feeders.Tuple;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.stats.Status;
import io.gatling.commons.util.Clock;
import io.gatling.core.action.Action;
import io.gatling.core.actor.ActorRef;
import io.gatling.core.controller.throttle.Throttler;
import io.gatling.core.controller.throttle.Throttler$Command$ThrottledRequest;
import io.gatling.core.session.Session;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import scala.Option;
import scala.runtime.BoxedUnit;

/**
 * Executes one request (a statement, or a transaction of statements) per virtual user visit: parameters are evaluated
 * on the thread that reaches the action, the SQL runs on Salvo's own threads, the result set is read to its end, and
 * the outcome goes to Salvo's µs histograms and (batched, see {@link GatlingStats}) to Gatling's StatsEngine before the
 * virtual user moves on (also after an error). The user moves on on the SQL thread ({@link SqlLoop}): its next Gatling
 * actions run there, and its next request too, with no hand-off, while no other request waits for a SQL thread.
 */
public final class SqlAction implements Action {
    private static final Logger LOGGER = Logger.apply(SqlAction.class);

    final String name;
    final SalvoRun run;
    final PreparedRequest[] statements;
    final boolean transaction;
    /** a transaction's shared parameters, null when it has none */
    final SharedValues shared;
    /** per statement of a transaction: its recorder and its name in Gatling's report; null for a single statement */
    final RequestRecorder[] statementRecorders;

    private final Target target;
    final RequestRecorder recorder;
    final GatlingStats gatlingStats;
    final Clock clock;
    final Action next;
    final boolean measureBytes;
    /** the recorder, then its warmup sink (indexed by a request's phase, see finish) */
    private final RequestRecorder[] recorders;
    /** Gatling's statistics, then their warmup sink; null when Gatling's request statistics are off */
    private final GatlingStats[] gatlingSinks;

    private final long loopNanos;
    /** the paced loop's schedule, null unless the request is a paced loop */
    private final PacedLoop paced;

    private final ActorRef<Throttler.Command> throttler;

    SqlAction(
            String name,
            SalvoRun run,
            List<PreparedRequest> statements,
            boolean transaction,
            SharedValues shared,
            RequestRecorder[] statementRecorders,
            long loopNanos,
            PacedLoop paced,
            ActorRef<Throttler.Command> throttler,
            Target target,
            RequestRecorder recorder,
            GatlingStats gatlingStats,
            Clock clock,
            Action next) {
        this.shared = shared;
        this.statementRecorders = statementRecorders;
        this.loopNanos = loopNanos;
        this.paced = paced;
        this.throttler = throttler;
        this.name = name;
        this.run = run;
        this.statements = statements.toArray(PreparedRequest[]::new);
        this.transaction = transaction;
        this.target = target;
        this.recorder = recorder;
        this.gatlingStats = gatlingStats;
        this.clock = clock;
        this.next = next;
        this.measureBytes = target.dialect.measuresResultBytes();
        this.recorders = new RequestRecorder[] {recorder, recorder.warmupSink};
        this.gatlingSinks = gatlingStats == null ? null : new GatlingStats[] {gatlingStats, gatlingStats.warmupSink};
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Logger logger() {
        return LOGGER;
    }

    /** Scala-logging's initializer hook; the logger is a constant here. */
    @Override
    public void com$typesafe$scalalogging$StrictLogging$_setter_$logger_$eq(Logger logger) {}

    @Override
    public void execute(Session session) {
        if (loopNanos > 0) {
            try {
                if (paced != null) {
                    target.submit(() -> paced.run(this, session));
                } else {
                    long deadline = System.nanoTime() + loopNanos;
                    target.submit(() -> TightLoop.run(this, session, deadline));
                }
            } catch (RejectedExecutionException stopping) {
                // the run is ending
            }
            return;
        }
        if (throttler != null) {
            // Gatling's throttle (setUp(...).throttle(...)) releases the request when the rate allows: that is its
            // start
            Session throttled = session;
            throttler.$bang(new Throttler$Command$ThrottledRequest(session.scenario(), () -> {
                throttled.eventLoop().execute(() -> start(throttled));
                return BoxedUnit.UNIT;
            }));
            return;
        }
        start(session);
    }

    private void start(Session session) {
        // The intended start: the moment Gatling hands the virtual user to this action, moved back by what the load
        // generator itself failed to do on time for an open-model user, or forward to its due time when Gatling created
        // it early (see UserClock, ArrivalRelease). Everything after it counts in the response time (waiting for a
        // Salvo
        // thread, then for a pooled connection), so a slow database cannot hide.
        long startNanos = System.nanoTime();
        long startMillis = clock.nowMillis();
        UserClock userClock = throttler == null ? ArrivalSchedule.clockOf(session) : null; // issue 20
        long holdNanos = 0;
        if (userClock != null) {
            long intended = userClock.intendedStart(startNanos, run.hiccups().stallNanos());
            if (intended > startNanos && !run.arrivals().holds()) {
                intended = startNanos; // no lead (salvo.arrivalLeadMillis=0): an early user starts when Gatling made it
            }
            if (intended > startNanos) {
                holdNanos = intended - startNanos;
            } else {
                run.hiccups().charged(startNanos - intended);
            }
            startMillis -= (startNanos - intended) / 1_000_000;
            startNanos = intended;
        }
        // a warmup request carries the sign bit in its lag (recorded into the warmup sinks, see finish), set without a
        // branch: a branch that the warmup always took made C2 compile the measured path as never taken, so the
        // measurement's first request deoptimized this action and the JIT recompiled it in the measured window
        long lagNanos = (long) run.warmupIndex(startNanos) << 63;
        Session current = session;
        Tuple[] values = new Tuple[statements.length];
        try {
            bindAll(session, values, shared == null ? null : shared.newTuple());
        } catch (RuntimeException e) {
            ended(userClock);
            finish(
                    current,
                    startNanos,
                    startMillis,
                    lagNanos,
                    -1,
                    0,
                    0,
                    "parameter: " + Target.describe(e),
                    null,
                    null);
            return;
        }
        long lag = lagNanos;
        long intendedNanos = startNanos;
        long intendedMillis = startMillis;
        Runnable request = () -> run(current, values, intendedNanos, intendedMillis, lag, userClock);
        if (holdNanos > 0) {
            // created before its due time: held in the SQL threads' queue; the SQL thread that waited for it wakes
            // shortly before, spins to the due time and runs it; what it is late by is charged
            Runnable onTime = () -> {
                ArrivalRelease.await(intendedNanos);
                run.hiccups().charged(System.nanoTime() - intendedNanos);
                request.run();
            };
            try {
                target.submitAt(onTime, intendedNanos - ArrivalRelease.AWAIT_SPIN_NANOS);
            } catch (RejectedExecutionException stopping) {
                // the run is ending: a user not started yet stops here
            }
            return;
        }
        if (Thread.currentThread() instanceof SqlThread here && here.continuing()) {
            // the user came here from its previous request on this SQL thread (SqlLoop): this thread is free, it serves
            // it next, with no hand-off (the task runs when the current one, the previous request's, has returned)
            here.later(request);
            return;
        }
        submit(request);
    }

    private void submit(Runnable request) {
        try {
            target.submit(request);
        } catch (RejectedExecutionException stopping) {
            // the run is ending and Salvo's threads are gone: this virtual user stops here
        }
    }

    /** Draws the shared values once (a transaction), then binds every statement; counts the variety of the first. */
    void bindAll(Session session, Tuple[] values, Tuple sharedValues) {
        if (sharedValues != null) {
            shared.fill(session, sharedValues);
        }
        for (int i = 0; i < statements.length; i++) {
            if (values[i] == null) {
                values[i] = statements[i].newValues();
            }
            statements[i].bind(session, values[i], sharedValues);
        }
        Tuple first = sharedValues != null && sharedValues.size() > 0 ? sharedValues : values[0];
        if (first.size() > 0) {
            recorder.variety.record(first);
        }
    }

    private void run(
            Session session,
            Tuple[] values,
            long startNanos,
            long startMillis,
            long warmupMarker,
            UserClock userClock) {
        // schedule lag, as pgbench reports it: from the intended start until a Salvo thread took the request (the
        // generator's own lateness, then the wait for a free Salvo thread)
        long lagNanos = warmupMarker | Math.max(0, System.nanoTime() - startNanos); // the warmup's sign bit kept
        long[] counts = new long[4]; // rows, bytes; a statement's rows, bytes
        long serviceStart = -1;
        String error = null;
        String sqlState = null;
        SqlThread thread = SqlThread.current();
        try {
            thread.connection();
            serviceStart = System.nanoTime();
            once(session, thread, values, counts, warmupMarker < 0);
        } catch (SQLException e) {
            sqlState = e.getSQLState();
            error = Target.describe(e);
        } catch (RuntimeException e) {
            error = "client: " + Target.describe(e);
        }
        ended(userClock);
        finish(session, startNanos, startMillis, lagNanos, serviceStart, counts[0], counts[1], error, sqlState, values);
    }

    /** The user's request ended: generator stalls until now are accounted for (issue 20). */
    private void ended(UserClock userClock) {
        if (userClock != null) {
            userClock.ended(System.nanoTime(), run.hiccups().stallNanos());
        }
    }

    /**
     * Runs the request once on the thread's connection: its statement, or its transaction's statements then the commit.
     *
     * @throws SQLException the cause of a failure (a transaction's names the step that failed); a connection that broke
     *     is handed back to the pool
     */
    void once(Session session, SqlThread thread, Tuple[] values, long[] counts, boolean warm) throws SQLException {
        if (!transaction) {
            try {
                ResultReader.execute(thread, statements[0], values[0], counts, 0, measureBytes);
            } catch (SQLException e) {
                thread.failed(e);
                throw e;
            }
            return;
        }
        Transactions.run(this, session, thread, values, counts, warm);
    }

    private void finish(
            Session session,
            long startNanos,
            long startMillis,
            long lagNanos,
            long serviceStart,
            long rows,
            long bytes,
            String error,
            String sqlState,
            Tuple[] values) {
        // a warmup request runs the same recording code into the warmup sinks, so that the measurement does not start
        // with that code cold (docs/warmup-jit.md); the sign bit of the lag says which, without a branch
        int phase = (int) (lagNanos >>> 63);
        report(
                recorders[phase],
                gatlingStats == null ? null : gatlingSinks[phase],
                session,
                startNanos,
                startMillis,
                lagNanos & Long.MAX_VALUE,
                serviceStart,
                rows,
                bytes,
                error,
                sqlState,
                values);
        Session out = error == null ? session : session.markAsFailed();
        next.$bang(Thread.currentThread() instanceof SqlThread here ? here.continueHere(out) : out);
    }

    /**
     * Records one request into the given sinks: this action's recorder and Gatling statistics, or their warmup sinks
     * (the tight loop's warmup runs this same code, see {@link TightLoop}).
     */
    void report(
            RequestRecorder recorder,
            GatlingStats gatlingStats,
            Session session,
            long startNanos,
            long startMillis,
            long lagNanos,
            long serviceStart,
            long rows,
            long bytes,
            String error,
            String sqlState,
            Tuple[] values) {
        long endNanos = System.nanoTime();
        long endMillis = clock.nowMillis();
        String errorKey = error == null ? null : ErrorKeys.of(error, sqlState);
        recorder.record(
                endNanos - startNanos,
                serviceStart < 0 ? -1 : endNanos - serviceStart,
                serviceStart < 0 ? -1 : serviceStart - startNanos,
                lagNanos,
                rows,
                bytes,
                errorKey);
        recorder.outliers.offer(endNanos - startNanos, startMillis, values, errorKey);
        Status status = error == null ? OK$.MODULE$ : KO$.MODULE$;
        if (gatlingStats != null) {
            if (transaction) {
                // Gatling shows a transaction as a group: its statements (logged by Transactions) inside, its duration
                gatlingStats.logGroupEnd(
                        session.scenario(), Transactions.group(session, name), startMillis, endMillis, status);
            } else {
                gatlingStats.logResponse(
                        session.scenario(),
                        session.groups(),
                        name,
                        startMillis,
                        endMillis,
                        status,
                        Option.apply(sqlState),
                        Option.apply(errorKey));
            }
        }
    }
}

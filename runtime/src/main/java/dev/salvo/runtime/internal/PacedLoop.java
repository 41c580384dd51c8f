package dev.salvo.runtime.internal;

import dev.salvo.feeders.ParameterGenerator;
import io.gatling.core.session.Session;
import java.util.concurrent.locks.LockSupport;

/**
 * A paced loop ({@code pacedLoop}): pgbench {@code -R}'s design inside Salvo. The users of one paced request share one
 * schedule of arrivals, a Poisson process at the given rate drawn from the run's seed; each user, on its own SQL thread
 * and connection, takes the next arrival, sleeps until it is due, sends the request itself and times it from the due
 * time. A request that could not start on time (every connection busy, the generator stalled) is charged its lateness:
 * its response time runs from the schedule, so no coordinated omission. Unlike an open-model scenario there is no
 * Gatling user, injector timer or thread hand-off per arrival, which at low rates cost more client CPU than the query
 * (docs/performance.md, "Fixed-rate tail").
 *
 * <p>Split over N workers, worker i takes arrivals k with k mod N = i of the one schedule, so together they run it once.
 */
final class PacedLoop {
    private final ParameterGenerator uniform;
    private final Object[] draw = new Object[1];
    private final double meanGapNanos;
    private final long durationNanos;
    private final int workerIndex;
    private final int workerCount;
    /** the last arrival taken, all workers' arrivals counted */
    private long index = -1;

    private double offsetNanos;
    private long startNanos;
    private boolean started;

    /**
     * @param uniform one uniform double in [0, 1) per index, the same on every worker
     * @param perSecond arrivals per second, all workers together
     * @param durationNanos how long the schedule runs, from the first user's entry
     * @param workerIndex this worker's index
     * @param workerCount how many workers share the schedule
     */
    PacedLoop(ParameterGenerator uniform, double perSecond, long durationNanos, int workerIndex, int workerCount) {
        this.uniform = uniform;
        this.meanGapNanos = 1e9 / perSecond;
        this.durationNanos = durationNanos;
        this.workerIndex = workerIndex;
        this.workerCount = workerCount;
    }

    /**
     * @param nowNanos now (System.nanoTime); the first call starts the schedule
     * @return the due time of this worker's next arrival, or {@link Long#MIN_VALUE} when the schedule has ended
     */
    synchronized long next(long nowNanos) {
        if (!started) {
            started = true;
            startNanos = nowNanos;
        }
        do {
            index++;
            uniform.draw(index, draw);
            offsetNanos += -Math.log(1 - ((Number) draw[0]).doubleValue()) * meanGapNanos;
        } while (index % workerCount != workerIndex);
        return offsetNanos >= durationNanos ? Long.MIN_VALUE : startNanos + (long) offsetNanos;
    }

    /** @return false once the run stops or the thread is interrupted (the SQL threads are being shut down) */
    private static boolean running(SqlAction a) {
        return !a.run.stopping() && !Thread.currentThread().isInterrupted();
    }

    /**
     * Runs the paced loop for one user on the calling SQL thread until the schedule ends or the run stops; the user
     * returns to Gatling once, at the end.
     */
    void run(SqlAction a, Session session) {
        LoopRequest request = new LoopRequest(a, session);
        long due;
        while (running(a) && (due = next(System.nanoTime())) != Long.MIN_VALUE) {
            boolean early = due - System.nanoTime() > 0;
            long wait;
            while ((wait = due - System.nanoTime()) > 0 && running(a)) {
                LockSupport.parkNanos(wait);
            }
            if (!running(a)) {
                break;
            }
            long lagNanos = Math.max(0, System.nanoTime() - due);
            long startMillis = a.clock.nowMillis() - lagNanos / 1_000_000;
            int phase = a.run.warmupIndex(due);
            if (early) {
                // the thread slept until the due time: how late it woke is the generator's (an arrival taken late,
                // every connection having been busy, is the database's backlog: in the schedule lag, not here)
                a.run.hiccups().charged(lagNanos);
            }
            request.run(due, startMillis, lagNanos, phase);
        }
        request.done();
    }
}

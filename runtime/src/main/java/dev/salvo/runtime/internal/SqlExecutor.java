package dev.salvo.runtime.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Salvo's SQL threads, one per pooled connection, as one executor: requests to run now, in the order given, and
 * open-model requests held until their due time ({@link #executeAt}), earliest due first.
 *
 * <p>A held request waits in the executor's queue, not on a timer thread of its own: an idle SQL thread (the queue's
 * leader) sleeps until the earliest due time and runs that request itself, so a held request's path is one thread's
 * wake-up, as in pgbench, whose thread that waited for the schedule sends the query (issue 20: the earlier timer thread
 * took two wake-ups per arrival, the timer's and the SQL thread's, and ~40 µs of CPU for its own).
 */
final class SqlExecutor {
    private final ScheduledThreadPoolExecutor executor;
    /** requests given to run now that no thread has started yet */
    private final AtomicInteger waiting = new AtomicInteger();
    /** held requests no thread has started yet (cancelled ones, at shutdown, stay counted: the run is over) */
    private final AtomicInteger held = new AtomicInteger();
    /** the SQL threads started so far, for cancelling their statements at the drain timeout */
    private final Queue<SqlThread> threads = new ConcurrentLinkedQueue<>();

    /**
     * @param threads how many SQL threads
     * @param factory makes them
     */
    SqlExecutor(int threads, ThreadFactory factory) {
        ThreadFactory recorded = r -> {
            Thread t = factory.newThread(r);
            if (t instanceof SqlThread sql) {
                this.threads.add(sql);
            }
            return t;
        };
        executor = new ScheduledThreadPoolExecutor(threads, recorded) {
            @Override
            protected void afterExecute(Runnable task, Throwable thrown) {
                // a task's Error would otherwise stay in its future, unseen (SqlThread.serve logs the exceptions)
                if (task instanceof Future<?> done && done.isDone() && !done.isCancelled()) {
                    try {
                        done.get();
                    } catch (ExecutionException e) {
                        System.err.println("[salvo] ERROR a SQL thread's task failed: " + e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        // held requests not yet due when the run drains are dropped: their users had not started a request
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Starts every SQL thread now, before the load, so that none is created during the measurement (with 2,000 users
     * on a loaded 2-core machine they came at 100-140 a second, well into the measured window; starting them first did
     * not change that harness's throughput beyond its noise: issue 20's in-flight runs of its thirteenth session).
     */
    void prestart() {
        executor.prestartAllCoreThreads();
    }

    /**
     * Runs a request on a SQL thread, after those given before it.
     *
     * @param task the request
     * @throws RejectedExecutionException once the executor is shut down
     */
    void execute(Runnable task) {
        waiting.incrementAndGet();
        try {
            executor.execute(() -> {
                waiting.decrementAndGet();
                task.run();
            });
        } catch (RejectedExecutionException e) {
            waiting.decrementAndGet();
            throw e;
        }
    }

    /**
     * Holds a request until {@code atNanos}, then runs it on the SQL thread that waited for that time (at once when it
     * has passed). Held requests run earliest due first.
     *
     * @param task the request
     * @param atNanos when (System.nanoTime)
     * @throws RejectedExecutionException once the executor is shut down
     */
    void executeAt(Runnable task, long atNanos) {
        held.incrementAndGet();
        try {
            executor.schedule(
                    () -> {
                        held.decrementAndGet();
                        task.run();
                    },
                    atNanos - System.nanoTime(),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            held.decrementAndGet();
            throw e;
        }
    }

    /**
     * @return true while the executor runs and no request waits for a SQL thread: none given to run now, none held past
     *     its due time (a held request not yet due does not wait)
     */
    boolean idle() {
        if (executor.isShutdown() || waiting.get() > 0) {
            return false;
        }
        // the queue's lock only while requests are held (open model)
        return held.get() == 0
                || !(executor.getQueue().peek() instanceof Delayed head)
                || head.getDelay(TimeUnit.NANOSECONDS) > 0;
    }

    /** @return held requests not yet started */
    int held() {
        return held.get();
    }

    /** Starts no more requests than those given and due; drops held ones not yet due. */
    void shutdown() {
        executor.shutdown();
    }

    /** Interrupts the SQL threads and drops every request not started. */
    void shutdownNow() {
        executor.shutdownNow();
    }

    /**
     * @param timeoutMillis how long to wait
     * @return true when every started request has ended and the threads are gone
     */
    boolean awaitTermination(long timeoutMillis) throws InterruptedException {
        return executor.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Drains the SQL threads: starts no more requests than those given and due, waits for them up to the timeout; then
     * cancels on the server the statements still running ({@link SqlThread#cancelRunning}), waits up to
     * {@code cancelBoundMillis} more for their requests to end (they fail with the server's cancel error), and interrupts
     * what is left.
     *
     * @param timeoutMillis the drain timeout
     * @param cancelBoundMillis how long cancelled statements may take to end
     * @return how many SQL threads were serving a request (not waiting for the pool) and had their statements cancelled
     */
    int drain(long timeoutMillis, long cancelBoundMillis) {
        int cancelled = 0;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
                for (SqlThread t : threads) {
                    if (t.isAlive() && t.serving() && !t.acquiring()) {
                        t.cancelRunning();
                        cancelled++;
                    }
                }
                System.out.println("[salvo] drain timeout (" + timeoutMillis + " ms): cancelled " + cancelled
                        + " statement(s) still running on the server");
                if (!executor.awaitTermination(cancelBoundMillis, TimeUnit.MILLISECONDS)) {
                    executor.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        return cancelled;
    }
}

package dev.salvo.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Salvo's SQL threads, one per pooled connection, all started with the executor: requests to run now, in the order
 * given, and open-model requests held until their due time ({@link #executeAt}), earliest due first.
 *
 * <p>A request to run now goes straight to an idle SQL thread, which is woken for it alone: each request costs one
 * wake-up, and a burst of requests wakes as many threads at once. Only when every thread is busy does a request wait in
 * a queue, which the threads empty as they finish. (Issue 20, thirteenth and fourteenth sessions: the executors of the
 * JDK kept every idle thread behind one queue, where each thread that took a request woke the next one; with 2,000
 * users on a loaded 2-core machine that chain moved about 1,000 requests a second, and the requests' schedule lag
 * reached 1-2 s.)
 *
 * <p>A held request waits in {@link HeldRequests}, not on a timer thread: one idle SQL thread (the leader) sleeps until
 * the earliest due time and runs that request itself, so a held request's path is one thread's wake-up, as in pgbench,
 * whose thread that waited for the schedule sends the query.
 */
final class SqlExecutor {
    private static final int RUNNING = 0;
    private static final int SHUTDOWN = 1;
    private static final int STOPPED = 2;

    private volatile int state = RUNNING;
    /** requests to run now that no thread has taken yet (every thread was busy) */
    private final Queue<Runnable> ready = new ConcurrentLinkedQueue<>();
    /** their count, read on every request's end ({@link #idle}) */
    private final AtomicInteger waiting = new AtomicInteger();
    /** idle threads, parked; the last one to become idle is woken first (its caches are the warmest) */
    private final ConcurrentLinkedDeque<Worker> idleWorkers = new ConcurrentLinkedDeque<>();

    private final HeldRequests held = new HeldRequests(this::wakeOne);
    /** whether held requests are still accepted, checked under their lock (one object, not one per request) */
    private final BooleanSupplier accepting = () -> state == RUNNING;

    private final List<Worker> workers = new ArrayList<>();
    private final AtomicInteger live = new AtomicInteger();
    private final CountDownLatch terminated = new CountDownLatch(1);

    /**
     * Makes the SQL threads and starts them, before any load, so that none is created during the measurement (with
     * 2,000 users on a loaded 2-core machine they came at 100-140 a second, well into the measured window).
     *
     * @param threads how many SQL threads
     * @param factory makes them
     */
    SqlExecutor(int threads, ThreadFactory factory) {
        for (int i = 0; i < threads; i++) {
            Worker w = new Worker();
            w.thread = factory.newThread(() -> work(w));
            workers.add(w);
        }
        live.set(threads);
        for (Worker w : workers) {
            w.thread.start();
        }
    }

    /**
     * Runs a request on a SQL thread: an idle one at once, else the first to finish, after those given before it.
     *
     * @param task the request
     * @throws RejectedExecutionException once the executor is shut down
     */
    void execute(Runnable task) {
        if (state != RUNNING) {
            throw new RejectedExecutionException("the SQL threads are shut down");
        }
        Worker w = idleWorkers.pollFirst();
        if (w != null) {
            w.hand(task);
            return;
        }
        waiting.incrementAndGet();
        ready.add(task);
        if (state != RUNNING && ready.remove(task)) {
            // shut down meanwhile, and no thread took it
            waiting.decrementAndGet();
            throw new RejectedExecutionException("the SQL threads are shut down");
        }
        wakeOne(); // a thread may have become idle since the poll above (it checks the queue after it shows itself
        // idle)
        held.wakeLeader(); // the leader sleeping until a held request's time takes it, when it is the only thread idle
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
        if (!held.add(task, atNanos, accepting)) {
            throw new RejectedExecutionException("the SQL threads are shut down");
        }
    }

    /**
     * @return true while the executor runs and no request waits for a SQL thread: none given to run now, none held past
     *     its due time (a held request not yet due does not wait)
     */
    boolean idle() {
        return state == RUNNING && waiting.get() == 0 && !held.due();
    }

    /** @return held requests not yet started */
    int held() {
        return held.size();
    }

    /** Interrupts the SQL threads and drops every request not started. */
    void shutdownNow() {
        state = STOPPED;
        ready.clear();
        held.clear();
        for (Worker w : workers) {
            w.thread.interrupt();
        }
    }

    /**
     * Drains the SQL threads: starts no more requests than those given and due (held ones not yet due are dropped: their
     * users had not started a request), waits for them up to the timeout; then cancels on the server the statements
     * still running ({@link SqlThread#cancelRunning}), waits up to {@code cancelBoundMillis} more for their requests to
     * end (they fail with the server's cancel error), and interrupts what is left.
     *
     * @param timeoutMillis the drain timeout
     * @param cancelBoundMillis how long cancelled statements may take to end
     * @return how many SQL threads were serving a request (not waiting for the pool) and had their statements cancelled
     */
    int drain(long timeoutMillis, long cancelBoundMillis) {
        int cancelled = 0;
        if (state == RUNNING) {
            state = SHUTDOWN;
            held.dropNotDue();
            for (Worker w : workers) {
                LockSupport.unpark(w.thread); // idle ones see the shutdown, leave the idle list and end
            }
        }
        try {
            if (!terminated.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
                for (Worker w : workers) {
                    if (w.thread instanceof SqlThread t && t.isAlive() && t.serving() && !t.acquiring()) {
                        t.cancelRunning();
                        cancelled++;
                    }
                }
                System.out.println("[salvo] drain timeout (" + timeoutMillis + " ms): cancelled " + cancelled
                        + " statement(s) still running on the server");
                if (!terminated.await(cancelBoundMillis, TimeUnit.MILLISECONDS)) {
                    shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            shutdownNow();
            Thread.currentThread().interrupt();
        }
        return cancelled;
    }

    /**
     * Wakes an idle thread to look for work (a held request came due, or needs a leader).
     *
     * @return the thread woken; null when all are busy
     */
    private Worker wakeOne() {
        Worker w = idleWorkers.pollFirst();
        if (w != null) {
            w.hand(Worker.LOOK);
        }
        return w;
    }

    /** A SQL thread's life: the next request, run, until the executor ends. */
    private void work(Worker w) {
        try {
            for (Runnable task = next(w); task != null; task = next(w)) {
                try {
                    task.run();
                } catch (Throwable e) { // NOPMD: an Error in a request is logged, the thread goes on
                    System.err.println("[salvo] ERROR a SQL thread's task failed: " + e);
                }
            }
        } finally {
            if (live.decrementAndGet() == 0) {
                terminated.countDown();
            }
        }
    }

    /** @return the next request for this thread, waiting for one; null when the thread ends */
    private Runnable next(Worker w) {
        while (true) {
            if (state == STOPPED) {
                return null;
            }
            HeldRequests.Take take = held.take(w);
            if (take.task() != null) {
                return take.task();
            }
            Runnable task = ready.poll();
            if (task != null) {
                waiting.decrementAndGet();
                if (take.leadNanos() > 0) {
                    held.resign(w); // another idle thread waits for the held requests' time
                }
                return task;
            }
            if (take.leadNanos() > 0) {
                LockSupport.parkNanos(this, take.leadNanos());
                continue; // it looks again, still leading: its request may be due, an earlier one may have come
            }
            if (state == SHUTDOWN && held.size() == 0) {
                return null;
            }
            Runnable handed = awaitHandOff(w);
            if (handed != null && handed != Worker.LOOK) {
                return handed;
            }
        }
    }

    /** @return a request handed to this idle thread, {@link Worker#LOOK} to look for work, null when it should look */
    private Runnable awaitHandOff(Worker w) {
        Thread.interrupted(); // an interrupt meant for the last request (a drain) must not stop the parking
        idleWorkers.addFirst(w);
        // what came while this thread was not yet listed idle: it takes it itself
        if ((!ready.isEmpty() || state != RUNNING || held.needsLeader()) && idleWorkers.remove(w)) {
            return null;
        }
        while (true) {
            Runnable handed = w.taken();
            if (handed != null) {
                return handed;
            }
            if (state != RUNNING && idleWorkers.remove(w)) {
                return null;
            }
            LockSupport.park(this);
        }
    }

    /** A SQL thread as the executor sees it. */
    static final class Worker {
        /** handed to an idle thread: look for work (a request came to the queue, a held one needs a leader) */
        static final Runnable LOOK = () -> {};

        Thread thread;
        private volatile Runnable handed;

        /** From the thread that took this worker off the idle list (it alone hands it anything). */
        void hand(Runnable task) {
            handed = task;
            LockSupport.unpark(thread);
        }

        /** @return what was handed, cleared; null when nothing was */
        Runnable taken() {
            Runnable task = handed;
            if (task != null) {
                handed = null;
            }
            return task;
        }
    }
}

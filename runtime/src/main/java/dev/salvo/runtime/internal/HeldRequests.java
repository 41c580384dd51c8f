package dev.salvo.runtime.internal;

import java.util.PriorityQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The open-model requests the SQL threads hold until their due time, earliest first, and which idle thread waits for
 * that time (the leader, as in the JDK's delay queues): it sleeps until the earliest due time and runs that request
 * itself, after waking another idle thread to lead for the next one.
 */
final class HeldRequests {
    /** nothing due, and the caller does not lead */
    static final Take NONE = new Take(null, 0);

    private record Held(Runnable task, long atNanos, long seq) {}

    private final ReentrantLock lock = new ReentrantLock();
    private final PriorityQueue<Held> heap = new PriorityQueue<>((a, b) -> a.atNanos != b.atNanos
            ? Long.compare(a.atNanos - b.atNanos, 0) // nanoTime: compared by difference
            : Long.compare(a.seq, b.seq));
    private final Supplier<SqlExecutor.Worker> wakeOne;
    private long seq;
    private volatile int size;
    private volatile SqlExecutor.Worker leader;
    /**
     * an idle thread woken to lead, not yet here: no other is woken for that meanwhile (Gatling creates a second's users
     * in a batch, which would otherwise wake an idle thread each while no thread leads)
     */
    private volatile SqlExecutor.Worker summoned;

    /**
     * @param wakeOne wakes an idle SQL thread to look for work, and gives it; null when every thread is busy
     */
    HeldRequests(Supplier<SqlExecutor.Worker> wakeOne) {
        this.wakeOne = wakeOne;
    }

    /**
     * What a thread looking for work found here.
     *
     * @param task a request due now, taken; null when none is
     * @param leadNanos more than 0 when the caller now leads: it sleeps this long at most, then looks again
     */
    record Take(Runnable task, long leadNanos) {}

    /**
     * @param task the request
     * @param atNanos when it is due (System.nanoTime)
     * @param accepting checked under the lock: false once the executor is shut down
     * @return false when not accepted
     */
    boolean add(Runnable task, long atNanos, BooleanSupplier accepting) {
        lock.lock();
        try {
            if (!accepting.getAsBoolean()) {
                return false;
            }
            Held h = new Held(task, atNanos, seq++);
            heap.add(h);
            size = heap.size();
            SqlExecutor.Worker lead = leader;
            if (lead == null) {
                summon();
            } else if (heap.peek() == h) {
                LockSupport.unpark(lead.thread); // it sleeps until a later time
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param w a thread looking for work
     * @return the earliest request when due (taken); else whether {@code w} now leads (no other thread does) and for
     *     how long it sleeps
     */
    Take take(SqlExecutor.Worker w) {
        if (size == 0 && summoned != w && leader != w) {
            return NONE;
        }
        lock.lock();
        try {
            if (summoned == w) {
                summoned = null;
            }
            Held head = heap.peek();
            if (head == null) {
                if (leader == w) {
                    leader = null;
                }
                return NONE;
            }
            long delay = head.atNanos - System.nanoTime();
            if (delay <= 0) {
                heap.poll();
                size = heap.size();
                if (leader == w) {
                    leader = null;
                }
                if (size > 0 && leader == null) {
                    summon(); // another idle thread leads for the next one
                }
                return new Take(head.task, 0);
            }
            if (leader == null || leader == w) {
                leader = w;
                return new Take(null, delay);
            }
            return NONE;
        } finally {
            lock.unlock();
        }
    }

    /** @param w the thread that led, going to other work: another idle thread then leads */
    void resign(SqlExecutor.Worker w) {
        lock.lock();
        try {
            if (leader == w) {
                leader = null;
                if (size > 0) {
                    summon();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: wakes an idle thread to lead, unless one is on its way. */
    private void summon() {
        if (summoned == null) {
            summoned = wakeOne.get();
        }
    }

    /** Wakes the leader, if any, to look for work (a request to run now came while no other thread was idle). */
    void wakeLeader() {
        SqlExecutor.Worker lead = leader;
        if (lead != null) {
            LockSupport.unpark(lead.thread);
        }
    }

    /** @return true when a request is held, no thread leads and none is on its way to (an idle thread then must) */
    boolean needsLeader() {
        return size > 0 && leader == null && summoned == null;
    }

    /** @return true when the earliest held request is past its due time */
    boolean due() {
        if (size == 0) {
            return false;
        }
        lock.lock();
        try {
            Held head = heap.peek();
            return head != null && head.atNanos - System.nanoTime() <= 0;
        } finally {
            lock.unlock();
        }
    }

    /** @return how many requests are held */
    int size() {
        return size;
    }

    /** Drops the requests not yet due. */
    void dropNotDue() {
        lock.lock();
        try {
            long now = System.nanoTime();
            heap.removeIf(h -> h.atNanos - now > 0);
            size = heap.size();
        } finally {
            lock.unlock();
        }
    }

    /** Drops every held request. */
    void clear() {
        lock.lock();
        try {
            heap.clear();
            size = 0;
        } finally {
            lock.unlock();
        }
    }
}

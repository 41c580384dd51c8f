package dev.salvo.runtime.internal;

import dev.salvo.sql.SalvoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * Holds an open-model user's first request until its scheduled arrival, instead of starting it whenever Gatling's
 * injector gets round to creating the user.
 *
 * <p>Gatling 3.15's injector schedules each second's users in one batch on its event loops with whole-millisecond delays,
 * and the event loops wake up a millisecond or more after them (on this kind of 2-core machine: p50 0.65-1.13 ms, p90
 * ~4.5 ms under load). Charging all of that to the requests (as pgbench charges its schedule lag) is truthful but
 * measures Gatling's injector, not the database: pgbench's own threads wake up within tens of µs of its schedule. So
 * Salvo's schedule is Gatling's shifted by a constant lead ({@value #DEFAULT_LEAD_MILLIS} ms by default, the system
 * property {@value #LEAD_PROPERTY}): a user Gatling creates within the lead is held by the SQL threads until its
 * due time ({@link SqlExecutor#executeAt}), where the SQL thread that waited for it runs it (its wake-up lateness, tens
 * of µs, is charged); a user created later than that is started at once and charged all of its lateness beyond the due
 * time. The arrival process (rate, spacing, Poisson gaps) is unchanged, only moved by the lead; a generator stall still
 * lands in the response times of every request due during it.
 */
final class ArrivalRelease {
    /** System property: the lead in milliseconds, 0 to 1000; 0 starts every user when Gatling creates it. */
    static final String LEAD_PROPERTY = "salvo.arrivalLeadMillis";

    static final long DEFAULT_LEAD_MILLIS = 10;

    /**
     * The end of {@link #await} is spun, not slept: a sleeping thread wakes up to its timer slack (50 µs) late. A held
     * request's SQL thread is woken this long before its due time.
     */
    static final long AWAIT_SPIN_NANOS = 60_000;

    private ArrivalRelease() {}

    /**
     * @return the lead in ms, from {@value #LEAD_PROPERTY} or {@value #DEFAULT_LEAD_MILLIS}
     * @throws SalvoException naming the property and its rule when the value is not a whole number from 0 to 1000
     */
    static long leadMillis() {
        return HiccupRecorder.millisProperty(LEAD_PROPERTY, DEFAULT_LEAD_MILLIS, 0, "the open-model arrival lead");
    }

    /**
     * Linux delays a sleeping thread's wake-up by up to its timer slack (50 µs by default) to batch wake-ups; a SQL
     * thread that sleeps until a request's due time (held open-model users, the paced loop) must wake on time, so it
     * asks for 1 ns ({@code /proc/<tid>/timerslack_ns}, writable by the
     * thread itself since Linux 4.6; on this 2-core machine under load the wake-up p50 went from 107 to 51 µs). Best
     * effort: elsewhere the default slack stays.
     *
     * @return true when the slack was lowered
     */
    static boolean lowerTimerSlack() {
        try {
            Path self = Files.readSymbolicLink(Path.of("/proc/thread-self")); // <pid>/task/<tid>
            Files.writeString(Path.of("/proc", self.getFileName().toString(), "timerslack_ns"), "1");
            return true;
        } catch (IOException | RuntimeException notLinux) {
            return false;
        }
    }

    /**
     * Waits on this thread until {@code atNanos}: asleep until {@value #AWAIT_SPIN_NANOS} ns before, then spinning.
     *
     * @param atNanos when (System.nanoTime)
     */
    static void await(long atNanos) {
        long left;
        while ((left = atNanos - System.nanoTime()) > AWAIT_SPIN_NANOS) {
            LockSupport.parkNanos(left - AWAIT_SPIN_NANOS);
        }
        while (System.nanoTime() - atNanos < 0) {
            Thread.onSpinWait();
        }
    }
}

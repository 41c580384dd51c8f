package dev.salvo.runtime.internal;

/**
 * One open-model virtual user's schedule: when it was due, when Gatling created it, and how much of the load
 * generator's own stall time it has already been charged. It defines each request's intended start:
 *
 * <ul>
 *   <li>the user's first request: the moment the user reaches it, minus how late Gatling created the user against
 *       Salvo's schedule (creation minus the scheduled arrival, all of it, as pgbench charges all of its schedule lag),
 *       minus generator stalls since the creation. Salvo's schedule is Gatling's moved later by a constant lead
 *       ({@link ArrivalRelease}), so a user Gatling created early gets an intended start in the future: the request
 *       is held until then;
 *   <li>each later request: the moment the user reaches it, minus the generator stalls (from the hiccup recorder) since
 *       the user's previous request ended, at most the time between the two.
 * </ul>
 *
 * A user's pauses and other actions keep their real duration; what the generator failed to do on time is charged to
 * the next request, as pgbench charges its schedule lag to the transaction. A stall during a long pause is charged
 * in full, although the pause may have been due to end after it: an overstatement bounded by the stall, never an
 * understatement. Used by one user at a time (Gatling runs a user's actions one after another).
 */
final class UserClock {
    private final long dueNanos;
    private final long createdNanos;
    private boolean started;
    private long lastNanos;
    private long stallMark;

    /**
     * @param dueNanos the scheduled arrival, the lead included (System.nanoTime)
     * @param createdNanos when Gatling created the user
     * @param stallNanos the hiccup recorder's stall total at creation
     */
    UserClock(long dueNanos, long createdNanos, long stallNanos) {
        this.dueNanos = dueNanos;
        this.createdNanos = createdNanos;
        this.lastNanos = createdNanos;
        this.stallMark = stallNanos;
    }

    /**
     * @param nowNanos the moment the user reached the request
     * @param stallNanos the hiccup recorder's stall total now
     * @return the request's intended start: after nowNanos for a first request reached before its user's due time
     *     (hold the request until then), never after it otherwise
     */
    long intendedStart(long nowNanos, long stallNanos) {
        long late = Math.max(0, Math.min(stallNanos - stallMark, nowNanos - lastNanos));
        if (!started) {
            started = true;
            late += createdNanos - dueNanos; // negative: created before its due time
        }
        stallMark = stallNanos;
        return nowNanos - late;
    }

    /**
     * A request of this user ended.
     *
     * @param endNanos when
     * @param stallNanos the hiccup recorder's stall total then
     */
    void ended(long endNanos, long stallNanos) {
        lastNanos = endNanos;
        stallMark = stallNanos;
    }

    /** @return the scheduled arrival (System.nanoTime) */
    long dueNanos() {
        return dueNanos;
    }
}

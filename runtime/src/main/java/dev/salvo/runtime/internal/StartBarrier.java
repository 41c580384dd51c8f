package dev.salvo.runtime.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * The agreed instant all workers of a distributed run start injecting at ({@code salvo.startAt}). Every scenario Gatling
 * starts before it has its schedule shifted to it; a worker that reaches it later than the tolerance starts at once and
 * is flagged late.
 */
final class StartBarrier {
    private final Instant startAt;
    private final Duration tolerance;
    private Long lateMillis;

    /**
     * @param startAt the agreed start, null to start at once (then nothing is recorded)
     * @param tolerance how late is still on time
     */
    StartBarrier(Instant startAt, Duration tolerance) {
        this.startAt = startAt;
        this.tolerance = tolerance;
    }

    /**
     * How long the scenario starting now must wait before its first user: the time left until the agreed start (Gatling's
     * injector keeps its own clock from the moment it starts a scenario, so the wait is a shift of the scenario's
     * schedule, not a blocked thread). The first call records whether this worker reached the start on time.
     *
     * @return milliseconds until the agreed start, 0 when none was set or it has passed
     */
    synchronized long delayMillis() {
        if (startAt == null) {
            return 0;
        }
        long delay = Duration.between(Instant.now(), startAt).toMillis();
        if (lateMillis == null) {
            lateMillis = Math.max(0, -delay);
            if (late()) {
                System.out.println("[salvo] WARN this worker began injecting " + lateMillis + " ms after salvo.startAt="
                        + startAt + " (tolerance " + tolerance.toMillis()
                        + " ms): it starts anyway and is flagged late in its"
                        + " results");
            } else if (delay > 0) {
                System.out.println(
                        "[salvo] injection starts in " + delay + " ms, at the start barrier salvo.startAt=" + startAt);
            }
        }
        return Math.max(0, delay);
    }

    /** @return milliseconds until the agreed start, 0 when none was set or it has passed (records nothing) */
    long millisLeft() {
        return startAt == null
                ? 0
                : Math.max(0, Duration.between(Instant.now(), startAt).toMillis());
    }

    /** @return the agreed start, null when none */
    Instant startAt() {
        return startAt;
    }

    /** @return how long after the agreed start injection began, null when no start was set or injection never began */
    synchronized Long lateMillis() {
        return lateMillis;
    }

    /** @return true when injection began later than the tolerance */
    synchronized boolean late() {
        return lateMillis != null && lateMillis > tolerance.toMillis();
    }
}

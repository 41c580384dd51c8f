package dev.salvo.runtime.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * The agreed instant all workers of a distributed run start injecting at ({@code salvo.startAt}). The first injection
 * step Gatling starts waits for it; a worker that reaches it later than the tolerance starts at once and is flagged late.
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

  /** Waits until the agreed start once (later calls return at once). */
  synchronized void await() {
    if (startAt == null || lateMillis != null) {
      return;
    }
    long wait = Duration.between(Instant.now(), startAt).toMillis();
    if (wait > 0) {
      System.out.println("[salvo] waiting " + wait + " ms for the start barrier salvo.startAt=" + startAt);
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    lateMillis = Math.max(0, Duration.between(startAt, Instant.now()).toMillis());
    if (late()) {
      System.out.println("[salvo] WARN this worker began injecting " + lateMillis + " ms after salvo.startAt=" + startAt
          + " (tolerance " + tolerance.toMillis() + " ms): it starts anyway and is flagged late in its results");
    }
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

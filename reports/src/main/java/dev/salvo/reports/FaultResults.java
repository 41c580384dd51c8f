package dev.salvo.reports;

import java.util.List;
import java.util.Map;

/**
 * What went wrong with the database itself during a run, results.json's {@code faults} section (docs/reliability.md):
 * the outages (no connection could be made for longer than the threshold) and the end of the run's drain. Written by
 * this build since format 3; older files read with it null, and older readers ignore it.
 *
 * @param unreachableAfterMillis how long no connection could be made before an outage was named, in ms
 * @param failFast true when requests failed at once during an outage instead of waiting for the pool's timeout
 * @param outages the outages, in time order; empty when there was none
 * @param drain how the in-flight requests ended after the load stopped; null when unknown
 */
public record FaultResults(long unreachableAfterMillis, boolean failFast, List<Outage> outages, Drain drain) {
  /** Normalizes an absent list. */
  public FaultResults {
    outages = outages == null ? List.of() : outages;
  }

  /**
   * One interval in which the database could not be reached.
   *
   * @param fromEpochMillis when the first connection attempt that did not succeed began
   * @param toEpochMillis when the pool handed a connection out again (in fail-fast mode: when Salvo's own check could
   *     connect), or when the run ended (then {@code ongoing})
   * @param seconds its length
   * @param cause the first line of the last error the connection attempts got, with its SQLSTATE
   * @param ongoing true when the database was still unreachable when the run ended
   * @param failedRequests requests that failed during it (from the last check before it began, at most
   *     {@code checkMillis} earlier, to its end); statements inside transactions are counted with their transaction
   * @param failedByKind the same, per query kind
   * @param failedByRequest the same, per request name
   * @param reachableEpochMillis when Salvo's own check (a new connection outside the pool, every 200 ms) first
   *     connected again, null when it did not; {@code toEpochMillis} minus this is the pool's recovery time
   */
  public record Outage(long fromEpochMillis, long toEpochMillis, double seconds, String cause, boolean ongoing,
      long failedRequests, Map<String, Long> failedByKind, Map<String, Long> failedByRequest,
      Long reachableEpochMillis) {
    /** Normalizes absent maps. */
    public Outage {
      failedByKind = failedByKind == null ? Map.of() : failedByKind;
      failedByRequest = failedByRequest == null ? Map.of() : failedByRequest;
    }
  }

  /**
   * The drain: after the load stopped, in-flight requests may finish for up to {@code timeoutMillis}; statements still
   * running then are cancelled on the server ({@code Statement.cancel}).
   *
   * @param timeoutMillis the drain timeout
   * @param tookMillis how long the drain took, cancellation included
   * @param cancelled statements that were still running at the timeout and were cancelled
   */
  public record Drain(long timeoutMillis, long tookMillis, int cancelled) {}
}

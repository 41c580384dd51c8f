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
     * @param worker in a merged run, the index of the worker that saw the outage; null in a worker's or a single run
     */
    public record Outage(
            long fromEpochMillis,
            long toEpochMillis,
            double seconds,
            String cause,
            boolean ongoing,
            long failedRequests,
            Map<String, Long> failedByKind,
            Map<String, Long> failedByRequest,
            Long reachableEpochMillis,
            Integer worker) {
        /** Normalizes absent maps. */
        public Outage {
            failedByKind = failedByKind == null ? Map.of() : failedByKind;
            failedByRequest = failedByRequest == null ? Map.of() : failedByRequest;
        }

        /**
         * An outage seen by this run itself (no worker tag).
         *
         * @param fromEpochMillis see the record
         * @param toEpochMillis see the record
         * @param seconds see the record
         * @param cause see the record
         * @param ongoing see the record
         * @param failedRequests see the record
         * @param failedByKind see the record
         * @param failedByRequest see the record
         * @param reachableEpochMillis see the record
         */
        public Outage(
                long fromEpochMillis,
                long toEpochMillis,
                double seconds,
                String cause,
                boolean ongoing,
                long failedRequests,
                Map<String, Long> failedByKind,
                Map<String, Long> failedByRequest,
                Long reachableEpochMillis) {
            this(
                    fromEpochMillis,
                    toEpochMillis,
                    seconds,
                    cause,
                    ongoing,
                    failedRequests,
                    failedByKind,
                    failedByRequest,
                    reachableEpochMillis,
                    null);
        }

        /**
         * @param index the worker that saw it
         * @return this outage tagged with its worker (a merged run's list)
         */
        public Outage ofWorker(int index) {
            return new Outage(
                    fromEpochMillis,
                    toEpochMillis,
                    seconds,
                    cause,
                    ongoing,
                    failedRequests,
                    failedByKind,
                    failedByRequest,
                    reachableEpochMillis,
                    index);
        }
    }

    /**
     * The faults of a merged run: every worker's outages, each tagged with its worker, in time order (one outage of the
     * database is usually seen by every worker, so it appears once per worker); the drain that took longest, with the
     * statements cancelled by all workers. The threshold and fail-fast setting are the first worker's (one run shares
     * its configuration).
     *
     * @param faults each worker's faults section (null entries: a worker without one)
     * @param workers each worker's index, in the same order
     * @return the merged section, null when no worker had one
     */
    public static FaultResults merge(List<FaultResults> faults, List<Integer> workers) {
        FaultResults first = null;
        List<Outage> outages = new java.util.ArrayList<>();
        Drain drain = null;
        for (int i = 0; i < faults.size(); i++) {
            FaultResults f = faults.get(i);
            if (f == null) {
                continue;
            }
            first = first == null ? f : first;
            int worker = workers.get(i);
            f.outages().forEach(o -> outages.add(o.ofWorker(worker)));
            if (f.drain() != null) {
                drain = drain == null
                        ? f.drain()
                        : new Drain(
                                Math.max(drain.timeoutMillis(), f.drain().timeoutMillis()),
                                Math.max(drain.tookMillis(), f.drain().tookMillis()),
                                drain.cancelled() + f.drain().cancelled());
            }
        }
        if (first == null) {
            return null;
        }
        outages.sort(java.util.Comparator.comparingLong(Outage::fromEpochMillis).thenComparing(Outage::worker));
        return new FaultResults(first.unreachableAfterMillis(), first.failFast(), List.copyOf(outages), drain);
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

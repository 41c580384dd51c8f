package dev.salvo.runtime.internal;

import dev.salvo.reports.ResultsBuilder;
import dev.salvo.runtime.WorkerIdentity;
import dev.salvo.sql.SalvoException;
import io.gatling.core.CoreComponents;
import java.util.Map;

/**
 * This JVM's part in a distributed run (issue 21): its identity, its start barrier, its share of the injection, and
 * what a single worker may do that several may not.
 */
final class RunWorker {
    final WorkerIdentity identity;
    final StartBarrier barrier;

    private RunWorker(WorkerIdentity identity, StartBarrier barrier) {
        this.identity = identity;
        this.barrier = barrier;
    }

    /**
     * Reads the worker's identity and, for a distributed run or a start barrier, installs its share of the injection.
     *
     * @param core Gatling's components
     * @return this worker
     */
    static RunWorker start(CoreComponents core) {
        try {
            WorkerIdentity worker = WorkerIdentity.fromEnvironment();
            StartBarrier barrier = new StartBarrier(worker.startAt(), worker.startTolerance());
            if (worker.distributed() || worker.startAt() != null) {
                WorkerShare.install(core, worker, barrier);
                ThrottleShare.install(core, worker, barrier);
            }
            return new RunWorker(worker, barrier);
        } catch (SalvoException e) {
            throw Fatal.stop(e, null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw Fatal.stop(
                    new SalvoException("salvo.workerCount: splitting the injection over workers must be possible"
                            + " on this Gatling version, but its injection profiles cannot be read (" + e + ")"),
                    null);
        }
    }

    /**
     * @param core Gatling's components
     * @return this worker's share of the throttles as text for results.json's config (empty on one worker)
     */
    Map<String, String> throttleShares(CoreComponents core) {
        try {
            return ThrottleShare.describe(core, identity);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Map.of("injection.throttle.share", "not readable from this Gatling version (" + e + ")");
        }
    }

    /** @throws SalvoException when a find-max search runs on more than one worker */
    void refuseFindMax() {
        if (identity.distributed()) {
            throw new SalvoException("findMax: a find-max search must run on one worker (its steps' verdicts need every"
                    + " request), but salvo.workerCount was " + identity.count());
        }
    }

    /** @param results where this worker's identity and start are recorded */
    void record(ResultsBuilder results) {
        results.worker(
                identity.runId(),
                identity.index(),
                identity.count(),
                barrier.startAt() == null ? null : barrier.startAt().toString(),
                barrier.lateMillis(),
                barrier.late());
    }
}

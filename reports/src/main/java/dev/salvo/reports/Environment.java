package dev.salvo.reports;

import java.util.List;

/**
 * @param gitCommit the commit of the working directory the run was made from, null when not in git
 * @param salvoVersion Salvo's version
 * @param javaVersion the JVM's version
 * @param os operating system name, version and architecture
 * @param workerIndex this worker's index (0-based), 0 for a single worker
 * @param workerCount how many workers took part, 1 for a single worker
 * @param mergedFrom the run directories merged into this one, empty for a run that was not merged
 * @param runId the id all workers of one distributed run share (null in results written before it was recorded)
 * @param startAt the agreed start instant of a distributed run (ISO-8601), null when none was set
 * @param startLateMillis how long after {@code startAt} this worker began injecting, null when no start was set
 * @param lateWorkers workers (by index) that began injecting later than the start tolerance; in a merged run every
 *     late worker, in a worker's own results its index when it was late
 */
public record Environment(
        String gitCommit,
        String salvoVersion,
        String javaVersion,
        String os,
        int workerIndex,
        int workerCount,
        List<String> mergedFrom,
        String runId,
        String startAt,
        Long startLateMillis,
        List<Integer> lateWorkers) {
    /** Normalizes absent lists to empty ones. */
    public Environment {
        mergedFrom = mergedFrom == null ? List.of() : mergedFrom;
        lateWorkers = lateWorkers == null ? List.of() : lateWorkers;
    }

    /**
     * A single worker's environment without a run id or start barrier.
     *
     * @param gitCommit see the record
     * @param salvoVersion see the record
     * @param javaVersion see the record
     * @param os see the record
     * @param workerIndex see the record
     * @param workerCount see the record
     * @param mergedFrom see the record
     */
    public Environment(
            String gitCommit,
            String salvoVersion,
            String javaVersion,
            String os,
            int workerIndex,
            int workerCount,
            List<String> mergedFrom) {
        this(gitCommit, salvoVersion, javaVersion, os, workerIndex, workerCount, mergedFrom, null, null, null, null);
    }

    /**
     * @param runId the run id
     * @param index this worker's index
     * @param count all workers
     * @param startAt the agreed start, null for none
     * @param startLateMillis how late injection began after it, null for none
     * @param late true when later than the tolerance
     * @return this environment as worker {@code index} of {@code count} of run {@code runId}
     */
    public Environment asWorker(
            String runId, int index, int count, String startAt, Long startLateMillis, boolean late) {
        return new Environment(
                gitCommit,
                salvoVersion,
                javaVersion,
                os,
                index,
                count,
                mergedFrom,
                runId,
                startAt,
                startLateMillis,
                late ? List.of(index) : List.of());
    }
}

package dev.salvo.runtime;

import dev.salvo.sql.SalvoException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Which load generator this JVM is in a distributed run: its index, how many workers share the load, the run id they
 * share, and the instant they agreed to start injecting at (docs/distributed.md).
 *
 * <p>Read from system properties first, then the environment: {@code salvo.workerIndex} / {@code SALVO_WORKER_INDEX},
 * else Kubernetes Indexed Jobs' {@code JOB_COMPLETION_INDEX}; {@code salvo.workerCount} / {@code SALVO_WORKER_COUNT};
 * {@code salvo.runId} / {@code SALVO_RUN_ID}; {@code salvo.startAt} / {@code SALVO_START_AT} (an ISO-8601 instant or
 * epoch milliseconds); {@code salvo.startToleranceMs} / {@code SALVO_START_TOLERANCE_MS} (default 1000).
 *
 * @param index this worker's index, from 0
 * @param count how many workers share the load, at least 1
 * @param runId the id all workers of one run share (generated for a single worker when not set)
 * @param startAt when all workers start injecting, null to start at once
 * @param startTolerance how late a worker may begin injecting after {@code startAt} before it is flagged late
 */
public record WorkerIdentity(int index, int count, String runId, Instant startAt, Duration startTolerance) {
    /** Default {@link #startTolerance()}. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(1);

    /** Checks the index range and that several workers share a run id. */
    public WorkerIdentity {
        if (count < 1 || index < 0 || index >= count) {
            throw new SalvoException(
                    "salvo.workerIndex: must be in [0, salvo.workerCount) with salvo.workerCount >= 1, but"
                            + " was index=" + index + ", count=" + count);
        }
        if (runId == null || runId.isBlank()) {
            throw new SalvoException(
                    "salvo.runId: must be set when salvo.workerCount > 1 (the merge matches workers by it),"
                            + " but was unset");
        }
        if (startTolerance == null || startTolerance.isNegative()) {
            throw new SalvoException("salvo.startToleranceMs: must be >= 0, but was " + startTolerance);
        }
    }

    /** @return a single worker with a fresh run id, starting at once */
    public static WorkerIdentity single() {
        return new WorkerIdentity(0, 1, "local-" + UUID.randomUUID(), null, DEFAULT_TOLERANCE);
    }

    /** @return the identity from system properties and the environment */
    public static WorkerIdentity fromEnvironment() {
        return fromEnvironment(System.getProperties(), System.getenv());
    }

    /**
     * @param properties system properties (they win)
     * @param env environment variables
     * @return the identity
     * @throws SalvoException naming the setting that is malformed or out of range
     */
    public static WorkerIdentity fromEnvironment(Properties properties, Map<String, String> env) {
        String indexSource = properties.getProperty("salvo.workerIndex") != null
                ? "salvo.workerIndex"
                : env.get("SALVO_WORKER_INDEX") != null
                        ? "SALVO_WORKER_INDEX"
                        : env.get("JOB_COMPLETION_INDEX") != null ? "JOB_COMPLETION_INDEX" : null;
        String indexText = indexSource == null ? null : properties.getProperty(indexSource, env.get(indexSource));
        int index = (int) number(indexSource, indexText, 0);
        int count = (int)
                number("salvo.workerCount", setting(properties, env, "salvo.workerCount", "SALVO_WORKER_COUNT"), 1);
        String runId = setting(properties, env, "salvo.runId", "SALVO_RUN_ID");
        if ((runId == null || runId.isBlank()) && count == 1) {
            runId = "local-" + UUID.randomUUID();
        }
        Instant startAt = instant(setting(properties, env, "salvo.startAt", "SALVO_START_AT"));
        long tolerance = number(
                "salvo.startToleranceMs",
                setting(properties, env, "salvo.startToleranceMs", "SALVO_START_TOLERANCE_MS"),
                DEFAULT_TOLERANCE.toMillis());
        if (tolerance < 0) {
            throw new SalvoException("salvo.startToleranceMs: must be >= 0, but was " + tolerance);
        }
        return new WorkerIdentity(
                index, count, runId == null ? null : runId.trim(), startAt, Duration.ofMillis(tolerance));
    }

    /** @return true when this run is one worker of several */
    public boolean distributed() {
        return count > 1;
    }

    /**
     * This worker's share of {@code total} concurrent users (or of a throttle): as even as possible, the remainder going
     * to the lowest indexes.
     *
     * @param total the single-machine number
     * @return this worker's part; all workers' parts add up to {@code total}
     */
    public long share(long total) {
        return share(total, index, count);
    }

    /**
     * @param total the single-machine number
     * @param index a worker's index
     * @param count all workers
     * @return that worker's part of {@code total}
     */
    public static long share(long total, int index, int count) {
        return total / count + (index < total % count ? 1 : 0);
    }

    private static String setting(Properties properties, Map<String, String> env, String property, String variable) {
        String p = properties.getProperty(property);
        return p != null ? p : env.get(variable);
    }

    private static long number(String name, String value, long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new SalvoException(name + ": must be a whole number, but was '" + value + "'");
        }
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return v.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(v)) : Instant.parse(v);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new SalvoException("salvo.startAt: must be an ISO-8601 instant (2026-12-01T21:00:00Z) or epoch"
                    + " milliseconds, but was '" + value + "'");
        }
    }
}

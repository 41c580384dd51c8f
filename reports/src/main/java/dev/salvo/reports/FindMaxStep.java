package dev.salvo.reports;

/**
 * One step of the find-max controller. The offered load is in the model's own unit: virtual users for a closed
 * model, requests per second for an open one (files written before it was recorded get it from the other fields).
 *
 * @param step the step number, from 1
 * @param concurrency the step's virtual users (closed model), 0 in an open model
 * @param targetPerSecond the offered rate of an open model; null in a closed model (older files: 0)
 * @param achievedPerSecond the completed rate
 * @param p95Micros the step's 95th percentile of response time in µs
 * @param p99Micros the step's 99th percentile of response time in µs
 * @param errorRate the step's failed fraction
 * @param pass true when the step met its SLOs
 * @param offeredLoad the step's offered load, in {@code offeredUnit}
 * @param offeredUnit {@value #USERS} (closed model) or {@value #PER_SECOND} (open model)
 */
public record FindMaxStep(
        int step,
        int concurrency,
        Double targetPerSecond,
        double achievedPerSecond,
        double p95Micros,
        double p99Micros,
        double errorRate,
        boolean pass,
        double offeredLoad,
        String offeredUnit) {
    /** {@link #offeredUnit()} of a closed model. */
    public static final String USERS = "users";
    /** {@link #offeredUnit()} of an open model. */
    public static final String PER_SECOND = "req/s";

    /** Derives the offered load of files written before it was recorded. */
    public FindMaxStep {
        if (offeredUnit == null) {
            boolean open = targetPerSecond != null && targetPerSecond > 0;
            offeredUnit = open ? PER_SECOND : USERS;
            offeredLoad = open ? targetPerSecond : concurrency;
            targetPerSecond = open ? targetPerSecond : null;
        }
    }
}

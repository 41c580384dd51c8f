package dev.salvo.sql.server;

import java.util.Map;

/**
 * What one pg_stat_statements entry did between two snapshots.
 *
 * @param key the entry's identity
 * @param query the normalised text
 * @param complete false when the entry was evicted or reset in between, so that its counts start part-way
 * @param counters the counters' increases by Salvo's name (docs/server-statistics.md)
 */
public record StatementDelta(
        ServerSnapshot.StatementKey key, String query, boolean complete, Map<String, Double> counters) {

    /** Copies the map. */
    public StatementDelta {
        counters = Map.copyOf(counters);
    }

    /**
     * @param name a counter name, e.g. {@code sharedBlocksRead}
     * @return its increase, 0 when the server does not have it
     */
    public double get(String name) {
        return counters.getOrDefault(name, 0.0);
    }

    /** @return executions completed in the window */
    public long calls() {
        return Math.round(get("calls"));
    }

    /** @return mean execution time in the window, ms (0 without calls) */
    public double meanExecMillis() {
        return calls() == 0 ? 0 : get("totalExecMillis") / calls();
    }

    /**
     * The population standard deviation of execution time in the window, from the increases of the sum and of the sum of
     * squares (pg_stat_statements keeps the variance, from which both snapshots' sums of squares are recovered).
     *
     * @return ms, 0 without calls
     */
    public double stddevExecMillis() {
        long n = calls();
        if (n == 0) {
            return 0;
        }
        double mean = get("totalExecMillis") / n;
        return Math.sqrt(Math.max(0, get("sumSquaresExecMillis") / n - mean * mean));
    }

    /** @return shared blocks found in the buffer cache / all shared blocks asked for; null when none was asked for */
    public Double cacheHitRatio() {
        double hit = get("sharedBlocksHit");
        double all = hit + get("sharedBlocksRead");
        return all == 0 ? null : hit / all;
    }
}

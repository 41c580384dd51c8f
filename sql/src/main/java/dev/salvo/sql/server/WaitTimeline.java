package dev.salvo.sql.server;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Average active sessions of a run, by wait class, over time.
 *
 * @param intervalMillis length of one interval
 * @param samples samples taken in all
 * @param intervals the intervals in time order
 * @param events average active sessions over the whole run per {@code class:event} (e.g. {@code Lock:transactionid},
 *     {@code CPU:CPU})
 * @param unavailable one line saying why sampling stopped or never ran, null when it ran to the end
 */
public record WaitTimeline(
        long intervalMillis, long samples, List<Interval> intervals, Map<String, Double> events, String unavailable) {

    /**
     * One interval.
     *
     * @param startEpochMillis its start
     * @param endEpochMillis its end
     * @param samples samples taken in it
     * @param activeSessions average active sessions per wait class ({@code CPU}, {@code Lock}, {@code IO}, {@code LWLock},
     *     {@code IPC}, {@code Client}, ...)
     */
    public record Interval(
            long startEpochMillis, long endEpochMillis, int samples, Map<String, Double> activeSessions) {
        Interval merge(Interval next) {
            int n = samples + next.samples;
            Map<String, Double> sum = new TreeMap<>();
            activeSessions.forEach((k, v) -> sum.merge(k, v * samples, Double::sum));
            next.activeSessions.forEach((k, v) -> sum.merge(k, v * next.samples, Double::sum));
            sum.replaceAll((k, v) -> n == 0 ? 0 : v / n);
            return new Interval(startEpochMillis, next.endEpochMillis, n, sum);
        }
    }
}

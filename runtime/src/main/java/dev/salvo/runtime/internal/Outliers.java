package dev.salvo.runtime.internal;

import dev.salvo.feeders.Tuple;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One request name's slowest executions (at most {@link #SLOWEST}) and the first occurrence of every distinct error (at
 * most {@link #MAX_ERRORS}), each with a copy of its bound values. Memory is bounded; an execution faster than the
 * slowest kept costs one volatile read.
 */
final class Outliers {
    /** Slowest executions kept per request. */
    static final int SLOWEST = 20;
    /** Distinct errors kept per request (as many as the request's error counts keep). */
    static final int MAX_ERRORS = RequestRecorder.MAX_ERROR_KINDS;

    /** One kept execution: its response time, start, and values per statement. */
    record Kept(long responseNanos, long startEpochMillis, Tuple[] values) {}

    // hot: read on every measured request
    private volatile long threshold = -1;
    // cold: written only when an execution is kept
    private final PriorityQueue<Kept> slowest = new PriorityQueue<>(Comparator.comparingLong(Kept::responseNanos));
    private final ConcurrentHashMap<String, Kept> errors = new ConcurrentHashMap<>();

    /**
     * @param responseNanos the execution's response time
     * @param startEpochMillis its start
     * @param values its bound values per statement (copied when kept), null when binding failed
     * @param error its error key, null when it succeeded
     */
    void offer(long responseNanos, long startEpochMillis, Tuple[] values, String error) {
        if (error != null) {
            if (errors.size() < MAX_ERRORS && !errors.containsKey(error)) {
                errors.putIfAbsent(error, new Kept(responseNanos, startEpochMillis, copy(values)));
            }
            return;
        }
        if (responseNanos <= threshold) {
            return;
        }
        synchronized (this) {
            if (responseNanos <= threshold) {
                return;
            }
            slowest.add(new Kept(responseNanos, startEpochMillis, copy(values)));
            if (slowest.size() > SLOWEST) {
                slowest.poll();
            }
            threshold = slowest.size() == SLOWEST ? slowest.peek().responseNanos() : -1;
        }
    }

    /** @return the kept executions, slowest first */
    synchronized List<Kept> slowest() {
        List<Kept> out = new ArrayList<>(slowest);
        out.sort(Comparator.comparingLong(Kept::responseNanos).reversed());
        return out;
    }

    /** @return the first occurrence of each distinct error, by error key */
    Map<String, Kept> errors() {
        return new TreeMap<>(errors);
    }

    private static Tuple[] copy(Tuple[] values) {
        if (values == null) {
            return new Tuple[0];
        }
        Tuple[] out = new Tuple[values.length];
        for (int s = 0; s < values.length; s++) {
            if (values[s] != null) {
                out[s] = new Tuple(values[s].size());
                for (int i = 0; i < values[s].size(); i++) {
                    values[s].copyTo(i, out[s], i);
                }
            }
        }
        return out;
    }
}

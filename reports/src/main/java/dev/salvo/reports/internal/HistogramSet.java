package dev.salvo.reports.internal;

import java.util.List;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

/**
 * The four latency histograms Salvo keeps per request name, per kind and per interval, in nanoseconds. Mutable; add
 * is exact (HdrHistogram addition). Internal: not part of Salvo's API.
 */
public final class HistogramSet {
    /** Tag of the response-time histogram in logs ({@code null}: untagged, what standard tools read by default). */
    public static final String RESPONSE = "response";
    /** Tag of the service-time histogram in logs. */
    public static final String SERVICE = "service";
    /** Tag of the wait-time histogram in logs. */
    public static final String WAIT = "wait";
    /** Tag of the schedule-lag histogram in logs. */
    public static final String LAG = "lag";
    /** All four, in file order. */
    public static final List<String> METRICS = List.of(RESPONSE, SERVICE, WAIT, LAG);

    private final Histogram response = newHistogram();
    private final Histogram service = newHistogram();
    private final Histogram wait = newHistogram();
    private final Histogram lag = newHistogram();

    /** @return an empty, auto-resizing nanosecond histogram with 3 significant digits */
    public static Histogram newHistogram() {
        Histogram h = new Histogram(3);
        h.setAutoResize(true);
        return h;
    }

    /**
     * @param metric one of {@link #METRICS}
     * @return that histogram (live, not a copy)
     */
    public Histogram get(String metric) {
        return switch (metric) {
            case RESPONSE -> response;
            case SERVICE -> service;
            case WAIT -> wait;
            case LAG -> lag;
            default ->
                throw new IllegalArgumentException(
                        "histogram: metric must be one of " + METRICS + ", but was " + metric);
        };
    }

    /**
     * Adds values exactly; null histograms are skipped.
     *
     * @param responseNanos response times
     * @param serviceNanos service times
     * @param waitNanos wait times
     * @param lagNanos schedule lags
     * @return this
     */
    public HistogramSet add(
            AbstractHistogram responseNanos,
            AbstractHistogram serviceNanos,
            AbstractHistogram waitNanos,
            AbstractHistogram lagNanos) {
        addTo(response, responseNanos);
        addTo(service, serviceNanos);
        addTo(wait, waitNanos);
        addTo(lag, lagNanos);
        return this;
    }

    /**
     * @param other another set
     * @return this, with the other's values added
     */
    public HistogramSet add(HistogramSet other) {
        return add(other.response, other.service, other.wait, other.lag);
    }

    private static void addTo(Histogram target, AbstractHistogram source) {
        if (source != null && source.getTotalCount() > 0) {
            target.add(source);
        }
    }
}

package dev.salvo.reports.internal;

import dev.salvo.reports.TimelinePoint;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * One query kind's interval log, built in memory as compressed {@code .hlog} text (a few hundred bytes per interval),
 * and its timeline. Intervals of several request names that end within {@link #ALIGN_MILLIS} of each other are added
 * into one interval. Not thread-safe. Internal.
 */
public final class KindLog {
    /** Interval ends closer than this belong to the same interval. */
    public static final long ALIGN_MILLIS = 500;
    /** HdrHistogram's convention for nanosecond logs: the max column is in milliseconds. */
    public static final double NANOS_PER_MILLI = 1_000_000.0;

    private final ByteArrayOutputStream text = new ByteArrayOutputStream();
    private final HistogramLogWriter writer = new HistogramLogWriter(text);
    private final long baseMillis;
    private final List<TimelinePoint> timeline = new ArrayList<>();
    private HistogramSet open;
    private long openStart;
    private long openEnd;
    private long openKo;

    /**
     * @param kind the query kind (written in a comment)
     * @param baseMillis the log's base and start time, ms since the epoch; interval times are written relative to it
     */
    public KindLog(String kind, long baseMillis) {
        this.baseMillis = baseMillis;
        writer.outputComment("Salvo interval log of query kind " + kind + ": values in nanoseconds; untagged = response"
                + " time, Tag=service, Tag=wait, Tag=lag (schedule lag)");
        writer.outputLogFormatVersion();
        writer.outputStartTime(baseMillis);
        writer.setBaseTime(baseMillis);
        writer.outputBaseTime(baseMillis);
        writer.outputLegend();
    }

    /**
     * Adds one request name's interval.
     *
     * @param startMillis interval start, ms since the epoch (used when it opens a new interval)
     * @param endMillis interval end, ms since the epoch
     * @param response response times (ns)
     * @param service service times (ns), may be null
     * @param wait wait times (ns), may be null
     * @param lag schedule lags (ns), may be null
     * @param ko failures in the interval
     */
    public void add(
            long startMillis,
            long endMillis,
            AbstractHistogram response,
            AbstractHistogram service,
            AbstractHistogram wait,
            AbstractHistogram lag,
            long ko) {
        if (open != null && Math.abs(endMillis - openEnd) > ALIGN_MILLIS) {
            flush();
        }
        if (open == null) {
            open = new HistogramSet();
            openStart = timeline.isEmpty()
                    ? Math.min(startMillis, endMillis)
                    : timeline.get(timeline.size() - 1).endEpochMillis();
            openEnd = endMillis;
            openKo = 0;
        }
        open.add(response, service, wait, lag);
        openEnd = Math.max(openEnd, endMillis);
        openKo += ko;
    }

    /**
     * @param kind the query kind
     * @param baseMillis the log's base, ms since the epoch
     * @param startMillis the one interval's start
     * @param endMillis its end
     * @param totals its histograms
     * @param ko its failures
     * @return a log of one interval
     */
    public static KindLog single(
            String kind, long baseMillis, long startMillis, long endMillis, HistogramSet totals, long ko) {
        KindLog log = new KindLog(kind, baseMillis);
        log.add(
                startMillis,
                endMillis,
                totals.get(HistogramSet.RESPONSE),
                totals.get(HistogramSet.SERVICE),
                totals.get(HistogramSet.WAIT),
                totals.get(HistogramSet.LAG),
                ko);
        return log;
    }

    /** Writes the open interval to the log and the timeline. */
    public void flush() {
        if (open == null) {
            return;
        }
        double start = (openStart - baseMillis) / 1000.0;
        double end = (openEnd - baseMillis) / 1000.0;
        for (String metric : HistogramSet.METRICS) {
            Histogram h = open.get(metric);
            h.setTag(HistogramSet.RESPONSE.equals(metric) ? null : metric);
            writer.outputIntervalHistogram(start, end, h, NANOS_PER_MILLI);
        }
        timeline.add(point(openStart, openEnd, open.get(HistogramSet.RESPONSE), openKo));
        open = null;
    }

    /**
     * @param startMillis interval start
     * @param endMillis interval end
     * @param response response times (ns)
     * @param ko failures
     * @return the interval's timeline point
     */
    public static TimelinePoint point(long startMillis, long endMillis, AbstractHistogram response, long ko) {
        long n = response.getTotalCount();
        double seconds = Math.max(1, endMillis - startMillis) / 1000.0;
        return new TimelinePoint(
                startMillis,
                endMillis,
                n,
                ko,
                StatsMath.rate(n, seconds),
                n == 0 ? 0 : response.getValueAtPercentile(50) / 1000.0,
                n == 0 ? 0 : response.getValueAtPercentile(99) / 1000.0,
                n == 0 ? 0 : response.getMaxValue() / 1000.0);
    }

    /** @return the log's text so far, after flushing the open interval */
    public byte[] hlog() {
        flush();
        return text.toByteArray();
    }

    /** @return the timeline so far (flushed intervals only) */
    public List<TimelinePoint> timeline() {
        return List.copyOf(timeline);
    }

    /**
     * @param measuredFrom the measurement's start, ms since the epoch
     * @return the timeline of the measurement (flushed intervals only): intervals before it without requests left out
     */
    public List<TimelinePoint> measuredTimeline(long measuredFrom) {
        return timeline.stream()
                .filter(p -> p.count() > 0 || p.endEpochMillis() > measuredFrom)
                .map(p -> clip(p, measuredFrom))
                .toList();
    }

    /** An interval that began in the warmup holds measured requests only: its rate counts from the measurement start. */
    private static TimelinePoint clip(TimelinePoint p, long measuredFrom) {
        if (p.startEpochMillis() >= measuredFrom || p.endEpochMillis() <= measuredFrom) {
            return p;
        }
        double seconds = Math.max(1, p.endEpochMillis() - measuredFrom) / 1000.0;
        return new TimelinePoint(
                measuredFrom,
                p.endEpochMillis(),
                p.count(),
                p.ko(),
                StatsMath.rate(p.count(), seconds),
                p.p50Micros(),
                p.p99Micros(),
                p.maxMicros());
    }
}

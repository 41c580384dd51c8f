package dev.salvo.reports.internal;

import dev.salvo.reports.Clustering;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

/**
 * One query kind's response times per short interval (about a second), kept compressed in memory (a few hundred bytes
 * per interval) only to measure at the end how clustered in time its slow requests were ({@link Clustering}); not
 * written to the run directory. Intervals of several request names that end within {@link #ALIGN_MILLIS} of each
 * other are added into one. Not thread-safe. Internal.
 */
public final class ClusterLog {
    /** Interval ends closer than this belong to the same interval. */
    public static final long ALIGN_MILLIS = 250;

    private final List<byte[]> intervals = new ArrayList<>();
    private final List<Long> ends = new ArrayList<>();
    private Histogram open;
    private long openEnd;

    /**
     * @param endMillis the interval's end, ms since the epoch
     * @param response its response times (copied)
     */
    public void add(long endMillis, AbstractHistogram response) {
        if (open != null && Math.abs(endMillis - openEnd) > ALIGN_MILLIS) {
            flush();
        }
        if (open == null) {
            open = HistogramSet.newHistogram();
            openEnd = endMillis;
        }
        open.add(response);
        openEnd = Math.max(openEnd, endMillis);
    }

    private void flush() {
        if (open == null) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocate(open.getNeededByteBufferCapacity());
        int length = open.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        intervals.add(bytes);
        ends.add(openEnd);
        open = null;
    }

    /**
     * @param total the kind's response times over the whole measurement (its percentiles are the splits)
     * @param measuredFrom the measurement's start, ms since the epoch: interval i ends i + 1 intervals after it
     * @return the clustering of the measurement's intervals
     */
    public Clustering clustering(AbstractHistogram total, long measuredFrom) {
        flush();
        long tick = Clustering.TICK_MILLIS;
        Overdispersion.Counter counter = new Overdispersion.Counter(total);
        int intervalCount = 0;
        for (int j = 0; j < intervals.size(); j++) {
            long end = ends.get(j);
            if (end <= measuredFrom) {
                continue; // the warmup's (nothing measured)
            }
            int index = (int) Math.min(10_000_000, (end - measuredFrom + tick - 1) / tick - 1);
            try {
                counter.add(index, Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(intervals.get(j)), 0));
            } catch (DataFormatException e) {
                throw new IllegalStateException("an interval histogram written in memory did not decode", e);
            }
            intervalCount = Math.max(intervalCount, index + 1);
        }
        return counter.clustering(tick, intervalCount);
    }
}

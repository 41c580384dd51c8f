package dev.salvo.reports;

import dev.salvo.reports.internal.HlogFiles;
import dev.salvo.reports.internal.Overdispersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Where a percentile verdict's clustering correction comes from: each run's {@link Clustering} of the kind in
 * {@code results.json} (one-second intervals, recorded since it exists), else the kind log's intervals (the progress
 * period, 5 s by default: runs written before), else none (a baseline of such a run holds one interval).
 */
final class ClusterCorrection {
    private ClusterCorrection() {}

    /**
     * @return the dispersion {@code phi} of the kind's exceedances of the percentile over both runs' common intervals,
     *     NaN when it cannot be measured
     */
    static double phi(Verdicts.Side a, Verdicts.Side b, String kind, String metric) {
        return Overdispersion.phi(a.clustering().get(kind), b.clustering().get(kind), metric);
    }

    /**
     * @return the dispersion of the kind's exceedances relative to the control kind's in both runs, NaN when it cannot be
     *     measured ({@link Overdispersion#contrast})
     */
    static double contrast(Verdicts.Side a, Verdicts.Side b, String kind, String control, String metric) {
        return Overdispersion.contrast(
                a.clustering().get(kind),
                a.clustering().get(control),
                b.clustering().get(kind),
                b.clustering().get(control),
                metric);
    }

    /**
     * @param log a kind's interval log (a run written before clustering was recorded)
     * @param total its response times
     * @return the clustering over its intervals in file order (the intervals' length the median of theirs, in whole
     *     seconds), null with fewer than two intervals
     */
    static Clustering fromLog(byte[] log, Histogram total) {
        Overdispersion.Counter counter = new Overdispersion.Counter(total);
        List<Long> lengths = new ArrayList<>();
        HlogFiles.forEachResponse(log, h -> {
            counter.add(lengths.size(), h);
            lengths.add(h.getEndTimeStamp() - h.getStartTimeStamp());
        });
        if (lengths.size() < 2) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(lengths);
        sorted.sort(null);
        long seconds = Math.max(1, Math.round(sorted.get(sorted.size() / 2) / 1000.0));
        return counter.clustering(seconds * 1000, lengths.size());
    }

    /**
     * @param phi the dispersion measured, NaN when none could be
     * @param factor the factor the test's variance was multiplied by
     * @return the note on the test's description
     */
    static String note(double phi, double factor) {
        if (Double.isNaN(phi)) {
            return "; not corrected for clustering (no intervals recorded)";
        }
        if (!(factor > 1)) {
            return String.format(Locale.ROOT, "; no clustering found (dispersion %.2f)", phi);
        }
        return String.format(Locale.ROOT, "; widened for clustering x%.2f (quasi-binomial dispersion)", factor);
    }
}

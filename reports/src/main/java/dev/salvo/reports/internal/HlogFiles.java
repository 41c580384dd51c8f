package dev.salvo.reports.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

/** Reads and writes Salvo's HdrHistogram logs (standard {@code .hlog} text). Internal. */
public final class HlogFiles {
    /** Directory of the logs inside a run directory. */
    public static final String DIR = "histograms";
    /** Per request name totals, one tagged histogram per metric and name. */
    public static final String REQUESTS = "requests.hlog";
    /** Suffix of the per-kind interval logs. */
    public static final String SUFFIX = ".hlog";

    private HlogFiles() {}

    /**
     * @param totals per request name
     * @param startMillis measurement start, ms since the epoch
     * @param endMillis measurement end, ms since the epoch
     * @return the text of {@code requests.hlog}: tag {@code <metric>:<url-encoded name>}
     */
    public static byte[] requestsLog(Map<String, HistogramSet> totals, long startMillis, long endMillis) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HistogramLogWriter writer = new HistogramLogWriter(out);
        writer.outputComment("Salvo totals per request name: values in nanoseconds; Tag=<metric>:<url-encoded name>,"
                + " metric one of response, service, wait, lag");
        writer.outputLogFormatVersion();
        writer.outputStartTime(startMillis);
        writer.setBaseTime(startMillis);
        writer.outputBaseTime(startMillis);
        writer.outputLegend();
        double end = Math.max(0, endMillis - startMillis) / 1000.0;
        totals.forEach((name, set) -> {
            for (String metric : HistogramSet.METRICS) {
                Histogram h = set.get(metric).copy();
                h.setTag(metric + ":" + URLEncoder.encode(name, StandardCharsets.UTF_8));
                writer.outputIntervalHistogram(0, end, h, KindLog.NANOS_PER_MILLI);
            }
        });
        return out.toByteArray();
    }

    /**
     * Visits every histogram of a log; timestamps are absolute (ms since the epoch).
     *
     * @param file the log
     * @param visitor called per histogram, in file order
     * @throws IllegalArgumentException naming the file when it is missing or corrupt
     */
    public static void forEach(Path file, Consumer<EncodableHistogram> visitor) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": a Salvo run's histogram log must exist, but it does not");
        }
        try (InputStream in = Files.newInputStream(file)) {
            HistogramLogReader reader = new HistogramLogReader(in);
            int histograms = 0;
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                histograms++;
                visitor.accept(h);
            }
            if (histograms == 0 && Files.size(file) > 0 && !startsLikeALog(file)) {
                throw new IllegalArgumentException("no histogram and no log header");
            }
            long dataLines = dataLines(file);
            if (dataLines != histograms) {
                // HistogramLogReader skips lines it cannot parse: a damaged line must not silently drop data
                throw new IllegalArgumentException(
                        "only " + histograms + " of its " + dataLines + " histogram lines parse");
            }
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IllegalArgumentException(
                    file + ": must be a readable HdrHistogram log, but "
                            + why.lines().findFirst().orElse(why),
                    e);
        }
    }

    private static long dataLines(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("\"StartTimestamp\""))
                    .count();
        }
    }

    private static boolean startsLikeALog(Path file) throws IOException {
        String first = Files.readAllLines(file).stream().findFirst().orElse("");
        return first.startsWith("#");
    }

    /**
     * @param file a {@code requests.hlog}
     * @return totals per request name
     */
    public static Map<String, HistogramSet> readRequests(Path file) {
        Map<String, HistogramSet> totals = new TreeMap<>();
        forEach(file, h -> {
            String tag = h.getTag();
            int colon = tag == null ? -1 : tag.indexOf(':');
            if (colon < 0 || !HistogramSet.METRICS.contains(tag.substring(0, colon))) {
                throw new IllegalArgumentException("tag must be <metric>:<name>, but was " + tag);
            }
            String name = URLDecoder.decode(tag.substring(colon + 1), StandardCharsets.UTF_8);
            totals.computeIfAbsent(name, n -> new HistogramSet())
                    .get(tag.substring(0, colon))
                    .add((Histogram) h);
        });
        return totals;
    }

    /**
     * @param log the text of a kind's interval log
     * @return the sum of its intervals, per metric (untagged histograms are response times)
     * @throws IllegalArgumentException when the text is not a histogram log
     */
    public static HistogramSet totals(byte[] log) {
        HistogramSet totals = new HistogramSet();
        HistogramLogReader reader = new HistogramLogReader(new java.io.ByteArrayInputStream(log));
        EncodableHistogram h;
        while ((h = reader.nextIntervalHistogram()) != null) {
            totals.get(metricOf(h.getTag())).add((Histogram) h);
        }
        return totals;
    }

    /**
     * @param log the text of a kind's interval log
     * @param visitor called with its response-time histograms (untagged), one per interval in file order (their time
     *     stamps are seconds from the log's base)
     */
    public static void forEachResponse(byte[] log, Consumer<Histogram> visitor) {
        HistogramLogReader reader = new HistogramLogReader(new java.io.ByteArrayInputStream(log));
        EncodableHistogram h;
        while ((h = reader.nextIntervalHistogram()) != null) {
            if (HistogramSet.RESPONSE.equals(metricOf(h.getTag()))) {
                visitor.accept((Histogram) h);
            }
        }
    }

    /**
     * @param tag a kind log's tag
     * @return the metric it holds
     */
    public static String metricOf(String tag) {
        return tag == null ? HistogramSet.RESPONSE : tag;
    }
}

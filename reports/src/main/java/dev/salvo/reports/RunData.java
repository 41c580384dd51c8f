package dev.salvo.reports;

import dev.salvo.reports.internal.HistogramSet;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a run directory holds: the summary ({@link RunResults}) and its HdrHistogram logs. Produced by
 * {@link ResultsBuilder#build()} and {@link RunDirectory#read}, written by {@link RunDirectory#write}.
 */
public final class RunData {
    private final RunResults results;
    private final Map<String, byte[]> kindLogs;
    private final Map<String, HistogramSet> requestTotals;

    private final Map<String, byte[]> files;

    RunData(RunResults results, Map<String, byte[]> kindLogs, Map<String, HistogramSet> requestTotals) {
        this(results, kindLogs, requestTotals, Map.of());
    }

    private RunData(
            RunResults results,
            Map<String, byte[]> kindLogs,
            Map<String, HistogramSet> requestTotals,
            Map<String, byte[]> files) {
        this.results = results;
        this.kindLogs = Collections.unmodifiableMap(new TreeMap<>(kindLogs));
        this.requestTotals = Collections.unmodifiableMap(new TreeMap<>(requestTotals));
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /**
     * @param name a file name in the run directory (e.g. {@value SnowflakeResults#FILE})
     * @param content its content
     * @return this run with the file, written beside results.json by {@link RunDirectory#write}
     */
    RunData withFile(String name, byte[] content) {
        Map<String, byte[]> f = new TreeMap<>(files);
        f.put(name, content);
        return new RunData(results, kindLogs, requestTotals, f);
    }

    /** @return extra files beside results.json (merged by {@link MergedFile}s), by name */
    public Map<String, byte[]> files() {
        return files;
    }

    /** @return the summary, as in {@code results.json} */
    public RunResults results() {
        return results;
    }

    /** @return per query kind, the text of its {@code .hlog} interval log (for internal use) */
    public Map<String, byte[]> kindLogs() {
        return kindLogs;
    }

    /** @return per request name, its total histograms in ns (for internal use; do not modify) */
    public Map<String, HistogramSet> requestTotals() {
        return requestTotals;
    }
}

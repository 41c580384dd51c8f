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

  RunData(RunResults results, Map<String, byte[]> kindLogs, Map<String, HistogramSet> requestTotals) {
    this.results = results;
    this.kindLogs = Collections.unmodifiableMap(new TreeMap<>(kindLogs));
    this.requestTotals = Collections.unmodifiableMap(new TreeMap<>(requestTotals));
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

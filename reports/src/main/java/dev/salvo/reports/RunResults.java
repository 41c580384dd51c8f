package dev.salvo.reports;

import java.util.List;

/**
 * The summary of one run, as written to {@code results.json}. This is the only input of reports, comparisons and merges.
 * The format is documented in {@code docs/results-format.md}; {@link #CURRENT_FORMAT_VERSION} changes whenever a field
 * changes meaning or disappears.
 *
 * @param formatVersion the format version, {@link #CURRENT_FORMAT_VERSION} when written by this build
 * @param simulation the simulation's simple class name
 * @param startedAt ISO-8601 instant the run started
 * @param endedAt ISO-8601 instant the results were written
 * @param database where the load went (never with credentials)
 * @param requests per request name, sorted by name
 */
public record RunResults(
    int formatVersion,
    String simulation,
    String startedAt,
    String endedAt,
    DatabaseInfo database,
    List<RequestStats> requests) {

  /** The version this build writes and reads. */
  public static final int CURRENT_FORMAT_VERSION = 1;

  /**
   * @param dialect the dialect's name, e.g. {@code postgresql}
   * @param product the database product name the driver reported
   * @param version the database product version the driver reported
   * @param url the JDBC URL with credentials masked, or {@code embedded}
   * @param embedded true when Salvo started its embedded PostgreSQL
   * @param poolSize the connection pool size
   */
  public record DatabaseInfo(String dialect, String product, String version, String url, boolean embedded, int poolSize) {}

  /**
   * Statistics of one request name.
   *
   * @param name the request name
   * @param kind the query kind, e.g. {@code POINT_LOOKUP}
   * @param count requests completed (ok + ko)
   * @param ok requests that succeeded
   * @param ko requests that failed
   * @param errors failures by {@code SQLSTATE: message}
   * @param rows result rows read
   * @param bytes result bytes read, 0 where the driver cannot tell
   * @param warmupRequests requests that started during the warmup; they are in no other field
   * @param responseMicros latency from the request's intended start to its last row read, in µs
   * @param serviceMicros latency from the statement's execution (connection in hand) to its last row read, in µs
   * @param waitMicros time from the intended start until a connection was in hand (Salvo thread and pool), in µs
   * @param scheduleLagMicros how long requests waited for a free Salvo thread after their intended start, in µs
   *     (included in the wait and response times)
   */
  public record RequestStats(
      String name,
      String kind,
      long count,
      long ok,
      long ko,
      java.util.Map<String, Long> errors,
      long rows,
      long bytes,
      long warmupRequests,
      Latency responseMicros,
      Latency serviceMicros,
      Latency waitMicros,
      Latency scheduleLagMicros) {}

  /**
   * Latency distribution in microseconds (fractions kept to the nanosecond).
   *
   * @param min smallest
   * @param mean arithmetic mean
   * @param p50 median
   * @param p90 90th percentile
   * @param p95 95th percentile
   * @param p99 99th percentile
   * @param p999 99.9th percentile
   * @param max largest
   */
  public record Latency(double min, double mean, double p50, double p90, double p95, double p99, double p999,
      double max) {

    /** A distribution with no samples. */
    public static final Latency EMPTY = new Latency(0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * @param nanos a histogram of nanosecond values
     * @return its distribution in microseconds, or {@link #EMPTY} when it holds no samples
     */
    public static Latency ofNanos(org.HdrHistogram.Histogram nanos) {
      if (nanos.getTotalCount() == 0) {
        return EMPTY;
      }
      return new Latency(
          micros(nanos.getMinValue()),
          micros(nanos.getMean()),
          micros(nanos.getValueAtPercentile(50)),
          micros(nanos.getValueAtPercentile(90)),
          micros(nanos.getValueAtPercentile(95)),
          micros(nanos.getValueAtPercentile(99)),
          micros(nanos.getValueAtPercentile(99.9)),
          micros(nanos.getMaxValue()));
    }

    private static double micros(double nanos) {
      return Math.round(nanos) / 1000.0;
    }
  }
}

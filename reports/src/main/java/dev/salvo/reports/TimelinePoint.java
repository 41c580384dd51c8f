package dev.salvo.reports;

/**
 * One interval of a kind's timeline (from the HdrHistogram log, plus the failures counted in it).
 *
 * @param startEpochMillis the interval's start, ms since the epoch
 * @param endEpochMillis the interval's end, ms since the epoch
 * @param count requests completed in it
 * @param ko requests failed in it
 * @param throughput requests per second
 * @param p50Micros median response time in µs
 * @param p99Micros 99th percentile of response time in µs
 * @param maxMicros largest response time in µs
 */
public record TimelinePoint(
        long startEpochMillis,
        long endEpochMillis,
        long count,
        long ko,
        double throughput,
        double p50Micros,
        double p99Micros,
        double maxMicros) {}

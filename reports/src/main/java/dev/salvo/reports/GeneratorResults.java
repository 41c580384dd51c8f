package dev.salvo.reports;

import dev.salvo.reports.RunResults.Latency;
import java.util.List;

/**
 * The load generator's own timing, results.json's {@code generator} section (see docs/performance.md, "Intended start"
 * and "Hiccup recorder").
 *
 * @param intendedStart {@code schedule} when open-model requests were timed from the users' scheduled arrivals,
 *     {@code action} when from the moment users reached them (closed model, or the schedule could not be read)
 * @param scheduledUsers virtual users matched to a scheduled arrival
 * @param lateMicros per open-model request, how far its intended start lies before the moment the user reached it
 *     (the generator's own lateness, charged to the request), in µs
 * @param hiccupMicros how much later than asked a thread sleeping 1 ms woke up, in µs
 * @param stallMillis the generator's stall time: hiccups of 1 ms or more, added up, in ms
 * @param stalls hiccups of 50 ms or more (at most 1000), in time order
 * @param hiccupTimeline hiccups per second
 * @param hiccupHistogram the hiccup histogram (ns), HdrHistogram's compressed encoding in Base64
 * @param warnings percentiles that the generator's hiccups could distort, one line per request; empty when none
 */
public record GeneratorResults(
        String intendedStart,
        long scheduledUsers,
        Latency lateMicros,
        Latency hiccupMicros,
        double stallMillis,
        List<Stall> stalls,
        List<HiccupPoint> hiccupTimeline,
        String hiccupHistogram,
        List<String> warnings) {
    /** Normalizes absent lists. */
    public GeneratorResults {
        lateMicros = lateMicros == null ? Latency.EMPTY : lateMicros;
        hiccupMicros = hiccupMicros == null ? Latency.EMPTY : hiccupMicros;
        stalls = stalls == null ? List.of() : stalls;
        hiccupTimeline = hiccupTimeline == null ? List.of() : hiccupTimeline;
        warnings = warnings == null ? List.of() : warnings;
    }

    /**
     * @param newWarnings the warnings
     * @return this with those warnings
     */
    public GeneratorResults withWarnings(List<String> newWarnings) {
        return new GeneratorResults(
                intendedStart,
                scheduledUsers,
                lateMicros,
                hiccupMicros,
                stallMillis,
                stalls,
                hiccupTimeline,
                hiccupHistogram,
                newWarnings);
    }

    /**
     * One stall of the load generator.
     *
     * @param startEpochMillis when it began
     * @param millis how long it lasted
     */
    public record Stall(long startEpochMillis, double millis) {}

    /**
     * One second of the hiccup recorder, with the lateness charged to open-model requests in that second and the JIT's
     * compilation time.
     *
     * @param startEpochMillis interval start
     * @param endEpochMillis interval end
     * @param p99Micros 99th percentile hiccup
     * @param maxMicros longest hiccup
     * @param stallMillis stall time in the interval
     * @param lateCount open-model requests started in the interval
     * @param lateP50Micros median lateness charged to them (see {@link GeneratorResults#lateMicros()})
     * @param lateP99Micros 99th percentile lateness charged to them
     * @param lateMaxMicros longest lateness charged to them
     * @param jitMillis how long the JVM's JIT compilers compiled in the interval, all compiler threads added up
     *     ({@code CompilationMXBean}), in ms; null when the JVM does not say (or the results predate it). Compilation
     *     in the measurement means code the warmup did not settle (docs/warmup-jit.md)
     */
    public record HiccupPoint(
            long startEpochMillis,
            long endEpochMillis,
            double p99Micros,
            double maxMicros,
            double stallMillis,
            long lateCount,
            double lateP50Micros,
            double lateP99Micros,
            double lateMaxMicros,
            Double jitMillis) {}
}

package dev.salvo.reports;

import java.util.List;
import org.HdrHistogram.Histogram;

/** Deterministic runs in which something went wrong (a stalled load generator, a database outage), for tests. */
public final class IncidentRuns {
    private IncidentRuns() {}

    /** @return {@link TestRuns#run(String, int, double, double)} whose load generator stalled 1 s in its 30th second */
    static RunData stalledRun() {
        long t = TestRuns.START.toEpochMilli() + 5_000;
        List<GeneratorResults.HiccupPoint> timeline = new java.util.ArrayList<>();
        Histogram hiccups = new Histogram(3);
        for (int s = 0; s < 60; s++) {
            long max = s == 30 ? 1_003_000_000L : 80_000L + 10_000L * (s % 3);
            timeline.add(new GeneratorResults.HiccupPoint(
                    t + s * 1000L,
                    t + (s + 1) * 1000L,
                    70.0,
                    max / 1000.0,
                    s == 30 ? 1003.0 : 0,
                    200,
                    0,
                    s == 31 ? 990_000.0 : 150.0,
                    s == 31 ? 1_000_000.0 : 400.0,
                    s < 5 ? 120.0 : 2.0)); // the JIT still compiling in the first seconds (warmup too short)
            hiccups.recordValueWithCount(70_000, 900);
            hiccups.recordValue(max);
        }
        return TestRuns.builder("Stalled", 8, 1, 1, TestRuns.START, 0)
                .generator(new GeneratorResults(
                        "schedule",
                        12_000,
                        null,
                        RunResults.Latency.ofNanos(hiccups),
                        1003.0,
                        List.of(new GeneratorResults.Stall(t + 30_000, 1003.0)),
                        timeline,
                        "",
                        null))
                .build();
    }

    /**
     * Worker {@code index} of 2 of run "r1" that saw a 5 s outage beginning {@code lateMillis} after
     * {@link #outageRun()}'s, and whose drain cancelled {@code cancelled} statements.
     */
    static RunData outageWorker(int index, long lateMillis, int cancelled) {
        long t = TestRuns.START.toEpochMilli() + 5_000 + 20_000 + lateMillis;
        FaultResults.Outage outage = new FaultResults.Outage(
                t,
                t + 5_000,
                5.0,
                "Connection to localhost:5432 refused. (SQLSTATE 08001)",
                false,
                40 + index,
                java.util.Map.of("POINT_LOOKUP", 40L + index),
                java.util.Map.of("order by id", 40L + index),
                t + 4_600);
        return TestRuns.builder("Outage", 8, 1, 1, TestRuns.START, index)
                .worker("r1", index, 2, null, null, false)
                .faults(new FaultResults(
                        2000, false, List.of(outage), new FaultResults.Drain(30_000, 30_000 + index, cancelled)))
                .build();
    }

    /** A run with a 5 s outage 20 s into the measurement, its failures, and a drain that cancelled one statement. */
    static RunData outageRun() {
        long t = TestRuns.START.toEpochMilli() + 5_000 + 20_000;
        FaultResults.Outage outage = new FaultResults.Outage(
                t,
                t + 5_000,
                5.0,
                "Connection to localhost:5432 refused. (SQLSTATE 08001)",
                false,
                42,
                java.util.Map.of("POINT_LOOKUP", 42L),
                java.util.Map.of("order by id", 42L),
                t + 4_600);
        return TestRuns.builder("Outage", 8, 1, 1, TestRuns.START, 0)
                .faults(new FaultResults(2000, false, List.of(outage), new FaultResults.Drain(30_000, 30_012, 1)))
                .build();
    }
}

package dev.salvo.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salvo.reports.internal.GeneratorVerdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorVerdictTest {

    @Test
    void aOneSecondStallInAOneMinuteRunFlagsTheTailPercentilesItCouldDistort() {
        RunResults r = IncidentRuns.stalledRun().results();
        // 1.003 s stalled of 60.003 s measured: 1.67 % of the run; p99 (1 % tail) and beyond are within twice that
        assertThat(r.generator().warnings())
                .hasSize(4)
                .first()
                .asString()
                .isEqualTo(
                        "'customer by id' p99, p99.9, max: the load generator stalled up to 1003.0 ms (1003.0 ms in all,"
                                + " 1.67% of the measurement) and started requests late by up to 0.0 ms (p99 0.0 ms); these may show Salvo's own"
                                + " delays, not the database");
    }

    @Test
    void compilationInTheMeasurementsFirstSecondsWarnsOnceForTheRunAndItsLaterSecondsDoNot() {
        RunResults r = IncidentRuns.stalledRun().results();
        // the JIT compiled 120 ms a second in the first 5 s, 2 ms a second after: 610 ms in the first 10 s, 710 in all
        assertThat(r.generator().warnings())
                .last()
                .asString()
                .isEqualTo("the JIT compiled for 610 ms in the measurement's first 10 s (710 ms in all): the warmup did"
                        + " not settle Salvo's code, and compiling takes CPU from the requests on a small machine; the"
                        + " warmup ran 150 requests and C2 compiles the request path after about 10,000: at 45"
                        + " requests/s, a warmup of 223 s or more (docs/warmup-jit.md)");
        long t0 = java.time.Instant.parse(r.measurementStartedAt()).toEpochMilli();
        // measured from 10 s later, the same timeline holds 20 ms in the first 10 s: no warning
        assertThat(GeneratorVerdict.jitMillis(r.generator(), t0 + 10_000)).containsExactly(100.0, 20.0);
        assertThat(GeneratorVerdict.warnings(r.generator(), r.requests(), t0 + 10_000, r.measurementSeconds()))
                .noneMatch(w -> w.startsWith("the JIT"));
    }

    private static RunResults.RequestStats stats(String name, double throughput, long warmupRequests) {
        return new RunResults.RequestStats(
                name,
                "POINT_LOOKUP",
                1,
                1,
                0,
                0,
                null,
                null,
                0,
                0,
                throughput,
                0,
                0,
                warmupRequests,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void theWarmupAdviceCountsEveryRequestNameAndSaysWhenTheWarmupRanEnough() {
        // 2,500 warmup requests at 500/s (two names sharing the request path): 10,000 take 20 s
        assertThat(GeneratorVerdict.warmupAdvice(List.of(stats("a", 400, 2_000), stats("b", 100, 500))))
                .isEqualTo("the warmup ran 2,500 requests and C2 compiles the request path after about 10,000: at 500"
                        + " requests/s, a warmup of 20 s or more (docs/warmup-jit.md)");
        // rounded up: 10,000 / 30 = 333.3
        assertThat(GeneratorVerdict.warmupAdvice(List.of(stats("a", 30, 10))))
                .contains("at 30 requests/s, a warmup of 334 s or more");
        assertThat(GeneratorVerdict.warmupAdvice(List.of(stats("a", 0, 10))))
                .isEqualTo("the warmup ran 10 requests and C2 compiles the request path after about 10,000"
                        + " (docs/warmup-jit.md)");
        assertThat(GeneratorVerdict.warmupAdvice(List.of(stats("a", 30_000, 150_000))))
                .isEqualTo("the warmup ran 150,000 requests, as many as C2 needs, so what compiled is code the warmup"
                        + " does not run (docs/warmup-jit.md)");
    }

    @Test
    void requestsStartedLateByTheGeneratorFlagThePercentilesTheLatenessReaches() {
        RunResults r = IncidentRuns.stalledRun().results();
        // no stall seen by the hiccup thread, but a tenth of the requests started 100-500 ms late (starved of CPU)
        RunResults.Latency late =
                new RunResults.Latency(1000, 0, 30_000, 0, 200, 500, 100_000, 200_000, 400_000, 480_000, 500_000);
        GeneratorResults starved = new GeneratorResults(
                "schedule", 1000, late, RunResults.Latency.EMPTY, 0, List.of(), List.of(), "", null);
        assertThat(GeneratorVerdict.warnings(starved, r.requests(), 0L, r.measurementSeconds()))
                .hasSize(3)
                .allSatisfy(w -> assertThat(w)
                        .contains(" p90, p95, p99, p99.9, max: ")
                        .contains("started requests late by up to 500.0 ms (p99 400.0 ms)"));
    }

    @Test
    void hiccupsFarBelowTheLatenciesFlagNothing() {
        RunResults r = IncidentRuns.stalledRun().results();
        GeneratorResults quiet = new GeneratorResults(
                "schedule",
                1,
                null,
                new RunResults.Latency(10, 0, 1, 0, 1, 1, 1, 1, 1, 5, 9.0),
                0,
                List.of(),
                List.of(),
                "",
                null);
        assertThat(GeneratorVerdict.warnings(quiet, r.requests(), 0L, r.measurementSeconds()))
                .isEmpty();
    }
}

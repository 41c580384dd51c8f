package dev.salvo.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salvo.feeders.ParameterGenerator;
import dev.salvo.feeders.ParameterSpec;
import dev.salvo.reports.ResultsBuilder;
import dev.salvo.runtime.ParameterSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacedLoopTest {
    private static final long T0 = 5_000_000_000L;
    private static final long SECOND = 1_000_000_000L;

    private static ParameterGenerator uniform(long seed) {
        return ParameterGenerator.builder()
                .seed(seed)
                .parameters(ParameterSpec.randomNumeric("u", 0.0, 1.0))
                .build();
    }

    private static List<Long> dues(PacedLoop schedule) {
        List<Long> dues = new ArrayList<>();
        long due;
        while ((due = schedule.next(T0)) != Long.MIN_VALUE) {
            dues.add(due);
        }
        return dues;
    }

    @Test
    void aScheduleIsAPoissonProcessAtItsRateThatEndsAtItsDuration() {
        List<Long> dues = dues(new PacedLoop(uniform(7), 1000, 10 * SECOND, 0, 1));
        assertThat(dues).hasSizeBetween(9_600, 10_400); // 10,000 expected, sd 100
        assertThat(dues).isSorted().allSatisfy(d -> assertThat(d).isBetween(T0, T0 + 10 * SECOND - 1));
        // exponential gaps: mean 1 ms, coefficient of variation 1 (evenly spaced arrivals would have 0)
        double mean = 0;
        double square = 0;
        for (int i = 1; i < dues.size(); i++) {
            double gap = dues.get(i) - dues.get(i - 1);
            mean += gap;
            square += gap * gap;
        }
        int n = dues.size() - 1;
        mean /= n;
        double cv = Math.sqrt(square / n - mean * mean) / mean;
        assertThat(mean).isBetween(0.95e6, 1.05e6);
        assertThat(cv).isBetween(0.9, 1.1);
    }

    @Test
    void theSameSeedGivesTheSameScheduleAndAnotherSeedAnother() {
        assertThat(dues(new PacedLoop(uniform(7), 200, SECOND, 0, 1)))
                .isEqualTo(dues(new PacedLoop(uniform(7), 200, SECOND, 0, 1)))
                .isNotEqualTo(dues(new PacedLoop(uniform(8), 200, SECOND, 0, 1)));
    }

    @Test
    void workersTogetherRunTheOneScheduleOnce() {
        List<Long> whole = dues(new PacedLoop(uniform(7), 500, 2 * SECOND, 0, 1));
        List<Long> shared = new ArrayList<>();
        for (int worker = 0; worker < 3; worker++) {
            List<Long> share = dues(new PacedLoop(uniform(7), 500, 2 * SECOND, worker, 3));
            assertThat(share.size()).isBetween(whole.size() / 3 - 1, whole.size() / 3 + 1);
            shared.addAll(share);
        }
        shared.sort(null);
        assertThat(shared).isEqualTo(whole);
    }

    @Test
    void aSecondPacedLoopOfOneRequestDrawsItsOwnScheduleTheSameOnEveryRun() {
        ParameterSettings settings = new ParameterSettings(Path.of("profiles"), false, 1, 0, 1);
        ParameterContext run = new ParameterContext(settings, null, new ResultsBuilder("Sim", Instant.now()));
        ParameterContext again = new ParameterContext(settings, null, new ResultsBuilder("Sim", Instant.now()));
        List<Long> first = dues(run.pacedLoop("lookup", 200, Duration.ofSeconds(1)));
        List<Long> second = dues(run.pacedLoop("lookup", 200, Duration.ofSeconds(1)));
        // the same arrival times twice would send the two loops' requests in lockstep bursts
        assertThat(second).isNotEqualTo(first);
        assertThat(dues(again.pacedLoop("lookup", 200, Duration.ofSeconds(1)))).isEqualTo(first);
        assertThat(dues(again.pacedLoop("lookup", 200, Duration.ofSeconds(1)))).isEqualTo(second);
    }
}

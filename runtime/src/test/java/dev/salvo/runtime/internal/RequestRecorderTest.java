package dev.salvo.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salvo.reports.Clustering;
import dev.salvo.reports.ResultsBuilder;
import dev.salvo.reports.RunResults;
import dev.salvo.runtime.Slo;
import dev.salvo.sql.QueryKind;
import java.time.Instant;
import java.util.Arrays;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class RequestRecorderTest {
    private final ResultsBuilder results = new ResultsBuilder("Sim", Instant.now());
    private final RequestRecorder lookup =
            new RequestRecorder("lookup", QueryKind.POINT_LOOKUP, Slo.none(), results, null);

    private RunResults.RequestStats reported() {
        lookup.snapshot();
        return results.build().results().requests().stream()
                .filter(r -> r.name().equals("lookup"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void requestsRecordedIntoTheWarmupSinkAreCountedAsWarmupAndInNoOtherNumber() {
        lookup.warmupSink.record(9_000_000, 9_000_000, 0, 0, 1, 40, null);
        lookup.warmupSink.record(8_000_000, 8_000_000, 0, 0, 1, 40, null);
        lookup.warmupSink.record(7_000_000, -1, -1, 0, 0, 0, "08001: refused");
        lookup.recordWarmup();
        lookup.record(1_000_000, 900_000, 100_000, 0, 1, 40, null);
        lookup.record(2_000_000, 1_900_000, 100_000, 0, 1, 40, null);

        assertThat(lookup.warmupRequests()).isEqualTo(4);
        RunResults.RequestStats r = reported();
        assertThat(r.warmupRequests()).isEqualTo(4);
        assertThat(r.count()).isEqualTo(2);
        assertThat(r.ko()).isZero();
        assertThat(r.errors()).isEmpty();
        assertThat(r.rows()).isEqualTo(2);
        assertThat(r.bytes()).isEqualTo(80);
        // the warmup's 7-9 ms never reach the measured histogram
        assertThat(r.responseMicros().max()).isLessThan(2_100);
    }

    @Test
    void aWarmupSinkKeepsSmallHistogramsAndHasNoSinkOfItsOwn() {
        assertThat(lookup.warmupSink).isNotNull();
        assertThat(lookup.warmupSink.warmupSink).isNull();
        assertThat(lookup.warmupSink.name).isEqualTo("lookup");
        assertThat(lookup.warmupSink.kind).isEqualTo(QueryKind.POINT_LOOKUP);
    }

    @Test
    void anIntervalHoldsEveryTickSinceThePreviousOneAndTheTicksGoToTheClustering() {
        Instant start = Instant.now().minusSeconds(5);
        ResultsBuilder ticked = new ResultsBuilder("Sim", start).measurementStartedAt(start);
        RequestRecorder recorder = new RequestRecorder("lookup", QueryKind.POINT_LOOKUP, Slo.none(), ticked, null);
        RequestRecorder statement = new RequestRecorder("tx / step", QueryKind.UPDATE, Slo.none(), ticked, null, "tx");
        recorder.record(1_000_000, 1_000_000, 0, 0, 1, 10, null);
        recorder.tick();
        recorder.record(2_000_000, 2_000_000, 0, 0, 1, 10, null);
        recorder.tick();
        recorder.record(3_000_000, 3_000_000, 0, 0, 1, 10, null);
        Histogram first = recorder.interval();
        assertThat(first.getTotalCount()).as("two ticks and the rest").isEqualTo(3);
        recorder.record(4_000_000, 4_000_000, 0, 0, 1, 10, null);
        recorder.tick();
        assertThat(recorder.interval().getTotalCount())
                .as("the next interval starts afresh")
                .isEqualTo(1);
        statement.record(5_000_000, 5_000_000, 0, 0, 1, 10, null);
        statement.tick();
        recorder.snapshot();
        statement.snapshot();
        Clustering c = ticked.build().results().kind("POINT_LOOKUP").clustering();
        assertThat(Arrays.stream(c.requests()).sum())
                .as("every measured request, once")
                .isEqualTo(4);
        assertThat(c.intervalMillis()).isEqualTo(Clustering.TICK_MILLIS);
        assertThat(ticked.build().results().kind("UPDATE").clustering())
                .as("a statement's ticks are in its transaction's")
                .isNull();
    }
}

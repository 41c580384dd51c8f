package dev.salvo.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salvo.reports.ResultsBuilder;
import dev.salvo.reports.RunResults;
import dev.salvo.runtime.Slo;
import dev.salvo.sql.QueryKind;
import java.time.Instant;
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
}

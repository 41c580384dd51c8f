package dev.salvo.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFilesTest {
    @TempDir
    Path dir;

    @Test
    void convertsNanosecondHistogramsToMicroseconds() {
        Histogram h = new Histogram(3);
        for (long v = 1; v <= 1000; v++) {
            h.recordValue(v * 1000); // 1..1000 µs
        }
        RunResults.Latency latency = RunResults.Latency.ofNanos(h);
        assertThat(latency.count()).isEqualTo(1000);
        assertThat(latency.min()).isEqualTo(1.0);
        assertThat(latency.p50()).isBetween(499.0, 501.0);
        assertThat(latency.p75()).isBetween(749.0, 751.0);
        assertThat(latency.stddev()).isBetween(288.0, 289.0);
        assertThat(latency.max()).isBetween(999.0, 1001.0);
        assertThat(RunResults.Latency.ofNanos(new Histogram(3))).isEqualTo(RunResults.Latency.EMPTY);
    }

    @Test
    void roundTripsResults() {
        RunResults results = TestRuns.run("Sim", 8, 1, 1).results();
        Path file = ResultsFiles.write(dir.resolve("run"), results);
        assertThat(file).exists();
        assertThat(ResultsFiles.read(dir.resolve("run"))).isEqualTo(results);
    }

    @Test
    void rejectsADirectoryThatIsNotARun() {
        assertThatThrownBy(() -> ResultsFiles.read(dir))
                .hasMessage(dir.resolve("results.json")
                        + ": a Salvo run directory must contain results.json, but it does not");
    }

    @Test
    void rejectsUnknownFormatVersion() throws Exception {
        Files.writeString(dir.resolve("results.json"), "{\"formatVersion\": 99}");
        assertThatThrownBy(() -> ResultsFiles.read(dir))
                .hasMessage(dir.resolve("results.json") + ": formatVersion must be between 1 and 3, but was 99");
    }

    @Test
    void readsFormatVersionOneFilesWithoutRequestInfo() throws Exception {
        Files.writeString(
                dir.resolve("results.json"),
                "{\"formatVersion\": 1, \"simulation\": \"Old\", \"requests\": "
                        + "[{\"name\": \"by id\", \"kind\": \"POINT_LOOKUP\", \"count\": 3, \"ok\": 3}]}");
        RunResults old = ResultsFiles.read(dir);
        assertThat(old.formatVersion()).isEqualTo(1);
        assertThat(old.server()).isNull();
        assertThat(old.requests()).extracting(RunResults.RequestStats::name).containsExactly("by id");
        assertThat(old.requestInfo()).isEmpty();
        assertThat(old.statementNames()).isEmpty();
    }

    @Test
    void rejectsInvalidJsonInOneLine() throws Exception {
        Files.writeString(dir.resolve("results.json"), "{\"formatVersion\": 1, ");
        assertThatThrownBy(() -> ResultsFiles.read(dir))
                .hasMessageStartingWith(dir.resolve("results.json") + ": must be valid results JSON, but ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}

package dev.salvo.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFilesTest {
  @TempDir Path dir;

  @Test
  void roundTripsResults() {
    Histogram h = new Histogram(3);
    for (long v = 1; v <= 1000; v++) {
      h.recordValue(v * 1000); // 1..1000 µs
    }
    RunResults.Latency latency = RunResults.Latency.ofNanos(h);
    assertThat(latency.min()).isEqualTo(1.0);
    assertThat(latency.p50()).isBetween(499.0, 501.0);
    assertThat(latency.max()).isBetween(999.0, 1001.0);

    RunResults results = new RunResults(RunResults.CURRENT_FORMAT_VERSION, "Sim", "2026-01-01T00:00:00Z",
        "2026-01-01T00:01:00Z", new RunResults.DatabaseInfo("postgresql", "PostgreSQL", "18.1", "embedded", true, 8),
        List.of(new RunResults.RequestStats("by id", "POINT_LOOKUP", 10, 9, 1, Map.of("42601: syntax error", 1L),
            9, 100, 0, latency, latency, latency, RunResults.Latency.EMPTY,
            new RunResults.SloVerdict(100_000.0, null, 0.01, false, List.of("p95 120.000 ms > 100 ms")))));
    Path file = ResultsFiles.write(dir.resolve("run"), results);
    assertThat(file).exists();
    assertThat(ResultsFiles.read(dir.resolve("run"))).isEqualTo(results);
  }

  @Test
  void rejectsADirectoryThatIsNotARun() {
    assertThatThrownBy(() -> ResultsFiles.read(dir))
        .hasMessage(dir.resolve("results.json") + ": a Salvo run directory must contain results.json, but it does not");
  }

  @Test
  void rejectsUnknownFormatVersion() throws Exception {
    Files.writeString(dir.resolve("results.json"), "{\"formatVersion\": 99}");
    assertThatThrownBy(() -> ResultsFiles.read(dir))
        .hasMessage(dir.resolve("results.json") + ": formatVersion must be 1, but was 99");
  }
}

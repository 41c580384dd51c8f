package dev.salvo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.reports.RunData;
import dev.salvo.reports.RunDirectory;
import dev.salvo.reports.TestRuns;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
  @TempDir Path dir;
  private final Cli cli = new Cli();

  private String run(RunData data, String name) {
    return RunDirectory.write(dir.resolve(name), data).toString();
  }

  @Test
  void comparesAndExitsWithOneOnARegression() throws Exception {
    String a = run(TestRuns.run("Sim", 8, 1, 1), "a");
    String b = run(TestRuns.run("Sim", 16, 1, 1), "b");
    String slow = run(TestRuns.run("Sim", 8, 3, 1), "slow");
    Path cmp = dir.resolve("cmp");
    assertThat(cli.run("compare", "-o", cmp.toString(), a, b)).isZero();
    assertThat(cli.out()).isEqualTo(cmp.resolve("index.html").toAbsolutePath() + System.lineSeparator()
        + "no regression beyond the thresholds" + System.lineSeparator());
    assertThat(cli.run("compare", "-o", cmp.toString(), a, b, slow)).isEqualTo(ExitCode.FAILED);
    assertThat(cli.out()).contains("REGRESSION C POINT_LOOKUP p95");
    JsonNode json = new ObjectMapper().readTree(cmp.resolve("comparison.json").toFile());
    assertThat(json.get("regression").asBoolean()).isTrue();
  }

  @Test
  void takesThresholdsFromTheCommandLine() {
    String a = run(TestRuns.run("Sim", 8, 1, 1), "a");
    String slow = run(TestRuns.run("Sim", 8, 1.5, 1), "slow");
    assertThat(cli.run("compare", "-o", dir.resolve("cmp0").toString(), a, slow)).isEqualTo(ExitCode.FAILED);
    assertThat(cli.run("compare", "-o", dir.resolve("cmp").toString(), "-t", "p50=90,p95=90", "--threshold", "p99=90",
        a, slow)).isZero();
  }

  @Test
  void refusesRunsOfDifferentSimulationsUnlessForced() {
    String a = run(TestRuns.run("Sim", 8, 1, 1), "a");
    String other = run(TestRuns.run("Other", 8, 1, 1), "other");
    assertThat(cli.run("compare", "-o", dir.resolve("cmp").toString(), a, other)).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(cli.err()).isEqualTo("salvo compare: " + other + ": compared runs must be of one simulation, but it"
        + " is Other and " + a + " is Sim (use --force to compare them anyway)" + System.lineSeparator());
    assertThat(dir.resolve("cmp")).doesNotExist();
    assertThat(cli.run("compare", "--force", "-o", dir.resolve("cmp").toString(), a, other)).isZero();
  }
}

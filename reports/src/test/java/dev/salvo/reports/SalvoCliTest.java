package dev.salvo.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SalvoCliTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return SalvoCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private String run(RunData data, String name) {
    return RunDirectory.write(dir.resolve(name), data).toString();
  }

  @Test
  void comparesAndExitsWithOneOnARegression() throws Exception {
    String a = run(TestRuns.run("Sim", 8, 1, 1), "a");
    String b = run(TestRuns.run("Sim", 16, 1, 1), "b");
    String slow = run(TestRuns.run("Sim", 8, 3, 1), "slow");
    Path cmp = dir.resolve("cmp");
    assertThat(run("compare", "-o", cmp.toString(), a, b)).isZero();
    assertThat(out.toString()).contains("no regression");
    assertThat(run("compare", "-o", cmp.toString(), a, b, slow)).isEqualTo(SalvoCli.REGRESSION);
    assertThat(out.toString()).contains("REGRESSION C POINT_LOOKUP p95");
    JsonNode json = new ObjectMapper().readTree(cmp.resolve("comparison.json").toFile());
    assertThat(json.get("regression").asBoolean()).isTrue();
    assertThat(json.get("runs")).hasSize(3);
    assertThat(Files.readString(cmp.resolve("index.html"))).contains("class=\"regression\"", "database.poolSize");
  }

  @Test
  void takesThresholdsFromTheCommandLine() {
    String a = run(TestRuns.run("Sim", 8, 1, 1), "a");
    String slow = run(TestRuns.run("Sim", 8, 1.5, 1), "slow");
    assertThat(run("compare", "-o", dir.resolve("cmp").toString(), "-t", "p50=90,p95=90", "--threshold", "p99=90",
        a, slow)).isZero();
  }

  @Test
  void reportsBadInputInOneLineWithStatusTwo() throws Exception {
    String a = run(TestRuns.run("Sim", 8, 1, 1), "a");
    String other = run(TestRuns.run("Other", 8, 1, 1), "other");
    assertThat(run("compare", "-o", dir.resolve("cmp").toString(), a, other)).isEqualTo(SalvoCli.BAD_INPUT);
    assertThat(err.toString()).isEqualTo("salvo compare: " + other + ": compared runs must be of one simulation, but it"
        + " is Other and " + a + " is Sim (use --force to compare them anyway)" + System.lineSeparator());
    assertThat(dir.resolve("cmp")).doesNotExist();
    assertThat(run("compare", "--force", "-o", dir.resolve("cmp").toString(), a, other)).isZero();

    Path notARun = Files.createDirectories(dir.resolve("empty"));
    err.getBuffer().setLength(0);
    assertThat(run("report", notARun.toString())).isEqualTo(SalvoCli.BAD_INPUT);
    assertThat(err.toString().strip()).isEqualTo("salvo report: " + notARun.resolve("results.json")
        + ": a Salvo run directory must contain results.json, but it does not");
  }

  @Test
  void mergesWorkersIntoANewRunDirectory() {
    String w0 = run(TestRuns.run("Sim", 8, 1, 1), "w0");
    String w1 = run(TestRuns.run("Sim", 8, 1, 1), "w1");
    Path merged = dir.resolve("merged");
    assertThat(run("merge", "-o", merged.toString(), w0, w1)).isZero();
    assertThat(RunDirectory.read(merged).results().environment().workerCount()).isEqualTo(2);
    err.getBuffer().setLength(0);
    assertThat(run("merge", "-o", merged.toString(), w0, w1)).isEqualTo(SalvoCli.BAD_INPUT);
    assertThat(err.toString()).contains("must not exist or be empty");
  }

  @Test
  void regeneratesAReport() throws Exception {
    Path a = Path.of(run(TestRuns.run("Sim", 8, 1, 1), "a"));
    Files.delete(a.resolve("index.html"));
    assertThat(run("report", a.toString())).isZero();
    assertThat(a.resolve("index.html")).isRegularFile();
  }

  @Test
  void hasHelpOnEveryCommand() {
    for (String command : new String[] {"report", "compare", "merge"}) {
      out.getBuffer().setLength(0);
      assertThat(run(command, "--help")).isZero();
      assertThat(out.toString()).startsWith("Usage: salvo " + command);
    }
    assertThat(run("compare", "--help")).isZero();
    assertThat(out.toString()).contains("--threshold", "--force");
  }
}

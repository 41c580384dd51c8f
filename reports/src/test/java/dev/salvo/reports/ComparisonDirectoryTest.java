package dev.salvo.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonDirectoryTest {
    @TempDir
    Path dir;

    private Path run(RunData data, String name) {
        return RunDirectory.write(dir.resolve(name), data);
    }

    @Test
    void writesComparisonJsonAndItsPage() throws Exception {
        Path a = run(TestRuns.run("Sim", 8, 1, 1), "a");
        Path b = run(TestRuns.run("Sim", 16, 1, 1), "b");
        Path slow = run(TestRuns.run("Sim", 8, 3, 1), "slow");
        Path cmp = dir.resolve("cmp");
        Comparison c = ComparisonDirectory.compare(cmp, List.of(a, b, slow), Comparison.Options.DEFAULTS, false);
        assertThat(c.regression()).isTrue();
        assertThat(c.regressions()).anyMatch(r -> r.startsWith("C POINT_LOOKUP p95"));
        JsonNode json =
                new ObjectMapper().readTree(cmp.resolve("comparison.json").toFile());
        assertThat(json.get("regression").asBoolean()).isTrue();
        assertThat(json.get("runs")).hasSize(3);
        assertThat(Files.readString(cmp.resolve("index.html"))).contains("class=\"regression\"", "database.poolSize");
    }

    @Test
    void replacesAnEarlierComparisonInTheSameDirectory() throws Exception {
        Path a = run(TestRuns.run("Sim", 8, 1, 1), "a");
        Path slow = run(TestRuns.run("Sim", 8, 3, 1), "slow");
        Path cmp = dir.resolve("cmp");
        assertThat(ComparisonDirectory.compare(cmp, List.of(a, slow), Comparison.Options.DEFAULTS, false)
                        .regression())
                .isTrue();
        assertThat(ComparisonDirectory.compare(cmp, List.of(a, a), Comparison.Options.DEFAULTS, false)
                        .regression())
                .isFalse();
        assertThat(new ObjectMapper()
                        .readTree(cmp.resolve("comparison.json").toFile())
                        .get("regression")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void writesNothingWhenTheRunsCannotBeCompared() {
        Path a = run(TestRuns.run("Sim", 8, 1, 1), "a");
        Path other = run(TestRuns.run("Other", 8, 1, 1), "other");
        assertThatThrownBy(() -> ComparisonDirectory.compare(
                        dir.resolve("cmp"), List.of(a, other), Comparison.Options.DEFAULTS, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(other + ": compared runs must be of one simulation, but it is Other and " + a
                        + " is Sim (use --force to compare them anyway)");
        assertThat(dir.resolve("cmp")).doesNotExist();
    }
}

package dev.salvo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salvo.reports.Baselines;
import dev.salvo.reports.RunDirectory;
import dev.salvo.reports.TestRuns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shell steps of docs/ci.md, extracted from the document itself, so the recipe cannot rot: in a scratch
 * repository with a committed baseline, the steps pass on a matching run, fail with 1 on a regression and with 4
 * without a run. The {@code mvn} step is a stand-in that puts a prepared run directory where Gatling writes it.
 */
class CiRecipeTest {
    private static final Path DOC = Path.of("..", "docs", "ci.md");
    private static final String SIMULATION = "Sample01_PointLookups";

    @TempDir
    Path repo;

    static String steps() throws IOException {
        String doc = Files.readString(DOC);
        List<String> blocks = blocks(doc, "bash");
        String steps =
                blocks.stream().filter(b -> b.contains("--latest")).findFirst().orElseThrow();
        String github = indented(blocks(doc, "yaml").get(0), "run: |");
        String gitlab = indented(blocks(doc, "yaml").get(1), "- |");
        assertThat(github).as("the GitHub Actions steps are the recipe's").isEqualTo(steps);
        assertThat(gitlab).as("the GitLab CI steps are the recipe's").isEqualTo(steps);
        return steps;
    }

    private static List<String> blocks(String doc, String language) {
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL)
                .matcher(doc);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The lines indented under the line ending with {@code marker}, dedented. */
    private static String indented(String yaml, String marker) {
        List<String> lines = yaml.lines().toList();
        int start = 0;
        while (!lines.get(start).strip().endsWith(marker)) {
            start++;
        }
        int base = lines.get(start).indexOf(lines.get(start).strip());
        List<String> body = new ArrayList<>();
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int indent = line.indexOf(line.strip());
            if (line.isBlank() || indent <= base) {
                break;
            }
            body.add(line);
        }
        int cut = body.stream().mapToInt(l -> l.indexOf(l.strip())).min().orElse(0);
        return body.stream().map(l -> l.substring(cut)).collect(Collectors.joining("\n", "", "\n"));
    }

    @BeforeEach
    void layout() throws IOException {
        Path bin = Files.createDirectories(repo.resolve("bin"));
        // stand-in for the simulation run: Gatling would write target/salvo/<simulation>-<timestamp>/
        executable(
                bin.resolve("mvn"),
                "#!/usr/bin/env bash\nset -e\n"
                        + "[ -d \"$FIXTURE_RUN\" ] || exit 0\n"
                        + "mkdir -p target/salvo\ncp -r \"$FIXTURE_RUN\" target/salvo/" + SIMULATION
                        + "-$(date -u +%Y%m%d%H%M%S%3N)\n");
        executable(
                repo.resolve("salvo"),
                "#!/usr/bin/env bash\nexec '" + javaBin() + "' -cp '" + System.getProperty("java.class.path")
                        + "' dev.salvo.cli.SalvoCommand \"$@\"\n");
        Path saved = RunDirectory.write(repo.resolve("scratch/base"), TestRuns.run(SIMULATION, 8, 1, 1));
        Baselines.save(saved, "main", repo.resolve("baselines"));
        RunDirectory.write(repo.resolve("scratch/same"), TestRuns.run(SIMULATION, 8, 1, 1));
        RunDirectory.write(repo.resolve("scratch/slower"), TestRuns.run(SIMULATION, 8, 1.5, 1));
    }

    @Test
    void passesWhenTheNewRunMatchesTheBaseline() throws Exception {
        Result r = runSteps("scratch/same");
        assertThat(r.status).as(r.output).isZero();
        assertThat(r.output).contains("no significant regression");
        assertThat(repo.resolve("target/salvo/compare-ci/index.html")).isRegularFile();
    }

    @Test
    void failsWithOneOnARegression() throws Exception {
        Result r = runSteps("scratch/slower");
        assertThat(r.status).as(r.output).isEqualTo(ExitCode.FAILED);
        assertThat(r.output).contains("REGRESSION B POINT_LOOKUP p95: ");
    }

    @Test
    void failsWithFourWhenThereIsNoRun() throws Exception {
        Result r = runSteps("scratch/none");
        assertThat(r.status).as(r.output).isEqualTo(ExitCode.UNREADABLE_INPUT);
        assertThat(r.output).contains("salvo compare: target/salvo: must hold a run of " + SIMULATION);
    }

    private record Result(int status, String output) {}

    private Result runSteps(String fixture) throws Exception {
        Path script = repo.resolve("ci-steps.sh");
        Files.writeString(script, steps());
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString())
                .directory(repo.toFile())
                .redirectErrorStream(true);
        pb.environment().put("PATH", repo.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().put("FIXTURE_RUN", repo.resolve(fixture).toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) { // a guard against a hung process, not a timing assertion
            p.destroyForcibly();
            throw new AssertionError("the CI steps did not finish: " + output);
        }
        return new Result(p.exitValue(), output);
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void theDocumentsStepsAreTheOnesBothRecipesRun() throws Exception {
        assertThat(steps())
                .startsWith("set -euo pipefail\n")
                .contains("mvn -B gatling:test")
                .contains("./salvo compare --baseline main --latest \"$SIMULATION\"");
    }
}

package dev.salvo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.salvo.reports.RunDirectory;
import dev.salvo.reports.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus of the {@code salvo} command line (moved here from the dsl module's corpus with the command line
 * itself): each command line must exit with 2, print nothing on standard output and exactly one line on standard error
 * that names the culprit and states the rule ({@code <where>: <what> must be <rule>, but was <value>}).
 */
class BadCommandLineCorpusTest {
    private static Path dir;
    private static Path runA;
    private static Path runB;

    /**
     * One bad command line.
     *
     * @param name what is wrong (the test's display name)
     * @param culprit text the message must contain to name the culprit
     * @param args the command line (made when the case runs)
     */
    record Case(String name, String culprit, Callable<String[]> args) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void setUp() throws Exception {
        dir = Files.createTempDirectory(Path.of("target"), "bad-command-line-");
        runA = RunDirectory.write(dir.resolve("runA"), TestRuns.run("SimA", 8, 1, 1));
        runB = RunDirectory.write(dir.resolve("runB"), TestRuns.run("SimB", 8, 1, 1));
    }

    static Stream<Case> corpus() {
        List<Case> c = new ArrayList<>();
        c.add(new Case("report of a directory that is not a run", "results.json", () -> new String[] {
            "report", Files.createDirectories(dir.resolve("not-a-run")).toString()
        }));
        c.add(new Case("report of a missing directory", "missing-run", () ->
                new String[] {"report", dir.resolve("missing-run").toString()}));
        c.add(new Case("unknown results format version", "formatVersion", () -> {
            Path run = copyRun(runA, "v9");
            Path results = run.resolve("results.json");
            Files.writeString(
                    results,
                    Files.readString(results).replaceFirst("\"formatVersion\" ?: ?\\d+", "\"formatVersion\" : 9"));
            return new String[] {"report", run.toString()};
        }));
        c.add(new Case("results.json that is not JSON", "results.json", () -> {
            Path run = copyRun(runA, "notjson");
            Files.writeString(run.resolve("results.json"), "{ \"formatVersion\": 1, ");
            return new String[] {"report", run.toString()};
        }));
        c.add(new Case("corrupt .hlog", "POINT_LOOKUP.hlog", () -> {
            Path run = copyRun(runA, "badhlog");
            Files.writeString(run.resolve("histograms/POINT_LOOKUP.hlog"), "#[StartTime: x]\nnot a histogram line\n");
            return new String[] {"report", run.toString()};
        }));
        c.add(new Case("missing .hlog", "requests.hlog", () -> {
            Path run = copyRun(runA, "nohlog");
            Files.delete(run.resolve("histograms/requests.hlog"));
            return new String[] {"report", run.toString()};
        }));
        c.add(new Case("unreadable results directory", "unreadable", () -> {
            Path run = copyRun(runA, "unreadable");
            Files.setPosixFilePermissions(run.resolve("results.json"), PosixFilePermissions.fromString("---------"));
            if (Files.isReadable(run.resolve("results.json"))) {
                // running as root: permissions do not stop reads, so make results.json a directory instead
                Files.delete(run.resolve("results.json"));
                Files.createDirectory(run.resolve("results.json"));
            }
            return new String[] {"report", run.toString()};
        }));
        c.add(new Case("compare of different simulations without --force", "SimB", () ->
                new String[] {"compare", "-o", dir.resolve("cmp1").toString(), runA.toString(), runB.toString()}));
        c.add(new Case("compare of a single run", "RUN_DIR", () -> new String[] {"compare", runA.toString()}));
        c.add(new Case("compare with an unknown threshold metric", "latency", () -> new String[] {
            "compare", "-o", dir.resolve("cmp2").toString(), "-t", "latency=5", runA.toString(), runA.toString()
        }));
        c.add(new Case("compare with a negative threshold", "p95", () -> new String[] {
            "compare", "-o", dir.resolve("cmp3").toString(), "-t", "p95=-5", runA.toString(), runA.toString()
        }));
        c.add(new Case("compare with a threshold that is not a number", "'lots'", () ->
                new String[] {"compare", "-t", "p95=lots", runA.toString(), runA.toString()}));
        c.add(new Case("merge of different simulations", "SimB", () ->
                new String[] {"merge", "-o", dir.resolve("merged1").toString(), runA.toString(), runB.toString()}));
        c.add(new Case("merge into a directory holding files", "runB", () ->
                new String[] {"merge", "-o", runB.toString(), runA.toString()}));
        c.add(new Case("unknown option", "--colour", () -> new String[] {"report", "--colour", runA.toString()}));
        c.add(new Case("unknown command", "publish", () -> new String[] {"publish", runA.toString()}));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithOneLineNamingTheCulpritAndTheRule(Case bad) throws Exception {
        Cli cli = new Cli();
        int status = cli.run(bad.args().call());
        assertThat(status).as("exit status; stderr: %s", cli.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.out()).as("stdout").isEmpty();
        String text = cli.err();
        assertThat(text).as("stderr is one line").endsWith(System.lineSeparator());
        String message =
                text.substring(0, text.length() - System.lineSeparator().length());
        assertThat(message)
                .as("message")
                .isNotBlank()
                .doesNotContain("\n")
                .doesNotContain("\r")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(message).as("names the culprit").contains(bad.culprit());
        if (!message.matches(".+: .*\\bmust\\b.*, but .+")) {
            fail("message does not follow '<where>: <what> must be <rule>, but was <value>': " + message);
        }
        System.out.println("[corpus] " + bad.name() + " -> " + message);
    }

    private static Path copyRun(Path run, String name) throws Exception {
        Path copy = dir.resolve(name);
        try (Stream<Path> files = Files.walk(run)) {
            for (Path p : files.toList()) {
                Path target = copy.resolve(run.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }
}

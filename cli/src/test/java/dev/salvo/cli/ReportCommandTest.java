package dev.salvo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salvo.reports.RunDirectory;
import dev.salvo.reports.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    @Test
    void regeneratesAReport() throws Exception {
        Path a = RunDirectory.write(dir.resolve("a"), TestRuns.run("Sim", 8, 1, 1));
        Files.delete(a.resolve("index.html"));
        assertThat(cli.run("report", a.toString())).isZero();
        assertThat(cli.out()).isEqualTo(a.resolve("index.html").toAbsolutePath() + System.lineSeparator());
        assertThat(Files.readString(a.resolve("index.html"))).contains("All SLOs pass");
    }

    @Test
    void refusesADirectoryThatIsNotARunInOneLine() throws Exception {
        Path notARun = Files.createDirectories(dir.resolve("empty"));
        assertThat(cli.run("report", notARun.toString())).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err())
                .isEqualTo("salvo report: " + notARun.resolve("results.json")
                        + ": a Salvo run directory must contain results.json, but it does not"
                        + System.lineSeparator());
    }
}

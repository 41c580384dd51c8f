package dev.salvo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code salvo run}: real Gatling runs in a forked JVM (the test class path holds the dsl's test simulations), and the
 * refusals before any JVM starts.
 */
class RunCommandTest {
    private static final String CLASS_PATH = System.getProperty("java.class.path");

    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    private int run(String simulation) {
        return cli.run("run", "-o", dir.toString(), "-cp", CLASS_PATH, "--no-reports", simulation);
    }

    @Test
    void runsASimulationAndExitsWithZeroWhenItPasses() throws Exception {
        assertThat(run(PassingSimulation.class.getName()))
                .as(cli.out() + cli.err())
                .isEqualTo(ExitCode.PASSED);
        Path runDir;
        try (Stream<Path> runs = Files.list(dir.resolve("salvo"))) {
            runDir = runs.findFirst().orElseThrow();
        }
        assertThat(runDir.getFileName().toString()).startsWith("PassingSimulation-");
        JsonNode results =
                new ObjectMapper().readTree(runDir.resolve("results.json").toFile());
        assertThat(results.get("simulation").asText()).isEqualTo("PassingSimulation");
        assertThat(cli.out()).contains("[salvo] results: " + runDir.resolve("results.json"));
        assertThat(dir.resolve("gatling-prefs"))
                .as("Gatling's prefs stay under the output directory")
                .isDirectory();
    }

    @Test
    void theHeapGetsGatlingsMaximumAndAFloorUnlessTheUserSetsEitherBound() {
        assertThat(RunCommand.defaultHeap(java.util.List.of("-Dx=y"))).containsExactly("-Xmx1G", "-Xms256m");
        assertThat(RunCommand.defaultHeap(java.util.List.of("-Xms512m"))).containsExactly("-Xmx1G");
        assertThat(RunCommand.defaultHeap(java.util.List.of("-Xmx128m"))).isEmpty();
        assertThat(RunCommand.defaultHeap(java.util.List.of("-Xmx4g", "-Xms1g")))
                .isEmpty();
    }

    @Test
    void exitsWithTwoAndOneLineOnAConfigurationError() {
        assertThat(run("dev.salvo.dsl.it.UnboundParameterSimulation")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err().lines().filter(l -> l.contains("ERROR")).toList())
                .containsExactly(
                        "[salvo] ERROR request 'lookup': every parameter in the SQL must be bound, but [id] is not; bind it with"
                                + " .param(\"id\", ...)");
        assertThat(cli.out() + cli.err()).doesNotContain("\tat ");
    }

    @Test
    void exitsWithThreeWhenTheRunCrashes() {
        assertThat(run(CrashingSimulation.class.getName())).isEqualTo(ExitCode.CRASHED);
        assertThat(cli.err()).contains("[salvo] CRASHED ").contains("a bug in the simulation");
    }

    @Test
    void refusesAClassThatIsNotOnTheClassPathBeforeStartingAJvm() {
        assertThat(cli.run("run", "-o", dir.toString(), "-cp", dir.toString(), "com.example.Missing"))
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err())
                .isEqualTo("salvo run: simulation com.example.Missing: must be a compiled class on the class"
                        + " path (" + dir
                        + "), but it is not there (compile it, e.g. mvn test-compile, or pass --classpath)"
                        + System.lineSeparator());
        assertThat(dir.resolve("salvo")).doesNotExist();
    }

    @Test
    void refusesSomethingThatIsNeitherAClassNameNorATemplate() {
        assertThat(cli.run("run", "-o", dir.toString(), "my simulation")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err())
                .isEqualTo("salvo run: simulation: must be a class name or a .yaml template, but was"
                        + " 'my simulation'" + System.lineSeparator());
    }

    @Test
    void refusesAClassPathEntryThatDoesNotExist() {
        String missing = dir.resolve("missing").toString();
        assertThat(cli.run("run", "-cp", dir + File.pathSeparator + missing, "a.B"))
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err())
                .isEqualTo("salvo run: --classpath: every entry must exist, but " + missing + " does not"
                        + System.lineSeparator());
    }

    @Test
    void refusesATemplateFileThatDoesNotExist() {
        assertThat(cli.run("run", dir.resolve("absent.yaml").toString())).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err())
                .isEqualTo("salvo run: " + dir.resolve("absent.yaml") + ": a template must be a readable"
                        + " file, but it does not exist" + System.lineSeparator());
    }

    @Test
    void handsATemplateToTheTemplatesModuleOrSaysInOneLineThatItIsMissing() throws Exception {
        Path template = Files.writeString(dir.resolve("load.yaml"), "name: x\n");
        boolean templatesModule = RunCommand.onClassPath(
                RunCommand.TEMPLATE_SIMULATION, java.util.List.of(), getClass().getClassLoader());
        if (templatesModule) {
            return; // the templates module's own tests run templates through salvo run
        }
        assertThat(cli.run("run", template.toString())).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err())
                .isEqualTo("salvo run: " + template + ": a template must be run by the templates module"
                        + " (dev.salvo.templates.TemplateSimulation), but it is not in this build of salvo"
                        + System.lineSeparator());
    }
}

package dev.salvo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    @Test
    void createsAWorkloadRepository() throws Exception {
        Path repo = dir.resolve("my-load-tests");
        assertThat(cli.run("init", "--package", "com.acme.load", repo.toString()))
                .as(cli.err())
                .isZero();
        assertThat(cli.out()).startsWith("created " + repo);
        for (String file : new String[] {
            "pom.xml",
            "README.md",
            ".gitignore",
            "src/test/resources/gatling.conf",
            "src/test/resources/logback-test.xml",
            "src/test/java/com/acme/load/SampleSimulation.java",
            "templates/sample.yaml",
            "profiles/README.md",
            "baselines/README.md",
            "ci/load-test.sh",
            ".github/workflows/load-test.yml"
        }) {
            assertThat(repo.resolve(file)).as(file).isRegularFile();
        }
        String pom = Files.readString(repo.resolve("pom.xml"));
        assertThat(pom)
                .contains(
                        "<artifactId>my-load-tests</artifactId>",
                        "<groupId>com.example</groupId>",
                        "<salvo.version>0.1.0-SNAPSHOT</salvo.version>",
                        "<gatling.version>3.15.1</gatling.version>",
                        "<gatling.simulationClass>com.acme.load.SampleSimulation</gatling.simulationClass>",
                        "-Djava.util.prefs.userRoot=${project.build.directory}/gatling-prefs",
                        "-Djava.util.prefs.syncInterval=86400",
                        "-Dhttps.proxyPort=9")
                .doesNotContain("@@");
        assertThat(Files.readString(repo.resolve("src/test/resources/gatling.conf")))
                .contains("enableAnalytics = false");
        assertThat(Files.readString(repo.resolve("src/test/java/com/acme/load/SampleSimulation.java")))
                .startsWith("package com.acme.load;");
        assertThat(Files.isExecutable(repo.resolve("ci/load-test.sh"))).isTrue();
        assertThat(Files.readString(repo.resolve(".gitignore"))).contains("target/");
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary directory left").containsExactly(repo);
        }
    }

    @Test
    void writesEveryStarterFileOfTheArchetypeAndNoOther() throws Exception {
        Path resources = Path.of("..", "archetype", "src", "main", "resources", "archetype-resources");
        try (var files = Files.walk(resources)) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(p -> resources.relativize(p).toString().replace('\\', '/')))
                    .containsExactlyInAnyOrderElementsOf(InitCommand.FILES.keySet());
        }
        Path repo = dir.resolve("r");
        assertThat(cli.run("init", repo.toString())).isZero();
        for (var file : InitCommand.FILES.entrySet()) {
            String written = Files.readString(repo.resolve(file.getValue().replace("PACKAGE", "loadtests")));
            assertThat(written)
                    .as(file.getKey())
                    .doesNotContain(
                            "${groupId}",
                            "${artifactId}",
                            "${package}",
                            "${version}",
                            "Version}",
                            "${packageInPathFormat}");
        }
    }

    @Test
    void theSampleTemplateIsAValidTemplateOfTheDemoSchema() throws Exception {
        Path repo = dir.resolve("r");
        assertThat(cli.run("init", repo.toString())).isZero();
        dev.salvo.templates.Template template =
                dev.salvo.templates.TemplateParser.parse(repo.resolve("templates/sample.yaml"));
        assertThat(template.name()).isEqualTo("sample");
        assertThat(template.queries())
                .extracting(dev.salvo.templates.Template.Query::name)
                .containsExactly("order by id", "a range of orders");
    }

    @Test
    void pinsThePluginVersionsOfSalvosOwnBuild() throws Exception {
        Path repo = dir.resolve("x");
        assertThat(cli.run("init", repo.toString())).isZero();
        String ours = Files.readString(Path.of("..", "pom.xml"));
        String theirs = Files.readString(repo.resolve("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>(maven-[a-z]+-plugin)</artifactId><version>([^<]+)</version>")
                .matcher(theirs);
        int pinned = 0;
        while (m.find()) {
            if (ours.contains("<artifactId>" + m.group(1) + "</artifactId>")) {
                assertThat(ours)
                        .as(m.group(1))
                        .containsPattern("<artifactId>" + m.group(1) + "</artifactId>\\s*<version>"
                                + Pattern.quote(m.group(2)) + "</version>");
                pinned++;
            }
        }
        assertThat(pinned).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theStartersPomSalvosOwnAndTheHarnessesLaunchGatlingWithTheSalvoCommandsJitOptions() throws Exception {
        Path repo = dir.resolve("x");
        assertThat(cli.run("init", repo.toString())).isZero();
        for (Path pom : List.of(repo.resolve("pom.xml"), Path.of("..", "simulations", "pom.xml"))) {
            String text = Files.readString(pom);
            for (String option : RunCommand.JIT_OPTIONS) {
                assertThat(text).as(pom + " " + option).contains("<jvmArg>" + option + "</jvmArg>");
            }
        }
        // and every benchmark harness gives them to its Java contenders (benchmarks/lib.sh, quiet_gatling_opts)
        String harness = Files.readString(Path.of("..", "benchmarks", "lib.sh")).replace("'", "");
        for (String option : RunCommand.JIT_OPTIONS) {
            assertThat(harness)
                    .as("benchmarks/lib.sh " + option)
                    .containsPattern("\\n\\s*" + Pattern.quote(option) + "[\\s)]");
        }
    }

    @Test
    void refusesADirectoryThatHoldsFiles() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "x");
        assertThat(cli.run("init", dir.toString())).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err())
                .isEqualTo("salvo init: " + dir + ": a new workload repository must go into a new or empty"
                        + " directory, but it holds files" + System.lineSeparator());
        assertThat(dir.resolve("pom.xml")).doesNotExist();
    }

    @Test
    void refusesAPackageThatIsNotAJavaPackageName() {
        assertThat(cli.run("init", "--package", "com.1acme", dir.resolve("r").toString()))
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err())
                .isEqualTo("salvo init: --package: must be a Java package name, but was 'com.1acme'"
                        + System.lineSeparator());
        assertThat(dir.resolve("r")).doesNotExist();
    }

    @Test
    void refusesADirectoryNameThatCannotBeAnArtifactId() {
        assertThat(cli.run("init", dir.resolve("my tests").toString())).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err())
                .isEqualTo("salvo init: " + dir.resolve("my tests") + ": the directory's name becomes the"
                        + " artifactId and must be letters, digits, '.', '_' or '-', but was 'my tests'"
                        + System.lineSeparator());
    }
}

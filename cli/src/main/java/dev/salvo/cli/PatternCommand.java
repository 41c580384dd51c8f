package dev.salvo.cli;

import dev.salvo.patterns.Pattern;
import dev.salvo.patterns.PatternException;
import dev.salvo.patterns.PatternExport;
import dev.salvo.patterns.PatternSetup;
import dev.salvo.patterns.PatternSimulation;
import dev.salvo.patterns.Patterns;
import dev.salvo.sql.DatabaseSettings;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code salvo pattern NAME}: runs a built-in pattern (docs/patterns.md) on the embedded PostgreSQL or a database given
 * by URL (Gatling in a child JVM, as {@code mvn gatling:test -Dsalvo.pattern=NAME} runs it), lists the catalogue, or
 * exports a pattern's files.
 */
@Command(
        name = "pattern",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a built-in workload pattern: creates its tables, seeds them at a scale, runs its workload.",
            "Without --url (or SALVO_URL) an embedded PostgreSQL is used. Existing tables of the same name are refused",
            "unless --replace is given. --list shows the catalogue; --export DIR writes DDL, seed, template and Java."
        })
final class PatternCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", arity = "0..1", description = "the pattern, e.g. tpcb-like (see --list)")
    String name;

    @Option(names = "--list", description = "list the patterns with their versions and mixes")
    boolean list;

    @Option(names = "--scale", paramLabel = "N", description = "the scale factor (default: the pattern's)")
    Integer scale;

    @Option(names = "--url", paramLabel = "JDBC_URL", description = "the database (default: salvo.url / SALVO_URL)")
    String url;

    @Option(names = "--user", paramLabel = "NAME", description = "the user (default: salvo.user / SALVO_USER)")
    String user;

    @Option(names = "--rate", paramLabel = "R", description = "visits per second (an open model)")
    Double rate;

    @Option(names = "--users", paramLabel = "U", description = "users (closed model) or connections under --rate")
    Integer users;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "measured seconds (default: the pattern's)")
    Integer duration;

    @Option(names = "--replace", description = "drop and recreate the pattern's tables when they exist")
    boolean replace;

    @Option(names = "--export", paramLabel = "DIR", description = "write the pattern's files into DIR/NAME/ and exit")
    Path export;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            for (Pattern p : Patterns.list()) {
                out.printf("%-16s %s  mix %s%n", p.id(), p.description(), p.mix());
            }
            return ExitCode.PASSED;
        }
        if (name == null) {
            throw new PatternException("pattern: NAME must be given (one of " + String.join(", ", Patterns.names())
                    + "), but was missing");
        }
        Pattern pattern = Patterns.load(name);
        int s = scale == null ? pattern.defaultScale() : scale;
        PatternSetup.checkScale(s);
        if (export != null) {
            for (Path f : PatternExport.export(pattern, export, s)) {
                out.println("wrote " + f);
            }
            return ExitCode.PASSED;
        }
        DatabaseSettings env = DatabaseSettings.fromEnvironment();
        DatabaseSettings settings = DatabaseSettings.of(
                url != null ? url : env.url().orElse(null),
                user != null ? user : env.user().orElse(null),
                env.password().orElse(null));
        if (!settings.embedded() && !replace) {
            PatternSetup.checkNoTables(pattern, settings); // before a JVM starts or a row is written
        }
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                RunCommand.DEFAULT_MAX_HEAP,
                RunCommand.DEFAULT_MIN_HEAP,
                // as the gatling-maven-plugin launches Gatling
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
                "-Dgatling.data.enableAnalytics=false",
                "-Dlogback.configurationFile=salvo/patterns/logback.xml"));
        cmd.addAll(RunCommand.JIT_OPTIONS);
        cmd.addAll(RunCommand.quietGatling(Path.of("target", "gatling-prefs")));
        cmd.addAll(List.of(
                "-D" + PatternSimulation.PATTERN_PROPERTY + "=" + name,
                "-Dsalvo.scale=" + s,
                "-Dsalvo.pattern.replace=" + replace));
        if (users != null) {
            cmd.add("-Dsalvo.users=" + users);
        }
        if (rate != null) {
            cmd.add("-Dsalvo.rate=" + rate);
        }
        if (duration != null) {
            cmd.add("-Dsalvo.duration=" + duration);
        }
        cmd.addAll(List.of(
                "io.gatling.app.Gatling",
                "--simulation",
                PatternSimulation.class.getName(),
                "--results-folder",
                "target" + File.separator + "gatling"));
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        // the URL and user go to the child through the environment, the password stays there: never on a command line
        settings.url().ifPresent(u -> pb.environment().put("SALVO_URL", u));
        settings.user().ifPresent(u -> pb.environment().put("SALVO_USER", u));
        out.flush();
        return pb.start().waitFor();
    }
}

package dev.salvo.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code salvo run SIMULATION}: runs a simulation class (or a template) in a forked JVM through
 * {@code dev.salvo.runtime.GatlingLauncher}, whose exit status it returns: 0 passed, 1 SLO breached (or a Gatling
 * assertion failed), 2 configuration error, 3 crashed.
 *
 * <p>Templates: a path ending in {@code .yaml} / {@code .yml} runs the simulation class {@value #TEMPLATE_SIMULATION}
 * (the templates module) with the system property {@value #TEMPLATE_PROPERTY} set to the template's absolute path.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a simulation class or a template (.yaml) with Gatling, in a new JVM.",
            "Exit status: 0 passed, 1 an SLO was breached (or a Gatling assertion failed), 2 configuration error,"
                    + " 3 crashed or interrupted. Results: <output>/salvo/ (Salvo's), <output>/gatling/ (Gatling's)."
        })
final class RunCommand implements Callable<Integer> {
    /** The class that runs a template; provided by the templates module. */
    static final String TEMPLATE_SIMULATION = "dev.salvo.templates.TemplateSimulation";
    /** The system property that hands it the template's path. */
    static final String TEMPLATE_PROPERTY = "salvo.template";
    /** The forked JVM's main class: Salvo's Gatling-facing entry point, which decides the exit status. */
    static final String LAUNCHER = "dev.salvo.runtime.GatlingLauncher";

    /** The heap's maximum unless the user sets it: Gatling's 1 GB. */
    static final String DEFAULT_MAX_HEAP = "-Xmx1G";

    /**
     * The heap's floor unless the user sets either bound: 256 MB, so that G1 does not shrink a load generator's heap to a
     * few times its ~25 MB live set after its start-up collection and then run young collections and concurrent cycles
     * back to back (docs/warmup-jit.md, "Other findings").
     */
    static final String DEFAULT_MIN_HEAP = "-Xms256m";

    /**
     * The JIT options of every Gatling JVM Salvo starts: HotSpot compiles the request path (Salvo's code, the JDBC drivers
     * Salvo ships, HikariCP's proxies, Gatling's) after a tenth of its usual invocation counts, so that a short warmup at
     * a low rate leaves C2 out of the measurement: at 500 requests/s a 5 s warmup is 2,500 requests, and C2 compiled the
     * request path 1-8 s into the measured window (docs/warmup-jit.md, "Compiled during the warmup"). Only these
     * packages: lowering every threshold (-XX:CompileThresholdScaling) made C2 compile more, for longer, in the window.
     */
    static final List<String> JIT_OPTIONS = List.of(
            "-XX:CompileCommand=quiet",
            "-XX:CompileCommand=CompileThresholdScaling,dev.salvo.*::*,0.1",
            "-XX:CompileCommand=CompileThresholdScaling,org.postgresql.*::*,0.1",
            "-XX:CompileCommand=CompileThresholdScaling,net.snowflake.*::*,0.1",
            "-XX:CompileCommand=CompileThresholdScaling,com.zaxxer.hikari.*::*,0.1",
            "-XX:CompileCommand=CompileThresholdScaling,io.gatling.*::*,0.1");

    /**
     * @param jvmOptions the user's JVM options
     * @return the default heap bounds the user did not set: the maximum unless -Xmx is given, the floor unless
     *     -Xmx or -Xms is (a smaller maximum of the user's must not meet a larger floor of ours)
     */
    static List<String> defaultHeap(List<String> jvmOptions) {
        boolean maxGiven = jvmOptions.stream().anyMatch(o -> o.startsWith("-Xmx"));
        boolean minGiven = jvmOptions.stream().anyMatch(o -> o.startsWith("-Xms"));
        List<String> heap = new ArrayList<>();
        if (!maxGiven) {
            heap.add(DEFAULT_MAX_HEAP);
        }
        if (!maxGiven && !minGiven) {
            heap.add(DEFAULT_MIN_HEAP);
        }
        return heap;
    }

    @Parameters(
            index = "0",
            paramLabel = "SIMULATION",
            description =
                    "a simulation class (e.g. dev.salvo.simulations.Sample01_PointLookups) or a template file (.yaml)")
    String simulation;

    @Option(
            names = {"-cp", "--classpath"},
            paramLabel = "PATH",
            description =
                    "where the simulation classes (and their dependencies) are, separated by '${sys:path.separator}'"
                            + " (default: target/test-classes and target/classes, those that exist)")
    String classpath;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "DIR",
            defaultValue = "target",
            description = "where runs are written: DIR/salvo, DIR/gatling (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(
            names = "-D",
            paramLabel = "KEY=VALUE",
            mapFallbackValue = "",
            description = "a system property for the run, e.g. -D salvo.url=jdbc:postgresql://db:5432/app")
    Map<String, String> properties = new LinkedHashMap<>();

    @Option(
            names = {"-J", "--jvm-option"},
            paramLabel = "OPTION",
            description = "a JVM option for the run (default -Xmx1G -Xms256m), e.g. -J-Xmx4g")
    List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--no-reports", description = "skip Gatling's HTML report (Salvo's results are always written)")
    boolean noReports;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String simulationClass = simulation;
        Map<String, String> props = new LinkedHashMap<>(properties);
        List<Path> cp = classpath();
        if (simulation.endsWith(".yaml") || simulation.endsWith(".yml")) {
            Path template = Path.of(simulation).toAbsolutePath().normalize();
            if (!Files.isRegularFile(template)) {
                throw new IllegalArgumentException(
                        simulation + ": a template must be a readable file, but it does not exist");
            }
            if (!onClassPath(TEMPLATE_SIMULATION, cp, getClass().getClassLoader())) {
                throw new IllegalArgumentException(simulation + ": a template must be run by the templates module ("
                        + TEMPLATE_SIMULATION + "), but it is not in this build of salvo");
            }
            simulationClass = TEMPLATE_SIMULATION;
            props.put(TEMPLATE_PROPERTY, template.toString());
        } else if (!simulation.matches("([\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*\\.)*"
                + "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*")) {
            throw new IllegalArgumentException(
                    "simulation: must be a class name or a .yaml template, but was '" + simulation + "'");
        } else if (!onClassPath(simulation, cp, null)) {
            throw new IllegalArgumentException("simulation " + simulation
                    + ": must be a compiled class on the class path ("
                    + (cp.isEmpty() ? "empty" : join(cp)) + "), but it is not there (compile it, e.g. mvn test-compile,"
                    + " or pass --classpath)");
        }
        return fork(simulationClass, cp, props);
    }

    private int fork(String simulationClass, List<Path> cp, Map<String, String> props) throws Exception {
        Path out = output.toAbsolutePath().normalize();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        // the user's classes first (their logback-test.xml and gatling.conf win), then Salvo with Gatling
        List<String> entries = new ArrayList<>(cp.stream().map(Path::toString).toList());
        entries.add(System.getProperty("java.class.path"));
        cmd.add(String.join(File.pathSeparator, entries));
        // as the gatling-maven-plugin launches Gatling
        cmd.addAll(List.of(
                "-XX:+HeapDumpOnOutOfMemoryError",
                "-XX:MaxInlineLevel=20",
                "-XX:MaxTrivialSize=12",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED"));
        cmd.addAll(defaultHeap(jvmOptions));
        cmd.addAll(JIT_OPTIONS);
        cmd.addAll(jvmOptions);
        cmd.addAll(quietGatling(out.resolve("gatling-prefs")));
        cmd.add("-Dsalvo.resultsDir=" + out.resolve("salvo"));
        cmd.add("-Dsalvo.workDir=" + out.resolve("salvo-pg"));
        props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add(LAUNCHER);
        cmd.addAll(List.of(
                "--simulation",
                simulationClass,
                "--results-folder",
                out.resolve("gatling").toString()));
        if (noReports) {
            cmd.add("--no-reports");
        }
        Process p = new ProcessBuilder(cmd)
                .redirectInput(ProcessBuilder.Redirect.INHERIT)
                .start();
        Thread stdout = pump(p.getInputStream(), spec.commandLine().getOut(), "salvo-run-out");
        Thread stderr = pump(p.getErrorStream(), spec.commandLine().getErr(), "salvo-run-err");
        // SIGTERM / Ctrl-C on salvo: the run gets SIGTERM too, writes its results, and salvo waits for it
        Thread stop = new Thread(
                () -> {
                    p.destroy();
                    try {
                        p.waitFor(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "salvo-run-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        int status = p.waitFor();
        stdout.join();
        stderr.join();
        Runtime.getRuntime().removeShutdownHook(stop);
        return status >= ExitCode.PASSED && status <= ExitCode.CRASHED ? status : ExitCode.CRASHED;
    }

    /** Copies the run's output line by line to the command's output (a terminal, or a test's writer). */
    private static Thread pump(InputStream from, PrintWriter to, String name) {
        Thread t = new Thread(
                () -> {
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
                        for (String line = r.readLine(); line != null; line = r.readLine()) {
                            to.println(line);
                        }
                    } catch (IOException e) {
                        to.println("[salvo] output of the run lost: " + e.getMessage());
                    }
                    to.flush();
                },
                name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private List<Path> classpath() {
        List<Path> cp = new ArrayList<>();
        if (classpath != null) {
            for (String entry : classpath.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    Path p = Path.of(entry).toAbsolutePath().normalize();
                    if (!Files.exists(p)) {
                        throw new IllegalArgumentException(
                                "--classpath: every entry must exist, but " + entry + " does not");
                    }
                    cp.add(p);
                }
            }
            return cp;
        }
        for (String dir : List.of("target/test-classes", "target/classes")) {
            if (Files.isDirectory(Path.of(dir))) {
                cp.add(Path.of(dir).toAbsolutePath().normalize());
            }
        }
        return cp;
    }

    /** Is the class in a directory or jar of the class path (or, when {@code loader} is given, visible to it)? */
    static boolean onClassPath(String className, List<Path> cp, ClassLoader loader) throws IOException {
        String file = className.replace('.', '/') + ".class";
        if (loader != null && loader.getResource(file) != null) {
            return true;
        }
        for (Path entry : cp) {
            if (Files.isDirectory(entry)) {
                if (Files.isRegularFile(entry.resolve(file))) {
                    return true;
                }
            } else if (Files.isRegularFile(entry)) {
                try (JarFile jar = new JarFile(entry.toFile())) {
                    if (jar.getEntry(file) != null) {
                        return true;
                    }
                } catch (IOException e) {
                    // not a jar: cannot hold the class
                }
            }
        }
        return false;
    }

    private static String join(List<Path> cp) {
        return String.join(File.pathSeparator, cp.stream().map(Path::toString).toList());
    }

    /**
     * @param prefs where Gatling's version check keeps its prefs
     * @return the JVM options of every Gatling JVM Salvo starts: no outbound calls (the version check's prefs under
     *     {@code prefs}, its HTTPS at a closed local port) and those prefs written back once a day, not every 30 s in
     *     the middle of the measurement (see the archetype's pom)
     */
    static List<String> quietGatling(Path prefs) {
        return List.of(
                "-Djava.util.prefs.userRoot=" + prefs,
                "-Djava.util.prefs.syncInterval=86400",
                "-Dhttps.proxyHost=127.0.0.1",
                "-Dhttps.proxyPort=9");
    }
}

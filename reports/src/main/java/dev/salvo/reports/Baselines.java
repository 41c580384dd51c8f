package dev.salvo.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.salvo.reports.RunResults.RequestStats;
import dev.salvo.reports.internal.Files2;
import dev.salvo.reports.internal.HistogramSet;
import dev.salvo.reports.internal.HlogFiles;
import dev.salvo.reports.internal.KindLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Baselines kept in git: {@code <baselines>/<simulation>/<name>/}, a compact copy of one run with exactly what
 * {@link Comparison} needs: {@code results.json}, per kind one total histogram per metric
 * ({@code histograms/<KIND>.hlog}, a single interval), the per-request totals ({@code histograms/requests.hlog}) and
 * {@code baseline.json} (its own {@link #FORMAT_VERSION}, name, source run), and a Snowflake run's
 * {@code snowflake.json} as it is. No report and no intervals: a baseline is a few kilobytes. It is itself readable as a run directory ({@link RunDirectory#read}).
 */
public final class Baselines {
    /** Version of the baseline layout; changes when a file changes meaning or disappears. */
    public static final int FORMAT_VERSION = 1;
    /** The baseline's own description. */
    public static final String BASELINE_JSON = "baseline.json";
    /** Where baselines live by default, relative to the working directory: meant to be committed. */
    public static final Path DEFAULT_DIR = Path.of("baselines");
    /** Where runs are written by default, relative to the working directory. */
    public static final Path DEFAULT_RESULTS_DIR = Path.of("target", "salvo");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern RUN_STAMP = Pattern.compile("-\\d{17}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What {@code baseline.json} holds.
     *
     * @param formatVersion {@link #FORMAT_VERSION}
     * @param name the baseline's name
     * @param simulation the run's simulation
     * @param savedAt when it was saved (ISO-8601)
     * @param source the run directory's name it was saved from
     * @param startedAt when that run started
     */
    public record Info(
            int formatVersion, String name, String simulation, String savedAt, String source, String startedAt) {}

    private Baselines() {}

    /**
     * @param baselines the baselines directory
     * @param simulation a simulation
     * @param name a baseline name
     * @return {@code <baselines>/<simulation>/<name>}
     * @throws IllegalArgumentException when the name is not 1-100 letters, digits, {@code . _ -} starting with a letter
     *     or digit
     */
    public static Path dir(Path baselines, String simulation, String name) {
        checkName("baseline name", name);
        checkName("simulation", simulation);
        return baselines.resolve(simulation).resolve(name);
    }

    /**
     * Saves a run as a baseline, replacing a baseline of that name (the new one is complete before the old one goes).
     *
     * @param run a run directory
     * @param name the baseline's name, e.g. {@code main}
     * @param baselines the baselines directory, e.g. {@link #DEFAULT_DIR}
     * @return the baseline's directory
     * @throws IllegalArgumentException when the run cannot be read or the name is not valid
     * @throws UncheckedIOException when the baseline cannot be written
     */
    public static Path save(Path run, String name, Path baselines) {
        checkName("baseline name", name);
        RunData data = RunDirectory.read(run);
        RunResults r = data.results();
        Path dir = dir(baselines, r.simulation(), name);
        long start = Instant.parse(r.measurementStartedAt()).toEpochMilli();
        long end = start + Math.round(r.measurementSeconds() * 1000);
        Info info = new Info(
                FORMAT_VERSION,
                name,
                r.simulation(),
                Instant.now().toString(),
                run.toAbsolutePath().normalize().getFileName().toString(),
                r.startedAt());
        Path parent = dir.toAbsolutePath().normalize().getParent();
        Path fresh = parent.resolve("." + name + ".new-" + System.nanoTime());
        Files2.writeDirectory(fresh, temp -> {
            Path histograms = Files.createDirectories(temp.resolve(HlogFiles.DIR));
            for (Map.Entry<String, byte[]> log : data.kindLogs().entrySet()) {
                HistogramSet total = HlogFiles.totals(log.getValue());
                RequestStats kind = r.kind(log.getKey());
                KindLog compact = KindLog.single(
                        log.getKey(),
                        Instant.parse(r.startedAt()).toEpochMilli(),
                        start,
                        end,
                        total,
                        kind == null ? 0 : kind.ko());
                Files.write(histograms.resolve(log.getKey() + HlogFiles.SUFFIX), compact.hlog());
            }
            Files.write(
                    histograms.resolve(HlogFiles.REQUESTS), HlogFiles.requestsLog(data.requestTotals(), start, end));
            ResultsFiles.write(temp, withClustering(r, data));
            if (Files.isRegularFile(
                    run.resolve(SnowflakeResults.FILE))) { // a Snowflake run's cost, for the compare page
                Files.copy(run.resolve(SnowflakeResults.FILE), temp.resolve(SnowflakeResults.FILE));
            }
            Files.write(temp.resolve(BASELINE_JSON), JSON.writeValueAsBytes(info));
        });
        try {
            Path target = dir.toAbsolutePath().normalize();
            if (Files.exists(target)) {
                if (!Files.isRegularFile(target.resolve(BASELINE_JSON))) {
                    Files2.deleteTree(fresh);
                    throw new IllegalArgumentException(dir + ": a baseline to replace must hold " + BASELINE_JSON
                            + ", but it does not (not a baseline; move it away)");
                }
                Path old = parent.resolve("." + name + ".old-" + System.nanoTime());
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
                Files2.deleteTree(old);
            } else {
                Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return dir;
        } catch (IOException e) {
            Files2.deleteTree(fresh);
            throw new UncheckedIOException(dir + ": cannot write the baseline, " + e, e);
        }
    }

    /**
     * Reads a baseline (or, without {@code baseline.json}, any run directory).
     *
     * @param dir a baseline directory
     * @return its data
     * @throws IllegalArgumentException naming the file when it is missing, corrupt or of an unknown version
     */
    public static RunData read(Path dir) {
        Path file = dir.resolve(BASELINE_JSON);
        if (Files.isRegularFile(file)) {
            Info info = info(dir);
            if (info.formatVersion() != FORMAT_VERSION) {
                throw new IllegalArgumentException(
                        file + ": formatVersion must be " + FORMAT_VERSION + ", but was " + info.formatVersion());
            }
        } else if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": a baseline must be a directory, but it does not exist (save one"
                    + " with 'salvo baseline save RUN_DIR --name NAME')");
        }
        return RunDirectory.read(dir);
    }

    /**
     * @param dir a baseline directory
     * @return its {@code baseline.json}
     * @throws IllegalArgumentException naming the file when it cannot be read
     */
    public static Info info(Path dir) {
        Path file = dir.resolve(BASELINE_JSON);
        try {
            return JSON.readValue(file.toFile(), Info.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    file + ": must be a readable baseline description, but "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
    }

    /**
     * The newest run of a simulation: the directory {@code <simulation>-<17-digit UTC timestamp>} with the latest
     * timestamp that holds {@code results.json}. Comparisons ({@code compare-*}) and merges
     * ({@code <simulation>-merged-*}) never match.
     *
     * @param results the runs' parent, e.g. {@link #DEFAULT_RESULTS_DIR}
     * @param simulation the simulation's simple class name
     * @return the run directory
     * @throws IllegalArgumentException when there is none
     */
    public static Path latestRun(Path results, String simulation) {
        checkName("simulation", simulation);
        Optional<Path> latest = Optional.empty();
        if (Files.isDirectory(results)) {
            try (Stream<Path> list = Files.list(results)) {
                latest = list.filter(p -> isRunOf(p, simulation))
                        .max(Comparator.comparing(p -> p.getFileName().toString()));
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        results + ": must be a readable directory, but " + e.getMessage(), e);
            }
        }
        return latest.orElseThrow(() -> new IllegalArgumentException(results + ": must hold a run of " + simulation
                + " (" + simulation + "-<timestamp>/results.json), but it holds none"));
    }

    private static boolean isRunOf(Path p, String simulation) {
        String name = p.getFileName().toString();
        return name.startsWith(simulation)
                && RUN_STAMP.matcher(name.substring(simulation.length())).matches()
                && Files.isRegularFile(p.resolve(ResultsFiles.RESULTS_JSON));
    }

    /**
     * @param baselines a directory of baselines, {@code <baselines>/<simulation>/<name>/}, or of one simulation's
     * @return every baseline directory under it (those with {@code baseline.json}), sorted by the run's start
     */
    public static java.util.List<Path> list(Path baselines) {
        Map<String, Path> found = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(baselines, 2)) {
            walk.filter(p -> Files.isRegularFile(p.resolve(BASELINE_JSON)))
                    .forEach(p -> found.put(info(p).startedAt() + " " + p, p));
        } catch (IOException e) {
            throw new IllegalArgumentException(baselines + ": must be a readable directory, but " + e.getMessage(), e);
        }
        return java.util.List.copyOf(found.values());
    }

    private static void checkName(String what, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + ": must be 1-100 letters, digits, '.', '_' or '-' starting with a"
                    + " letter or digit, but was '" + name + "'");
        }
    }

    /**
     * A run written before clustering was recorded keeps the clustering of its kind logs' intervals, which the
     * baseline's single interval no longer holds: it compares as its run does.
     */
    private static RunResults withClustering(RunResults r, RunData data) {
        Map<String, Clustering> measured = Verdicts.Side.of(data).clustering();
        return r.withKinds(r.kinds().stream()
                .map(k -> k.clustering() != null ? k : k.withClustering(measured.get(k.kind())))
                .toList());
    }
}

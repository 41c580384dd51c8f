package dev.salvo.reports;

import dev.salvo.reports.internal.Files2;
import dev.salvo.reports.internal.HistogramSet;
import dev.salvo.reports.internal.HlogFiles;
import dev.salvo.reports.internal.RunReportPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run directory: {@code results.json}, {@code histograms/<KIND>.hlog} interval logs, {@code histograms/requests.hlog}
 * totals per request name, and the {@code index.html} report. Written all at once (in a temporary sibling directory
 * that is then renamed), so a reader never sees half a run.
 */
public final class RunDirectory {
    /** The report's file name. */
    public static final String INDEX_HTML = "index.html";

    private RunDirectory() {}

    /**
     * Writes a run directory: histogram logs, {@code results.json}, {@code index.html}.
     *
     * @param dir the directory to create; it must not exist, or be empty
     * @param data the run
     * @return {@code dir}
     * @throws IllegalArgumentException when {@code dir} holds files already
     * @throws UncheckedIOException when a file cannot be written (nothing is left behind)
     */
    public static Path write(Path dir, RunData data) {
        return Files2.writeDirectory(dir, temp -> {
            Path histograms = Files.createDirectories(temp.resolve(HlogFiles.DIR));
            for (Map.Entry<String, byte[]> log : data.kindLogs().entrySet()) {
                Files.write(histograms.resolve(log.getKey() + HlogFiles.SUFFIX), log.getValue());
            }
            RunResults r = data.results();
            Files.write(
                    histograms.resolve(HlogFiles.REQUESTS),
                    HlogFiles.requestsLog(
                            data.requestTotals(),
                            java.time.Instant.parse(r.measurementStartedAt()).toEpochMilli(),
                            java.time.Instant.parse(r.measurementStartedAt()).toEpochMilli()
                                    + Math.round(r.measurementSeconds() * 1000)));
            ResultsFiles.write(temp, r);
            for (Map.Entry<String, byte[]> file : data.files().entrySet()) {
                Files.write(temp.resolve(file.getKey()), file.getValue());
            }
            Files.writeString(
                    temp.resolve(INDEX_HTML),
                    RunReportPage.render(
                            r,
                            gatlingReport(dir, r),
                            SnowflakeResults.read(temp).orElse(null)),
                    StandardCharsets.UTF_8);
        });
    }

    /**
     * Reads and checks a run directory: its {@code results.json} and every histogram log it names.
     *
     * @param dir a run directory
     * @return the run
     * @throws IllegalArgumentException naming the file when it is not a Salvo run, of an unknown format version, or a
     *     histogram log is missing or corrupt
     */
    public static RunData read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(
                    dir + ": a Salvo run must be a directory, but it does not exist or is a file");
        }
        RunResults results = ResultsFiles.read(dir);
        Path histograms = dir.resolve(HlogFiles.DIR);
        Map<String, byte[]> logs = new TreeMap<>();
        for (RunResults.RequestStats kind : results.kinds()) {
            Path file = histograms.resolve(kind.kind() + HlogFiles.SUFFIX);
            HlogFiles.forEach(file, h -> {});
            try {
                logs.put(kind.kind(), Files.readAllBytes(file));
            } catch (IOException e) {
                throw new IllegalArgumentException(file + ": must be readable, but " + e.getMessage(), e);
            }
        }
        Path requests = histograms.resolve(HlogFiles.REQUESTS);
        Map<String, HistogramSet> totals = HlogFiles.readRequests(requests);
        for (RunResults.RequestStats r : results.requests()) {
            if (!totals.containsKey(r.name())) {
                throw new IllegalArgumentException(
                        requests + ": must hold the histograms of request '" + r.name() + "', but it does not");
            }
        }
        return new RunData(results, logs, totals);
    }

    /**
     * Regenerates a run's {@code index.html} from its results and, when present, its {@value SnowflakeResults#FILE}
     * (replacing the file atomically).
     *
     * @param dir a run directory
     * @return the report file
     * @throws IllegalArgumentException as {@link #read}
     */
    public static Path report(Path dir) {
        RunResults results = read(dir).results();
        Path index = dir.resolve(INDEX_HTML);
        Files2.writeAtomically(
                index,
                RunReportPage.render(
                                results,
                                gatlingReport(dir, results),
                                SnowflakeResults.read(dir).orElse(null))
                        .getBytes(StandardCharsets.UTF_8));
        return index;
    }

    /**
     * Finds Gatling's report of the same run: {@code <dir>/../../gatling/<simulation>-<timestamp>/index.html} (Gatling
     * lower-cases the name and turns {@code _} into {@code -}), the one whose timestamp is closest to the run's start.
     * The report may not exist yet when the runtime writes (Gatling writes it after Salvo), so only the directory counts.
     */
    static String gatlingReport(Path dir, RunResults results) {
        Path parent = dir.toAbsolutePath().normalize().getParent();
        Path gatling = parent == null || parent.getParent() == null
                ? null
                : parent.getParent().resolve("gatling");
        if (gatling == null || !Files.isDirectory(gatling)) {
            return null;
        }
        String prefix = results.simulation().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-";
        long started = java.time.Instant.parse(results.startedAt()).toEpochMilli();
        try (var list = Files.list(gatling)) {
            return list.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith(prefix)
                            && name.substring(prefix.length()).matches("\\d{17}"))
                    .min(java.util.Comparator.comparingLong(
                            name -> Math.abs(gatlingMillis(name.substring(prefix.length())) - started)))
                    .map(name -> "../../gatling/" + name + "/" + INDEX_HTML)
                    .orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long gatlingMillis(String stamp) {
        return java.time.LocalDateTime.parse(stamp, java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS"))
                .toInstant(java.time.ZoneOffset.UTC)
                .toEpochMilli();
    }
}

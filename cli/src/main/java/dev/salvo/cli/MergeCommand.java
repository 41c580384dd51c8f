package dev.salvo.cli;

import dev.salvo.reports.Merge;
import dev.salvo.reports.RunData;
import dev.salvo.reports.RunDirectory;
import dev.salvo.reports.WorkerResults;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code salvo merge RUN_DIR...}: merges the workers' run directories of one run; with {@code --wait-for N}, first
 * waits until the run directories of workers 0..N-1 are complete below the given directories (the merge Job of
 * docs/distributed.md, which starts beside the workers and has no shell to wait with).
 */
@Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        description = "Merges the run directories of the workers of one run into one run directory (with its report).")
final class MergeCommand implements Callable<Integer> {
    @Parameters(
            arity = "1..*",
            paramLabel = "DIR",
            description = "the workers' run directories; with --wait-for, directories holding them (at any depth up to"
                    + " 3, e.g. /results/<run id> holding worker-<i>/<run>), which need not exist yet")
    List<Path> runs;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "DIR",
            description = "the merged run directory, must not exist or be empty"
                    + " (default: target/salvo/<simulation>-merged-<timestamp>)")
    Path output;

    @Option(
            names = "--wait-for",
            paramLabel = "N",
            description = "wait until the results of workers 0..N-1 are complete below DIR, then merge them;"
                    + " exit status 4 naming the missing workers when --timeout passes first")
    Integer waitFor;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "24h",
            converter = DurationConverter.class,
            description =
                    "how long --wait-for waits at most: 90s, 30m, 24h, 2d or ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(
            names = "--poll",
            paramLabel = "DURATION",
            defaultValue = "10s",
            converter = DurationConverter.class,
            description = "how often --wait-for looks (default: ${DEFAULT-VALUE})")
    Duration poll;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        List<Path> dirs = runs;
        if (waitFor != null) {
            try {
                dirs = WorkerResults.await(runs, waitFor, timeout, poll);
            } catch (TimeoutException e) {
                spec.commandLine().getErr().println(spec.qualifiedName() + ": " + e.getMessage());
                return ExitCode.UNREADABLE_INPUT;
            }
        }
        RunData merged = Merge.merge(dirs);
        Path dir = output != null
                ? output
                : Path.of("target/salvo/" + merged.results().simulation() + "-merged-" + Stamps.format(Instant.now()));
        RunDirectory.write(dir, merged);
        spec.commandLine()
                .getOut()
                .println(dir.resolve(RunDirectory.INDEX_HTML).toAbsolutePath().normalize());
        return ExitCode.PASSED;
    }

    /** {@code 500ms}, {@code 90s}, {@code 30m}, {@code 24h}, {@code 2d}, or an ISO-8601 duration ({@code PT24H}). */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            Matcher m = SHORT.matcher(v);
            Duration d = null;
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            } else {
                try {
                    d = Duration.parse(value.trim());
                } catch (RuntimeException e) {
                    // refused below
                }
            }
            if (d == null || d.isNegative()) {
                throw new CommandLine.TypeConversionException(
                        "must be a duration such as 90s, 30m, 24h, 2d or PT24H, but was '" + value + "'");
            }
            return d;
        }
    }
}

package dev.salvo.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.salvo.reports.internal.ComparePage;
import dev.salvo.reports.internal.Files2;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code salvo} command line: {@code report}, {@code compare}, {@code merge}. Exit status: 0 done, 1 a regression
 * was found ({@code compare}), 2 bad input (one line on standard error naming the file).
 */
@Command(name = "salvo", mixinStandardHelpOptions = true, versionProvider = SalvoCli.Version.class,
    description = "Reports, comparisons and merges of Salvo run directories (target/salvo/<simulation>-<timestamp>).",
    subcommands = {SalvoCli.Report.class, SalvoCli.Compare.class, SalvoCli.Merge.class, CommandLine.HelpCommand.class})
public final class SalvoCli implements Callable<Integer> {
  /** Exit status when a comparison found a regression. */
  public static final int REGRESSION = 1;
  /** Exit status for bad input. */
  public static final int BAD_INPUT = 2;
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Runs the command line and exits with its status.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the command line without exiting.
   *
   * @param args the arguments
   * @param out standard output
   * @param err standard error
   * @return the exit status
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new SalvoCli());
    cli.setOut(out).setErr(err);
    // a mistyped command line is one line too, pointing at the help, rather than the whole usage text
    cli.setParameterExceptionHandler((e, args2) -> {
      CommandLine line = e.getCommandLine();
      String command = line.getCommandSpec().qualifiedName();
      String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      line.getErr().println(command + ": the arguments must match '" + command + " --help', but "
          + (why.isEmpty() ? why : Character.toLowerCase(why.charAt(0)) + why.substring(1)));
      return BAD_INPUT;
    });
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      if (e instanceof IllegalArgumentException || e instanceof UncheckedIOException) {
        line.getErr().println("salvo " + line.getCommandName() + ": " + e.getMessage());
        return BAD_INPUT;
      }
      throw e;
    });
    return cli.execute(args);
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return BAD_INPUT;
  }

  /** Prints Salvo's version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = SalvoCli.class.getPackage().getImplementationVersion();
      return new String[] {"salvo " + (v == null ? "dev" : v)};
    }
  }

  @Command(name = "report", mixinStandardHelpOptions = true,
      description = "Checks run directories and (re)writes their index.html report.")
  static final class Report implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "run directories (with results.json)")
    List<Path> runs;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      for (Path run : runs) {
        spec.commandLine().getOut().println(RunDirectory.report(run).toAbsolutePath().normalize());
      }
      return 0;
    }
  }

  @Command(name = "compare", mixinStandardHelpOptions = true,
      description = {"Compares 2 to 5 runs against the first (the baseline); writes index.html and comparison.json.",
          "Exits with 1 when a metric regressed beyond its threshold, so CI can gate on it."})
  static final class Compare implements Callable<Integer> {
    @Parameters(arity = "2..5", paramLabel = "RUN_DIR", description = "baseline first, then up to 4 runs")
    List<Path> runs;
    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
        description = "where to write (default: target/salvo/compare-<timestamp>)")
    Path output;
    @Option(names = {"-t", "--threshold"}, paramLabel = "METRIC=VALUE", split = ",",
        description = {"regression thresholds; metrics: qps, rowsPerSecond (drop, %%), p50, p95, p99 (rise, %%),"
            + " errorRate (rise, percentage points).", "Defaults: qps=10,p50=20,p95=20,p99=20,errorRate=1,rowsPerSecond=10"})
    Map<String, Double> thresholds = Map.of();
    @Option(names = "--force", description = "compare runs of different simulations")
    boolean force;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      Comparison.Thresholds t = Comparison.Thresholds.DEFAULTS.with(thresholds);
      List<RunResults> results = new ArrayList<>();
      for (Path run : runs) {
        results.add(RunDirectory.read(run).results());
      }
      Comparison c = Comparison.of(runs, results, t, force);
      Path dir = output != null ? output : Path.of("target/salvo/compare-" + STAMP.format(Instant.now()));
      Files.createDirectories(dir);
      byte[] json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(c);
      Files2.writeAtomically(dir.resolve("comparison.json"), json);
      Files2.writeAtomically(dir.resolve(RunDirectory.INDEX_HTML),
          ComparePage.render(c, results).getBytes(StandardCharsets.UTF_8));
      PrintWriter out = spec.commandLine().getOut();
      out.println(dir.resolve(RunDirectory.INDEX_HTML).toAbsolutePath().normalize());
      if (c.regression()) {
        c.regressions().forEach(r -> out.println("REGRESSION " + r));
        return REGRESSION;
      }
      out.println("no regression beyond the thresholds");
      return 0;
    }
  }

  @Command(name = "merge", mixinStandardHelpOptions = true,
      description = "Merges the run directories of the workers of one run into one run directory (with its report).")
  static final class Merge implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "the workers' run directories")
    List<Path> runs;
    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
        description = "the merged run directory, must not exist or be empty"
            + " (default: target/salvo/<simulation>-merged-<timestamp>)")
    Path output;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      RunData merged = dev.salvo.reports.Merge.merge(runs);
      Path dir = output != null ? output
          : Path.of("target/salvo/" + merged.results().simulation() + "-merged-" + STAMP.format(Instant.now()));
      RunDirectory.write(dir, merged);
      spec.commandLine().getOut().println(dir.resolve(RunDirectory.INDEX_HTML).toAbsolutePath().normalize());
      return 0;
    }
  }
}

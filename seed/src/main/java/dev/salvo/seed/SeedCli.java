package dev.salvo.seed;

import dev.salvo.sql.DatabaseSettings;
import dev.salvo.sql.SalvoException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The {@code salvo seed} command line:
 * {@code seed <spec.yaml> [--url URL] [--user NAME] [--scale N] [--threads N] [--batch N] [--truncate]}. The URL, user
 * and password may also come from {@code salvo.url}/{@code SALVO_URL}, {@code salvo.user}/{@code SALVO_USER} and
 * {@code salvo.password}/{@code SALVO_PASSWORD} (the password only from there, never from the command line). Exit
 * status 0 on success, 2 on bad input or a failed load (one line on standard error).
 */
public final class SeedCli {
  /** Exit status of bad input or a failed load. */
  public static final int FAILED = 2;
  static final String USAGE = "usage: salvo seed <spec.yaml> [--url URL] [--user NAME] [--scale N] [--threads N] "
      + "[--batch N] [--truncate]";

  private SeedCli() {}

  /**
   * Runs the command and exits with its status.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.getProperties(), System.getenv()));
  }

  /**
   * Runs the command without exiting.
   *
   * @param args the arguments
   * @param out progress and summary
   * @param err errors, one line
   * @param properties system properties ({@code salvo.url} ...)
   * @param env environment ({@code SALVO_URL} ...)
   * @return the exit status
   */
  public static int run(String[] args, PrintStream out, PrintStream err, Properties properties,
      Map<String, String> env) {
    try {
      String spec = null;
      String url = null;
      String user = null;
      SeedOptions options = SeedOptions.DEFAULTS.out(out);
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--url" -> url = value(args, ++i, a);
          case "--user" -> user = value(args, ++i, a);
          case "--scale" -> options = options.scale(number(value(args, ++i, a), a));
          case "--threads" -> options = options.threads((int) whole(value(args, ++i, a), a));
          case "--batch" -> options = options.batchRows((int) whole(value(args, ++i, a), a));
          case "--truncate" -> options = options.truncateFirst();
          case "-h", "--help" -> {
            out.println(USAGE);
            return 0;
          }
          default -> {
            if (a.startsWith("-") || spec != null) {
              throw new SalvoException("seed: an argument must be one of the spec file, --url, --user, --scale, "
                  + "--threads, --batch, --truncate, but was '" + a + "'; " + USAGE);
            }
            spec = a;
          }
        }
      }
      if (spec == null) {
        throw new SalvoException("seed: the spec file must be given, but was missing; " + USAGE);
      }
      DatabaseSettings fromEnv = DatabaseSettings.fromEnvironment(properties, env);
      DatabaseSettings settings = DatabaseSettings.of(url != null ? url : fromEnv.url().orElse(null),
          user != null ? user : fromEnv.user().orElse(null), fromEnv.password().orElse(null));
      SeedSpec parsed = SpecYaml.load(Path.of(spec));
      Seeder.seed(parsed, Seeder.connections(settings), options);
      return 0;
    } catch (SalvoException e) {
      err.println("[salvo] ERROR " + e.getMessage());
      return FAILED;
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new SalvoException("seed: " + option + " must be followed by a value, but was the last argument");
    }
    return args[i];
  }

  private static double number(String v, String option) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new SalvoException("seed: " + option + " must be a number, but was '" + v + "'");
    }
  }

  private static long whole(String v, String option) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new SalvoException("seed: " + option + " must be a whole number, but was '" + v + "'");
    }
  }
}

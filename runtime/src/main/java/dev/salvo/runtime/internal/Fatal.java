package dev.salvo.runtime.internal;

import dev.salvo.sql.SalvoException;

/**
 * Ends a run that cannot start, with one line naming the problem instead of a stack trace. Inside a Gatling launch
 * (the {@code io.gatling.app} launcher is on the stack) it prints the line and exits with status 1 after the cleanup;
 * anywhere else (tests, embedding) it rethrows.
 */
public final class Fatal {
  /** Exit status of a run stopped by bad input. */
  public static final int EXIT_STATUS = 1;

  private Fatal() {}

  /**
   * @param problem the user-facing problem
   * @param cleanup what to release first (the embedded database, pools); may be null
   * @return never returns normally; declared so callers can write {@code throw Fatal.stop(...)}
   */
  public static SalvoException stop(SalvoException problem, Runnable cleanup) {
    if (cleanup != null) {
      try {
        cleanup.run();
      } catch (RuntimeException e) {
        problem.addSuppressed(e);
      }
    }
    if (insideGatlingLauncher()) {
      System.out.flush();
      System.err.println("[salvo] ERROR " + problem.getMessage());
      System.err.flush();
      System.exit(EXIT_STATUS);
    }
    throw problem;
  }

  static boolean insideGatlingLauncher() {
    return StackWalker.getInstance()
        .walk(frames -> frames.anyMatch(f -> f.getClassName().startsWith("io.gatling.app.")));
  }
}

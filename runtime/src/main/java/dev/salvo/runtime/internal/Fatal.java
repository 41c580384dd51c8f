package dev.salvo.runtime.internal;

import dev.salvo.sql.SalvoException;

/**
 * Stops a run that cannot start: releases what was started, then hands the problem back to be thrown. Library code
 * never exits the JVM; the entry point that launched Gatling decides the exit status
 * ({@code dev.salvo.runtime.GatlingLauncher}: 2 for a configuration problem, with its one-line message).
 */
final class Fatal {
    private Fatal() {}

    /**
     * @param problem the user-facing problem
     * @param cleanup what to release first (the embedded database, pools); may be null
     * @return {@code problem}, to be thrown: {@code throw Fatal.stop(...)}
     */
    static SalvoException stop(SalvoException problem, Runnable cleanup) {
        if (cleanup != null) {
            try {
                cleanup.run();
            } catch (RuntimeException e) {
                problem.addSuppressed(e);
            }
        }
        return problem;
    }
}

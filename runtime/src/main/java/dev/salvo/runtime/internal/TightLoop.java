package dev.salvo.runtime.internal;

import io.gatling.core.session.Session;

/** The tight closed loop of a {@link SqlAction} ({@code tightLoop}): its requests back to back on one Salvo thread. */
final class TightLoop {
    private TightLoop() {}

    /**
     * The tight closed loop: back-to-back requests on one Salvo thread and one connection until the deadline (or the run
     * stops), each measured and reported; the virtual user returns to Gatling once, at the end. A request's intended start
     * is the previous one's end, so response time equals service time here.
     *
     * <p>Warmup requests run the very code measured ones run: they are recorded in full, into the warmup sinks of the
     * request's recorder and of Gatling's statistics (only counted as warmup requests, never reported), chosen by index
     * rather than by a branch. The loop runs for the whole run in one call, so the JIT compiles it on-stack from the
     * warmup's profile: with a warmup that only counted, the recording path was never run before the measurement, and the
     * measurement's first request deoptimized the compiled loop and every thread ran ~2.5 s of the measured window in
     * the interpreter and profiling code while the recording path was compiled cold (issue 20: measured with
     * -XX:+PrintCompilation, benchmarks/results/overhead-*-20261202-s6-*).
     */
    static void run(SqlAction a, Session session, long deadlineNanos) {
        LoopRequest request = new LoopRequest(a, session);
        while (!a.run.stopping() && System.nanoTime() - deadlineNanos < 0) {
            long startNanos = System.nanoTime();
            request.run(startNanos, a.clock.nowMillis(), 0, a.run.warmupIndex(startNanos));
        }
        request.done();
    }
}

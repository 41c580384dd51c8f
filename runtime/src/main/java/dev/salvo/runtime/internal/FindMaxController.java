package dev.salvo.runtime.internal;

import dev.salvo.reports.FindMaxStep;
import dev.salvo.reports.ResultsBuilder;
import dev.salvo.runtime.FindMax;
import io.gatling.core.CoreComponents;
import io.gatling.core.controller.Controller$Command$StopLoadGenerator;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Runs the find-max search: every request of the run is also recorded here; at the end of each step the step's
 * throughput, p95/p99 and error rate are judged against the stop conditions, written to the results, and when one holds
 * Gatling's load generator is stopped gracefully.
 */
final class FindMaxController {
    private final FindMax config;
    private final ResultsBuilder results;
    private final CoreComponents core;
    // hot: written on every request
    private final LatencyBuffers latency = new LatencyBuffers(RequestRecorder.MAX_TRACKED_NANOS, 3);
    private final LongAdder ok = new LongAdder();
    private final LongAdder ko = new LongAdder();
    // cold: the controller thread only
    private ScheduledExecutorService timer;
    private Histogram interval;
    private int step;
    private double firstP95;
    private double previousQps;
    private FindMaxStep best;
    private volatile String outcome = "not started";

    FindMaxController(FindMax config, ResultsBuilder results, CoreComponents core) {
        this.config = config;
        this.results = results;
        this.core = core;
    }

    void record(long responseNanos, boolean failed) {
        latency.record(RequestRecorder.clamp(responseNanos), -1, -1, -1);
        (failed ? ko : ok).increment();
    }

    /** Starts judging steps; the first step starts now. */
    synchronized void start() {
        outcome = "running";
        long period = config.stepDuration().toMillis();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "salvo-find-max");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::endOfStep, period, period, TimeUnit.MILLISECONDS);
    }

    private synchronized void endOfStep() {
        step++;
        latency.drain();
        interval = latency.take(LatencyBuffers.RESPONSE, interval);
        long okCount = ok.sumThenReset();
        long koCount = ko.sumThenReset();
        long count = okCount + koCount;
        double seconds = config.stepDuration().toNanos() / 1e9;
        double qps = count / seconds;
        double p95 = interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(95) / 1000.0;
        double p99 = interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(99) / 1000.0;
        double errorRate = count == 0 ? 0 : koCount / (double) count;
        if (step == 1) {
            firstP95 = p95;
        }
        String stop = null;
        if (errorRate > config.maxErrorRate()) {
            stop = String.format(Locale.ROOT, "error rate %.4f > %.4f", errorRate, config.maxErrorRate());
        } else if (step > 1 && p95 > firstP95 * config.maxP95Degradation()) {
            stop = String.format(
                    Locale.ROOT,
                    "p95 %.3f ms > %.1f x the first step's %.3f ms",
                    p95 / 1000,
                    config.maxP95Degradation(),
                    firstP95 / 1000);
        } else if (step > 1 && qps < previousQps * (1 + config.minThroughputGainPercent() / 100)) {
            stop = String.format(
                    Locale.ROOT,
                    "throughput %.1f req/s rose less than %.1f%% over %.1f",
                    qps,
                    config.minThroughputGainPercent(),
                    previousQps);
        }
        int users = config.concurrencyOf(step); // a closed model: the offered load is users, never a 0 rate
        FindMaxStep judged =
                new FindMaxStep(step, users, null, qps, p95, p99, errorRate, stop == null, users, FindMaxStep.USERS);
        results.findMaxStep(judged);
        System.out.printf(
                Locale.ROOT,
                "[salvo] find-max step %d: %d users, %.1f req/s, p95 %.3f ms, p99 %.3f ms, errors %.2f%%" + " -> %s%n",
                step,
                judged.concurrency(),
                qps,
                p95 / 1000,
                p99 / 1000,
                errorRate * 100,
                stop == null ? "stable" : "stop: " + stop);
        previousQps = qps;
        if (stop == null) {
            best = judged;
            if (step >= config.steps()) {
                finish("limited by bounds: every step up to maxConcurrency " + config.maxConcurrency() + " was stable");
            }
            return;
        }
        finish("found: " + stop);
        core.controller().$bang(new Controller$Command$StopLoadGenerator("find-max: " + stop, false));
    }

    private void finish(String why) {
        outcome = why;
        timer.shutdown();
        String bestStep = best == null
                ? "none: the first step was not stable"
                : String.format(
                        Locale.ROOT,
                        "step %d: %d users, %.1f req/s, p95 %.3f ms, p99 %.3f ms",
                        best.step(),
                        best.concurrency(),
                        best.achievedPerSecond(),
                        best.p95Micros() / 1000,
                        best.p99Micros() / 1000);
        results.config("findMax.outcome", why);
        results.config("findMax.bestStep", bestStep);
        System.out.println("[salvo] find-max " + why + "; best stable " + bestStep);
    }

    /** Called when the run ends before the search did. */
    synchronized void stop() {
        if (timer != null && !timer.isShutdown()) {
            timer.shutdownNow();
            results.config("findMax.outcome", "interrupted after " + step + " steps");
        }
    }

    /** @return what the search concluded so far */
    String outcome() {
        return outcome;
    }
}

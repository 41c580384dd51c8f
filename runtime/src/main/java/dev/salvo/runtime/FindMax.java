package dev.salvo.runtime;

import dev.salvo.sql.SalvoException;
import java.time.Duration;

/**
 * A step-load search for the highest stable concurrency: start with {@code startConcurrency} virtual users, add
 * {@code increment} every {@code stepDuration} up to {@code maxConcurrency}, and stop as soon as a step's error rate
 * exceeds {@code maxErrorRate}, its p95 exceeds the first step's p95 times {@code maxP95Degradation}, or its throughput
 * rose less than {@code minThroughputGainPercent} over the previous step. The best stable step is the last one that
 * passed; when no step failed, the maximum was limited by {@code maxConcurrency}, not found.
 *
 * @param startConcurrency virtual users of the first step, at least 1
 * @param increment users added per step, at least 1
 * @param stepDuration how long each step lasts, at least 1 s
 * @param maxConcurrency the bound, at least {@code startConcurrency}
 * @param maxErrorRate largest stable error fraction, in [0, 1]
 * @param maxP95Degradation largest stable ratio of a step's p95 to the first step's, at least 1
 * @param minThroughputGainPercent smallest throughput rise (percent over the previous step) that still counts as rising
 */
public record FindMax(
        int startConcurrency,
        int increment,
        Duration stepDuration,
        int maxConcurrency,
        double maxErrorRate,
        double maxP95Degradation,
        double minThroughputGainPercent) {

    /** Checks the values. */
    public FindMax {
        if (startConcurrency < 1) {
            throw new SalvoException("findMax: startConcurrency must be at least 1, but was " + startConcurrency);
        }
        if (increment < 1) {
            throw new SalvoException("findMax: increment must be at least 1, but was " + increment);
        }
        if (stepDuration == null || stepDuration.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new SalvoException("findMax: stepDuration must be at least 1 s, but was " + stepDuration);
        }
        if (maxConcurrency < startConcurrency) {
            throw new SalvoException("findMax: maxConcurrency must be >= startConcurrency (" + startConcurrency
                    + "), but was " + maxConcurrency);
        }
        if (!(maxErrorRate >= 0 && maxErrorRate <= 1)) {
            throw new SalvoException("findMax: maxErrorRate must be between 0 and 1, but was " + maxErrorRate);
        }
        if (!(maxP95Degradation >= 1)) {
            throw new SalvoException("findMax: maxP95Degradation must be at least 1, but was " + maxP95Degradation);
        }
        if (!(minThroughputGainPercent >= 0)) {
            throw new SalvoException(
                    "findMax: minThroughputGainPercent must be zero or positive, but was " + minThroughputGainPercent);
        }
    }

    /** @return the number of steps up to the bound */
    public int steps() {
        return (maxConcurrency - startConcurrency) / increment + 1;
    }

    /**
     * @param step the step, from 1
     * @return its virtual users
     */
    public int concurrencyOf(int step) {
        return startConcurrency + (step - 1) * increment;
    }

    /** @return the longest the search can last: every step */
    public Duration maxDuration() {
        return stepDuration.multipliedBy(steps());
    }
}

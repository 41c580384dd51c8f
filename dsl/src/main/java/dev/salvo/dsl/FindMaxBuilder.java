package dev.salvo.dsl;

import static io.gatling.javaapi.core.CoreDsl.incrementConcurrentUsers;

import dev.salvo.runtime.FindMax;
import io.gatling.javaapi.core.ClosedInjectionStep;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A find-max search: step the concurrency up until the database stops keeping up. Immutable, so all methods return a
 * new occurrence and leave the original unmodified.
 *
 * <pre>{@code
 * FindMaxBuilder search = findMax().startConcurrency(2).increment(2).maxConcurrency(32).stepDuration(10);
 * setUp(scenario("max").forever().on(exec(lookup)).injectClosed(search.injection()))
 *     .protocols(database().findMax(search))
 *     .maxDuration(search.maxDuration());
 * }</pre>
 */
public final class FindMaxBuilder {
    private final FindMax config;

    FindMaxBuilder(FindMax config) {
        this.config = config;
    }

    static FindMaxBuilder defaults() {
        return new FindMaxBuilder(new FindMax(1, 1, Duration.ofSeconds(10), 16, 0.01, 2.0, 5.0));
    }

    /** The one copy-with-change: every setting changes a {@link Draft} of this search, checked again as a whole. */
    private FindMaxBuilder with(Consumer<Draft> change) {
        Draft d = new Draft(config);
        change.accept(d);
        return new FindMaxBuilder(d.build());
    }

    /** A mutable copy of a {@link FindMax}'s components. */
    private static final class Draft {
        int startConcurrency;
        int increment;
        Duration stepDuration;
        int maxConcurrency;
        double maxErrorRate;
        double maxP95Degradation;
        double minThroughputGainPercent;

        Draft(FindMax c) {
            startConcurrency = c.startConcurrency();
            increment = c.increment();
            stepDuration = c.stepDuration();
            maxConcurrency = c.maxConcurrency();
            maxErrorRate = c.maxErrorRate();
            maxP95Degradation = c.maxP95Degradation();
            minThroughputGainPercent = c.minThroughputGainPercent();
        }

        FindMax build() {
            return new FindMax(
                    startConcurrency,
                    increment,
                    stepDuration,
                    maxConcurrency,
                    maxErrorRate,
                    maxP95Degradation,
                    minThroughputGainPercent);
        }
    }

    /**
     * @param users virtual users of the first step (default 1)
     * @return a new builder
     */
    public FindMaxBuilder startConcurrency(int users) {
        return with(d -> {
            d.startConcurrency = users;
            d.maxConcurrency = Math.max(users, d.maxConcurrency);
        });
    }

    /**
     * @param users users added per step (default 1)
     * @return a new builder
     */
    public FindMaxBuilder increment(int users) {
        return with(d -> d.increment = users);
    }

    /**
     * @param users the bound (default 16)
     * @return a new builder
     */
    public FindMaxBuilder maxConcurrency(int users) {
        return with(d -> d.maxConcurrency = users);
    }

    /**
     * @param duration how long each step lasts (default 10 s)
     * @return a new builder
     */
    public FindMaxBuilder stepDuration(Duration duration) {
        return with(d -> d.stepDuration = duration);
    }

    /**
     * @param seconds how long each step lasts
     * @return a new builder
     */
    public FindMaxBuilder stepDuration(long seconds) {
        return stepDuration(Duration.ofSeconds(seconds));
    }

    /**
     * @param rate stop when a step's error fraction exceeds this (default 0.01)
     * @return a new builder
     */
    public FindMaxBuilder maxErrorRate(double rate) {
        return with(d -> d.maxErrorRate = rate);
    }

    /**
     * @param factor stop when a step's p95 exceeds the first step's times this (default 2.0)
     * @return a new builder
     */
    public FindMaxBuilder maxP95Degradation(double factor) {
        return with(d -> d.maxP95Degradation = factor);
    }

    /**
     * @param percent stop when throughput rose less than this over the previous step (default 5)
     * @return a new builder
     */
    public FindMaxBuilder minThroughputGain(double percent) {
        return with(d -> d.minThroughputGainPercent = percent);
    }

    /** @return Gatling's closed injection for the steps: {@code incrementConcurrentUsers(...)} */
    public ClosedInjectionStep injection() {
        return incrementConcurrentUsers(config.increment())
                .times(config.steps())
                .eachLevelLasting(config.stepDuration())
                .startingFrom(config.startConcurrency());
    }

    /** @return the longest the search can last, for {@code setUp(...).maxDuration(...)} */
    public Duration maxDuration() {
        return config.maxDuration();
    }

    FindMax toFindMax() {
        return config;
    }
}

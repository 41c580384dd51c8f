package dev.salvo.dsl;

import static io.gatling.javaapi.core.CoreDsl.incrementConcurrentUsers;

import dev.salvo.runtime.FindMax;
import io.gatling.javaapi.core.ClosedInjectionStep;
import java.time.Duration;

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

  private FindMaxBuilder with(java.util.function.Supplier<FindMax> next) {
    return new FindMaxBuilder(Guard.check(next));
  }

  /**
   * @param users virtual users of the first step (default 1)
   * @return a new builder
   */
  public FindMaxBuilder startConcurrency(int users) {
    FindMax c = config;
    return with(() -> new FindMax(users, c.increment(), c.stepDuration(), Math.max(users, c.maxConcurrency()),
        c.maxErrorRate(), c.maxP95Degradation(), c.minThroughputGainPercent()));
  }

  /**
   * @param users users added per step (default 1)
   * @return a new builder
   */
  public FindMaxBuilder increment(int users) {
    FindMax c = config;
    return with(() -> new FindMax(c.startConcurrency(), users, c.stepDuration(), c.maxConcurrency(), c.maxErrorRate(),
        c.maxP95Degradation(), c.minThroughputGainPercent()));
  }

  /**
   * @param users the bound (default 16)
   * @return a new builder
   */
  public FindMaxBuilder maxConcurrency(int users) {
    FindMax c = config;
    return with(() -> new FindMax(c.startConcurrency(), c.increment(), c.stepDuration(), users, c.maxErrorRate(),
        c.maxP95Degradation(), c.minThroughputGainPercent()));
  }

  /**
   * @param duration how long each step lasts (default 10 s)
   * @return a new builder
   */
  public FindMaxBuilder stepDuration(Duration duration) {
    FindMax c = config;
    return with(() -> new FindMax(c.startConcurrency(), c.increment(), duration, c.maxConcurrency(), c.maxErrorRate(),
        c.maxP95Degradation(), c.minThroughputGainPercent()));
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
    FindMax c = config;
    return with(() -> new FindMax(c.startConcurrency(), c.increment(), c.stepDuration(), c.maxConcurrency(), rate,
        c.maxP95Degradation(), c.minThroughputGainPercent()));
  }

  /**
   * @param factor stop when a step's p95 exceeds the first step's times this (default 2.0)
   * @return a new builder
   */
  public FindMaxBuilder maxP95Degradation(double factor) {
    FindMax c = config;
    return with(() -> new FindMax(c.startConcurrency(), c.increment(), c.stepDuration(), c.maxConcurrency(),
        c.maxErrorRate(), factor, c.minThroughputGainPercent()));
  }

  /**
   * @param percent stop when throughput rose less than this over the previous step (default 5)
   * @return a new builder
   */
  public FindMaxBuilder minThroughputGain(double percent) {
    FindMax c = config;
    return with(() -> new FindMax(c.startConcurrency(), c.increment(), c.stepDuration(), c.maxConcurrency(),
        c.maxErrorRate(), c.maxP95Degradation(), percent));
  }

  /** @return Gatling's closed injection for the steps: {@code incrementConcurrentUsers(...)} */
  public ClosedInjectionStep injection() {
    return incrementConcurrentUsers(config.increment()).times(config.steps())
        .eachLevelLasting(config.stepDuration()).startingFrom(config.startConcurrency());
  }

  /** @return the longest the search can last, for {@code setUp(...).maxDuration(...)} */
  public Duration maxDuration() {
    return config.maxDuration();
  }

  FindMax toFindMax() {
    return config;
  }
}

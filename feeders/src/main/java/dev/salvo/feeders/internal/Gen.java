package dev.salvo.feeders.internal;

import dev.salvo.feeders.ParameterStrategy;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * A compiled parameter strategy. {@link #next(RandomGenerator, Object[], long)} sees the values already generated
 * for the current tuple (by declaration position) and the tuple's draw index; standalone use through
 * {@link ParameterStrategy#next(RandomGenerator)} has neither, and counts its own draws.
 */
public abstract class Gen implements ParameterStrategy<Object> {
  private final AtomicLong standaloneDraws = new AtomicLong();

  /**
   * @param random the draw's randomness
   * @param values the tuple being generated, filled in dependency order (null in standalone use)
   * @param index the draw index (per generator, per worker)
   * @return the value
   */
  public abstract Object next(RandomGenerator random, Object[] values, long index);

  @Override
  public Object next(RandomGenerator random) {
    return next(random, null, standaloneDraws.getAndIncrement());
  }
}

package dev.salvo.feeders;

import dev.salvo.sql.SalvoException;
import java.time.LocalDate;
import java.util.random.RandomGenerator;

/** Factory methods for the basic parameter strategies. */
public final class Strategies {
  private Strategies() {}

  private static final class RandomGeneratorNext {
    static final ParameterStrategy<Long> ANY = RandomGenerator::nextLong;
  }

  /**
   * Uniform integers in a closed range.
   *
   * @param min smallest value (inclusive)
   * @param max largest value (inclusive), at least {@code min}
   * @return the strategy
   */
  public static ParameterStrategy<Long> randomLong(long min, long max) {
    if (max < min) {
      throw new SalvoException("randomLong: max must be >= min, but was min=" + min + ", max=" + max);
    }
    if (max == Long.MAX_VALUE) {
      return min == Long.MIN_VALUE ? RandomGeneratorNext.ANY : r -> r.nextLong(min - 1, max) + 1;
    }
    return r -> r.nextLong(min, max + 1);
  }

  /**
   * Uniform dates in a closed range.
   *
   * @param min first date (inclusive)
   * @param max last date (inclusive), not before {@code min}
   * @return the strategy
   */
  public static ParameterStrategy<LocalDate> randomDate(LocalDate min, LocalDate max) {
    if (min == null || max == null || max.isBefore(min)) {
      throw new SalvoException("randomDate: max must not be before min, but was min=" + min + ", max=" + max);
    }
    long first = min.toEpochDay();
    long last = max.toEpochDay();
    return r -> LocalDate.ofEpochDay(r.nextLong(first, last + 1));
  }
}

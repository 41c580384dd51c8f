package dev.salvo.feeders;

import java.util.random.RandomGenerator;

/**
 * Draws one parameter value per call. Implementations hold no mutable state of their own, so one instance can serve
 * every virtual user; randomness comes from the generator passed in.
 *
 * @param <T> the value type bound to the SQL parameter
 */
@FunctionalInterface
public interface ParameterStrategy<T> {
    /**
     * @param random the source of randomness (per thread or seeded, as the caller decides)
     * @return the next value
     */
    T next(RandomGenerator random);
}

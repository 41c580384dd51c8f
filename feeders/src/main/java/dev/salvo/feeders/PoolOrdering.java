package dev.salvo.feeders;

/**
 * The order in which a pool's values are handed out, after the names of Gatling's feeder strategies. The position
 * derives from the generator's draw index, so a seeded run hands out the same values.
 */
public enum PoolOrdering {
    /** Uniform with replacement. */
    RANDOM,
    /** A seeded random permutation, each value once per pass; passes repeat (unlike Gatling's, which stops). */
    SHUFFLE,
    /** In order, wrapping around. */
    CIRCULAR,
    /** In order, each value once; drawing past the end is an error. */
    QUEUE
}

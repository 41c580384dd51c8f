package dev.salvo.sql.profile;

import dev.salvo.sql.SalvoException;

/**
 * How to profile. Immutable: each method returns a new instance. All defaults are the constants below.
 *
 * @param mode AUTO (statistics when present, else sampled), STATISTICS, SAMPLED or EXACT
 * @param sampleSize the most sample values kept per column, 1 to {@link #MAX_SAMPLE_SIZE}
 * @param mostCommonLimit the most "most common values" kept per column, 1 to {@link #MAX_SAMPLE_SIZE}
 * @param analyze whether to refresh the database's statistics first (PostgreSQL {@code ANALYZE}): off by default
 *     because it writes to the catalog of the database under test
 * @param seed the seed of repeatable row sampling where the database supports one
 */
public record ProfileOptions(ProfileMode mode, int sampleSize, int mostCommonLimit, boolean analyze, long seed) {
    /** Default sample values kept per column. */
    public static final int DEFAULT_SAMPLE_SIZE = 1_000;
    /** Default most common values kept per column. */
    public static final int DEFAULT_MOST_COMMON_LIMIT = 100;
    /** The cap on sample sizes: snapshots stay small and profiling stays cheap. */
    public static final int MAX_SAMPLE_SIZE = 100_000;
    /** The defaults: AUTO, 1,000 samples, 100 most common values, no ANALYZE, seed 42. */
    public static final ProfileOptions DEFAULTS =
            new ProfileOptions(ProfileMode.AUTO, DEFAULT_SAMPLE_SIZE, DEFAULT_MOST_COMMON_LIMIT, false, 42);

    /** Checks the bounds. */
    public ProfileOptions {
        if (mode == null) {
            throw new SalvoException("profile options: mode must be one of "
                    + java.util.Arrays.toString(ProfileMode.values()) + ", but was null");
        }
        check("sampleSize", sampleSize);
        check("mostCommonLimit", mostCommonLimit);
    }

    private static void check(String what, int value) {
        if (value < 1 || value > MAX_SAMPLE_SIZE) {
            throw new SalvoException(
                    "profile options: " + what + " must be between 1 and " + MAX_SAMPLE_SIZE + ", but was " + value);
        }
    }

    /** @param mode the mode @return a copy */
    public ProfileOptions mode(ProfileMode mode) {
        return new ProfileOptions(mode, sampleSize, mostCommonLimit, analyze, seed);
    }

    /** @param sampleSize sample values per column @return a copy */
    public ProfileOptions sampleSize(int sampleSize) {
        return new ProfileOptions(mode, sampleSize, mostCommonLimit, analyze, seed);
    }

    /** @param mostCommonLimit most common values per column @return a copy */
    public ProfileOptions mostCommonLimit(int mostCommonLimit) {
        return new ProfileOptions(mode, sampleSize, mostCommonLimit, analyze, seed);
    }

    /** @return a copy that refreshes the database's statistics before reading them */
    public ProfileOptions analyzeFirst() {
        return new ProfileOptions(mode, sampleSize, mostCommonLimit, true, seed);
    }

    /** @param seed the sampling seed @return a copy */
    public ProfileOptions seed(long seed) {
        return new ProfileOptions(mode, sampleSize, mostCommonLimit, analyze, seed);
    }
}

package dev.salvo.runtime;

import dev.salvo.sql.SalvoException;
import dev.salvo.sql.profile.ProfileSnapshots;
import java.nio.file.Path;

/**
 * How profile-backed parameters are drawn in a run.
 *
 * @param profilesDirectory where profile snapshots are read and written ({@code <table>.yaml})
 * @param refreshProfiles true to re-profile tables even when a snapshot exists
 * @param seed the seed of every parameter stream (a run with the same seed draws the same values)
 * @param workerIndex this load generator's index, from 0
 * @param workerCount how many load generators share the pools (without overlap)
 */
public record ParameterSettings(
        Path profilesDirectory, boolean refreshProfiles, long seed, int workerIndex, int workerCount) {

    /** Checks the values. */
    public ParameterSettings {
        if (profilesDirectory == null) {
            throw new SalvoException("parameters: the profiles directory must be set, but was null");
        }
        if (workerCount < 1 || workerIndex < 0 || workerIndex >= workerCount) {
            throw new SalvoException(
                    "parameters: the worker index must be in [0, workerCount) with workerCount >= 1, but was index="
                            + workerIndex + ", count=" + workerCount);
        }
    }

    /**
     * From system properties: {@code salvo.profiles} (default {@value ProfileSnapshots#DEFAULT_DIRECTORY}),
     * {@code salvo.refreshProfiles}, {@code salvo.seed} (default 1), {@code salvo.workerIndex} / {@code salvo.workerCount}
     * (default 0 / 1, or from the environment as {@link WorkerIdentity} reads them).
     *
     * @return the settings
     */
    public static ParameterSettings fromEnvironment() {
        WorkerIdentity worker = WorkerIdentity.fromEnvironment();
        return new ParameterSettings(
                Path.of(System.getProperty("salvo.profiles", ProfileSnapshots.DEFAULT_DIRECTORY)),
                Boolean.getBoolean("salvo.refreshProfiles"),
                number("salvo.seed", 1),
                worker.index(),
                worker.count());
    }

    private static long number(String property, long fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new SalvoException(property + ": must be a whole number, but was '" + value + "'");
        }
    }
}

package dev.salvo.runtime.internal;

import dev.salvo.reports.ResultsBuilder;

/**
 * Records the run's settings in results.json's {@code config}: the protocol's settings, the session's facts from the
 * dialect, and the built-in pattern that produced the run. Never a secret.
 */
final class RunSettings {
    /** Set by the patterns module's PatternSimulation: the pattern's {@code name@version}, recorded as config. */
    static final String PATTERN_PROPERTY = "salvo.patternId";

    private RunSettings() {}

    /**
     * @param results where the settings go
     * @param target the run's database and protocol
     */
    static void record(ResultsBuilder results, Target target) {
        target.dialect.sessionFacts(target.session).forEach(results::config);
        String pattern = System.getProperty(PATTERN_PROPERTY, "");
        if (!pattern.isBlank()) {
            results.config("pattern", pattern); // a built-in pattern's name@version (patterns module)
        }
        var protocol = target.protocol;
        results.config("pool.size", protocol.poolSize())
                .config("warmup", protocol.warmup())
                .config("connectionTimeout", protocol.connectionTimeout())
                .config("queryTimeout", protocol.queryTimeout().isZero() ? "none" : protocol.queryTimeout())
                .config("demoSchema", protocol.settings().embedded() && protocol.loadDemoSchema())
                .config("embeddedSetup.statements", protocol.embeddedSetup().size())
                .config("gatlingRequestStats", protocol.gatlingRequestStats())
                .config("seed", protocol.parameters().seed())
                .config(
                        "worker",
                        protocol.parameters().workerIndex() + " of "
                                + protocol.parameters().workerCount())
                .config("profiles", protocol.parameters().profilesDirectory())
                .config("refreshProfiles", protocol.parameters().refreshProfiles())
                .config("findMax", protocol.findMax() == null ? "off" : protocol.findMax())
                .config("progressSeconds", Long.getLong(SalvoRun.PROGRESS_PROPERTY, 5))
                .config("hiccupMillis", HiccupRecorder.sleepMillis())
                .config("arrivalLeadMillis", ArrivalRelease.leadMillis())
                .config("faults.unreachableAfter", protocol.faults().unreachableAfter())
                .config("faults.failFast", protocol.faults().failFast())
                .config("faults.drainTimeout", protocol.faults().drainTimeout());
    }
}

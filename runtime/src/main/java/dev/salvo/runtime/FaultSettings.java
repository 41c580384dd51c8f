package dev.salvo.runtime;

import dev.salvo.sql.SalvoException;
import java.time.Duration;

/**
 * How a run treats a database that goes away, and how it ends (docs/reliability.md).
 *
 * @param unreachableAfter how long no connection can be made before Salvo names an outage (a line at the time, the
 *     interval in results.json and on the report's timelines); at least 100 ms
 * @param failFast during a named outage, requests fail at once (SQLSTATE 08001) instead of each waiting up to the
 *     pool's connection timeout; off by default, because it changes what the measured latencies mean (see the docs)
 * @param drainTimeout how long in-flight requests may finish once the load stops; statements still running then are
 *     cancelled on the server; at least 100 ms
 */
public record FaultSettings(Duration unreachableAfter, boolean failFast, Duration drainTimeout) {
    /** The default outage threshold. */
    public static final Duration DEFAULT_UNREACHABLE_AFTER = Duration.ofSeconds(2);
    /** The default drain timeout. */
    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(30);
    /** The defaults: 2 s, no fail-fast, 30 s drain. */
    public static final FaultSettings DEFAULTS =
            new FaultSettings(DEFAULT_UNREACHABLE_AFTER, false, DEFAULT_DRAIN_TIMEOUT);

    /** Checks the values. */
    public FaultSettings {
        if (unreachableAfter == null || unreachableAfter.toMillis() < 100) {
            throw new SalvoException("database: unreachableAfter must be at least 100 ms, but was " + unreachableAfter);
        }
        if (drainTimeout == null || drainTimeout.toMillis() < 100) {
            throw new SalvoException("database: drainTimeout must be at least 100 ms, but was " + drainTimeout);
        }
    }
}

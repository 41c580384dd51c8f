package dev.salvo.sql;

import java.time.Duration;

/**
 * What Salvo sets on every pooled connection before the first request: the run and worker that the server's own
 * records should name, the statement timeout and whether the server may answer from a result cache. A dialect turns it
 * into SQL ({@link Dialect#sessionSetupSql(SessionSetup)}).
 *
 * @param runId the run's id (a simulation name and a timestamp), never null
 * @param workerIndex this load generator's index, 0 for a single machine
 * @param statementTimeout longest a statement may run before the server cancels it; zero for no limit
 * @param resultCache whether the server may answer from its result cache (only Snowflake has one that Salvo can switch)
 */
public record SessionSetup(String runId, int workerIndex, Duration statementTimeout, boolean resultCache) {

    /** Checks the values. */
    public SessionSetup {
        if (runId == null || runId.isBlank()) {
            throw new SalvoException("session setup: the run id must be a non-empty text, but was '" + runId + "'");
        }
        if (workerIndex < 0) {
            throw new SalvoException(
                    "session setup: the worker index must be zero or positive, but was " + workerIndex);
        }
        if (statementTimeout == null || statementTimeout.isNegative()) {
            throw new SalvoException("session setup: the statement timeout must be zero (none) or positive, but was "
                    + statementTimeout);
        }
    }
}

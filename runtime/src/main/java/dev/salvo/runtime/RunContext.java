package dev.salvo.runtime;

import dev.salvo.sql.DatabaseSettings;
import dev.salvo.sql.SessionSetup;
import java.time.Instant;
import java.util.Map;

/**
 * What a {@link RunHook} knows about the run.
 *
 * @param runId the run's id: the name of its results directory and the run id of the session setup (e.g. Snowflake's
 *     {@code QUERY_TAG})
 * @param dialect the database dialect's name ({@code postgresql}, {@code snowflake})
 * @param database the database's URL and credentials (for a connection of the hook's own, outside the pool)
 * @param session what every pooled connection was set up with
 * @param startedAt when the run started (before the database opened)
 * @param sqlByRequest each request's JDBC SQL text (a transaction's statements as {@code <transaction> / <statement>});
 *     filled while the simulation builds its actions, complete once load starts
 */
public record RunContext(
        String runId,
        String dialect,
        DatabaseSettings database,
        SessionSetup session,
        Instant startedAt,
        Map<String, String> sqlByRequest) {}

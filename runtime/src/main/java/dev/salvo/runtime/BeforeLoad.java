package dev.salvo.runtime;

import dev.salvo.sql.DatabaseSettings;

/**
 * A step run once on the run's database before load: after the database (embedded or given by URL) accepts a
 * connection, before the pool opens and any request is prepared. A {@link dev.salvo.sql.SalvoException} stops the run
 * with its one line. For internal use: the DSL adds steps such as {@code database().seed(spec)}.
 */
@FunctionalInterface
public interface BeforeLoad {
    /**
     * @param settings the database's URL and credentials (the embedded server's when no URL is configured)
     */
    void run(DatabaseSettings settings);
}

package dev.salvo.runtime;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * An extension of a run's lifecycle, found with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/dev.salvo.runtime.RunHook} file), so that an opt-in module (e.g. {@code salvo-snowflake})
 * can read what only the database knows about the run without the runtime depending on it. One instance per run.
 *
 * <p>A hook never costs a result: every call is guarded, and a failure is one {@code [salvo] WARN} line naming the
 * hook; the run and its results go on as if the hook were absent.
 */
public interface RunHook {
    /**
     * The run's database is open (pool ready, statements not yet prepared), before any load.
     *
     * @param run the run
     * @return true to take part in this run (the other methods are called only then); false, e.g., for another database
     * @throws dev.salvo.sql.SalvoException when a setting of the hook is wrong: the run stops before load with its line
     * @throws Exception when the hook cannot start otherwise (one WARN line; the hook takes no further part)
     */
    boolean start(RunContext run) throws Exception;

    /**
     * @return true when {@link #prepared} should be called for every statement a request prepares on a pooled connection
     */
    default boolean tagsStatements() {
        return false;
    }

    /**
     * A request's statement was prepared on a pooled connection (once per connection, request and SQL text, not per
     * execution; two requests with the same SQL text get a statement each):
     * the place for a per-statement setting such as a driver's statement-level query tag.
     *
     * @param statement the new statement
     * @param request the request it belongs to (a transaction's statement: {@code <transaction> / <statement>}), null
     *     when the SQL text is no request's
     * @throws SQLException when the driver refuses (one WARN line for the run; statements stay untagged)
     */
    default void prepared(PreparedStatement statement, String request) throws SQLException {}

    /**
     * The run ended and its directory (results.json, index.html) is written; the pool is still open.
     *
     * @param run the run
     * @param runDirectory the run's directory
     * @throws Exception when the hook fails (one WARN line; the run's files stay as they are)
     */
    void finish(RunContext run, Path runDirectory) throws Exception;

    /** Releases what {@link #start} took (threads, connections); called once at the end, also when the run aborts. */
    default void close() {}
}

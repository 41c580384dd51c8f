package dev.salvo.sql.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Reads a database server's own statistics around a run, without ever resetting them: cumulative counters are read
 * twice ({@link #snapshot}) and subtracted ({@link ServerDelta#between}); the sessions of the run are sampled for wait
 * events ({@link #waitSampler}); statements are identified and explained ({@link #explain}). Obtained from the dialect
 * ({@link dev.salvo.sql.Dialect#serverStatistics()}). What a server does not offer, or does not let the user read, is
 * reported as one line in {@link ServerSnapshot#unavailable()}, never as an exception. docs/server-statistics.md lists
 * every number and the view it comes from.
 */
public interface ServerStatistics {

    /**
     * Reads every cumulative counter at once. Never throws for a missing view, extension or privilege.
     *
     * @param connection a connection to the database under load
     * @return the snapshot, with one line per part that could not be read
     */
    ServerSnapshot snapshot(Connection connection);

    /**
     * The JDBC connection properties that tag a session as the run's, so that {@link #waitSampler} finds it.
     *
     * @param tag the run's tag, e.g. {@code salvo-Sample01-20261201190000000}
     * @return driver properties to add to every connection of the run (empty when the database has no such tag)
     */
    Map<String, String> sessionTag(String tag);

    /**
     * Starts a daemon thread that samples, every {@code period}, which of the tagged sessions are active and what they
     * wait on.
     *
     * @param connection a connection of its own, closed by {@link WaitSampler#stop()}
     * @param tag the tag given to {@link #sessionTag}
     * @param period time between samples
     * @param interval length of one interval of the resulting timeline
     * @return the running sampler
     */
    WaitSampler waitSampler(Connection connection, String tag, Duration period, Duration interval);

    /**
     * Plans a statement with the given parameter values, without executing it, and reads its query identifier.
     *
     * @param connection a connection
     * @param jdbcSql the statement as Salvo prepares it ({@code ?} placeholders)
     * @param binder binds the values, in placeholder order, as the run does
     * @return the plan and identifier, or the reason there is none
     */
    Explained explain(Connection connection, String jdbcSql, Binder binder);

    /**
     * Finds the entries of a statement in a delta when its identifier is unknown, by its normalised text.
     *
     * @param delta the run's delta
     * @param jdbcSql the statement as Salvo prepares it
     * @return the matching statements (several when the text is ambiguous), empty when none
     */
    List<StatementDelta> matchText(ServerDelta delta, String jdbcSql);

    /** Binds a statement's parameters. */
    @FunctionalInterface
    interface Binder {
        /**
         * @param statement the statement to bind
         * @throws SQLException as JDBC does
         */
        void bind(PreparedStatement statement) throws SQLException;
    }

    /**
     * A statement's plan.
     *
     * @param queryId the server's query identifier, null when the server computes none
     * @param plan the plan as the server gives it (JSON parsed into maps and lists), null when it could not be planned
     * @param problem one line saying why there is no plan or identifier, null when there is both
     */
    record Explained(Long queryId, Object plan, String problem) {}

    /**
     * For databases Salvo reads no server statistics of.
     *
     * @param dialect the dialect's name
     * @return statistics that report, in one line, that nothing is collected
     */
    static ServerStatistics unsupported(String dialect) {
        return new Unsupported(dialect);
    }
}

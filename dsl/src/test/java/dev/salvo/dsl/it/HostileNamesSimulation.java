package dev.salvo.dsl.it;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import dev.salvo.sql.PostgresDialect;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.util.List;

/**
 * SQL safety: a table and columns whose names hold quotes, semicolons, comment markers, a {@code :name} lookalike,
 * spaces and non-ASCII letters, written to and read back with values that look like injections. User i (1-5) inserts
 * row i with value {@code VALUES[i - 1]}, looks it up by key through the kind's default SQL, then finds it by value.
 * The table must exist before the run (SqlSafetyTest creates it).
 */
public class HostileNamesSimulation extends Simulation {
    /** The table's catalog name. */
    public static final String TABLE = "we\"ird; DROP TABLE orders; -- /* naïve ✓ $$";
    /** The key column. */
    public static final String KEY = "id\"); --";
    /** The value column: a quote, a space, a comment opener and something that looks like a named parameter. */
    public static final String VALUE = "va'l ue /* :x";
    /** Values that would change the statement if they were concatenated. */
    public static final List<String> VALUES =
            List.of("'; DROP TABLE orders; --", "\" OR 1=1", "/* */", "$$", ":v ? $1 \\ ' naïve ✓");

    private static String value(Session s) {
        return VALUES.get((int) (s.userId() - 1) % VALUES.size());
    }

    {
        PostgresDialect pg = new PostgresDialect();
        String t = pg.quoteIdentifier(TABLE);
        String k = pg.quoteIdentifier(KEY);
        String v = pg.quoteIdentifier(VALUE);
        var add = insert("add hostile row")
                .query("INSERT INTO " + t + " (" + k + ", " + v + ") VALUES (:id, :v)")
                .param("id", Session::userId)
                .param("v", HostileNamesSimulation::value)
                .noSlo();
        var byKey = pointLookup("hostile by key")
                .table(TABLE)
                .key(KEY)
                .param("key", Session::userId)
                .noSlo();
        var byValue = sql("hostile by value")
                .query("SELECT " + k + " FROM " + t + " WHERE " + v + " = :v")
                .param("v", HostileNamesSimulation::value)
                .noSlo();
        setUp(scenario("hostile").exec(add).exec(byKey).exec(byValue).injectOpen(atOnceUsers(VALUES.size())))
                .protocols(database().poolSize(2));
    }
}

package dev.salvo.seed;

import dev.salvo.seed.internal.Catalog;
import dev.salvo.seed.internal.Loader;
import dev.salvo.seed.internal.Plan;
import dev.salvo.seed.internal.Planner;
import dev.salvo.sql.DatabaseSettings;
import dev.salvo.sql.Dialect;
import dev.salvo.sql.SalvoException;
import dev.salvo.sql.profile.ProfileSnapshots.ConnectionSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Seeds a PostgreSQL database from a {@link SeedSpec}: reads the live catalog of the named tables, checks and compiles
 * the spec (every problem is one line, before anything is written), then bulk-loads with COPY and checks integrity.
 *
 * <pre>{@code
 * SeedSummary summary = Seeder.seed(SpecYaml.load(Path.of("shop.yaml")), Seeder.connections(settings),
 *     SeedOptions.DEFAULTS.threads(4));
 * }</pre>
 */
public final class Seeder {
    private Seeder() {}

    /**
     * @param spec what to seed
     * @param connections opens connections to the target database (one per loading thread, plus one)
     * @param options threads, batches, scale, truncation, progress
     * @return what was written and checked
     * @throws SalvoException one line naming the culprit
     */
    public static SeedSummary seed(SeedSpec spec, ConnectionSource connections, SeedOptions options) {
        Dialect dialect;
        Plan plan;
        try (Connection c = connections.open()) {
            dialect = Dialect.forUrl(c.getMetaData().getURL());
            if (!dialect.name().equals("postgresql")) {
                throw new SalvoException("seed: the database must be PostgreSQL for a direct load, but was "
                        + dialect.name() + "; generate server-side SQL with SnowflakeSeedSql instead");
            }
            Dialect d = dialect;
            plan = Planner.plan(spec, options.scale(), table -> Catalog.read(c, d, table));
        } catch (SQLException e) {
            throw new SalvoException("seed: the database must be reachable, but " + e.getMessage(), e);
        }
        return new Loader(plan, connections, dialect, options).run();
    }

    /**
     * Checks a spec without a database, as if none of its tables existed yet.
     *
     * @param spec the spec
     * @param scale the row-count multiplier
     * @throws SalvoException one line naming the culprit
     */
    public static void check(SeedSpec spec, double scale) {
        Planner.plan(spec, scale, null);
    }

    /**
     * @param settings a JDBC URL and credentials (the password is never printed)
     * @return a source of new connections through {@link DriverManager}
     * @throws SalvoException when no URL is set
     */
    public static ConnectionSource connections(DatabaseSettings settings) {
        String url = settings.url()
                .orElseThrow(() -> new SalvoException(
                        "seed: a JDBC URL must be given (--url, salvo.url or SALVO_URL), but none was"));
        return () -> DriverManager.getConnection(
                url, settings.user().orElse(null), settings.password().orElse(null));
    }
}

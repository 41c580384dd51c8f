package dev.salvo.benchmarks.profiling;

import dev.salvo.sql.EmbeddedDatabase;
import dev.salvo.sql.PostgresDialect;
import dev.salvo.sql.profile.ProfileMode;
import dev.salvo.sql.profile.ProfileOptions;
import dev.salvo.sql.profile.TableProfile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * Profiling speed: a 1M-row table profiled through PostgreSQL's catalog statistics (pg_stats, after ANALYZE) versus
 * full scans (exact mode), on the embedded server. Prints the median of 3 timings of each and their ratio.
 *
 * <p>Run: {@code mvn -B -q -pl benchmarks -am package -DskipTests && java -cp benchmarks/target/benchmarks.jar
 * dev.salvo.benchmarks.profiling.ProfilingSpeed [rows]}
 */
public final class ProfilingSpeed {
    private ProfilingSpeed() {}

    /**
     * @param args optional row count (default 1,000,000)
     * @throws Exception when the database fails
     */
    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(Path.of("benchmarks", "target", "profiling-pg"));
                Connection c = DriverManager.getConnection(db.jdbcUrl())) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE big (id bigint PRIMARY KEY, category text NOT NULL, day date NOT NULL,"
                        + " amount numeric(12,2) NOT NULL, note text)");
                st.execute(
                        "INSERT INTO big SELECT i, 'c' || floor(50 * power(((i * 40503) % 999983) / 999983.0, 3))::int,"
                                + " DATE '2020-01-01' + ((i * 7919) % 2000)::int, round(((i * 104729) % 100000) / 100.0, 2),"
                                + " CASE WHEN i % 10 = 0 THEN NULL ELSE 'n' || (i % 1000) END FROM generate_series(1::bigint, "
                                + rows + ") i");
                st.execute("ANALYZE big");
            }
            List<String> columns = List.of("id", "category", "day", "amount", "note");
            PostgresDialect dialect = new PostgresDialect();
            long statistics = median(() -> dialect.profiler()
                    .profile(c, "big", columns, ProfileOptions.DEFAULTS.mode(ProfileMode.STATISTICS)));
            long exact = median(() ->
                    dialect.profiler().profile(c, "big", columns, ProfileOptions.DEFAULTS.mode(ProfileMode.EXACT)));
            System.out.printf(
                    Locale.ROOT,
                    "PROFILING rows=%d statistics_ms=%.1f exact_ms=%.1f ratio=%.1f%n",
                    rows,
                    statistics / 1e6,
                    exact / 1e6,
                    exact / (double) statistics);
        }
    }

    interface Profiling {
        TableProfile run() throws Exception;
    }

    private static long median(Profiling profiling) throws Exception {
        profiling.run(); // warm the JVM and the server's caches
        long[] t = new long[3];
        for (int i = 0; i < t.length; i++) {
            long start = System.nanoTime();
            profiling.run();
            t[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(t);
        return t[1];
    }
}

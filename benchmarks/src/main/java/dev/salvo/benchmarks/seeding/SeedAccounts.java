package dev.salvo.benchmarks.seeding;

import dev.salvo.seed.ColumnSpec;
import dev.salvo.seed.Gen;
import dev.salvo.seed.SeedOptions;
import dev.salvo.seed.SeedSpec;
import dev.salvo.seed.SeedSummary;
import dev.salvo.seed.Seeder;
import dev.salvo.seed.TableSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Locale;

/**
 * Seeds a table of pgbench_accounts' shape with Salvo for {@code benchmarks/seeding.sh}: {@code aid integer}
 * (1..rows), {@code bid integer} (uniform 1..rows/100000), {@code abalance integer} (0), {@code filler char(84)}
 * (empty, padded by the server), like pgbench's client-side generation. Drops the table first, so Salvo creates it
 * (and, with one thread, loads it with COPY FREEZE). No primary key: pgbench's {@code -I dtg} adds none either.
 *
 * <p>Arguments: {@code <jdbc url> <rows> <threads> <batch rows>}. Prints one line: {@code rows seconds bytes frozen}.
 */
public final class SeedAccounts {
    private SeedAccounts() {}

    /**
     * @param args url, rows, threads, batch rows
     * @throws Exception when seeding fails
     */
    public static void main(String[] args) throws Exception {
        String url = args[0];
        long rows = Long.parseLong(args[1]);
        int threads = Integer.parseInt(args[2]);
        int batch = Integer.parseInt(args[3]);
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("DROP TABLE IF EXISTS salvo_accounts");
        }
        SeedSpec spec = SeedSpec.seed(1)
                .table(TableSpec.named("salvo_accounts")
                        .rows(rows)
                        .column(ColumnSpec.of("aid", Gen.sequence(1)).sqlType("integer"))
                        .column(ColumnSpec.of("bid", Gen.uniform(1, Math.max(1, rows / 100_000)))
                                .sqlType("integer"))
                        .column(ColumnSpec.of("abalance", new Gen.Constant("0")).sqlType("integer"))
                        .column(ColumnSpec.of("filler", new Gen.Constant("")).sqlType("char(84)")));
        SeedSummary s = Seeder.seed(
                spec,
                () -> DriverManager.getConnection(url),
                SeedOptions.DEFAULTS
                        .threads(threads)
                        .batchRows(batch)
                        .progressSeconds(0)
                        .out(null));
        SeedSummary.TableResult t = s.tables().get(0);
        System.out.println(String.format(Locale.ROOT, "%d %.3f %d %s", t.rows(), t.seconds(), t.bytes(), t.frozen()));
    }
}

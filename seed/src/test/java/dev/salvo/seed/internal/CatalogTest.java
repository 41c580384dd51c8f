package dev.salvo.seed.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salvo.seed.ForeignKeySpec;
import dev.salvo.seed.SeedOptions;
import dev.salvo.seed.SeedSpec;
import dev.salvo.seed.SeedSummary;
import dev.salvo.seed.Seeder;
import dev.salvo.seed.SpecYaml;
import dev.salvo.sql.EmbeddedDatabase;
import dev.salvo.sql.PostgresDialect;
import dev.salvo.sql.SalvoException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Seeding from the live schema: the user's DDL, a spec with row counts only. */
class CatalogTest {
    private static EmbeddedDatabase db;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        db = EmbeddedDatabase.start(Path.of("target", "embedded-pg-catalog"));
        url = db.jdbcUrl();
        exec("""
        CREATE TABLE accounts (id bigint PRIMARY KEY, name varchar(20) NOT NULL, email text UNIQUE,
          balance numeric(10,2), opened date, active boolean, ref uuid, created timestamptz, kind smallint,
          score real);
        CREATE TABLE transfers (id serial PRIMARY KEY, src bigint NOT NULL REFERENCES accounts,
          dst bigint REFERENCES accounts, amount double precision, at timestamp, note char(3));
        CREATE TABLE pairs (a int, b int, label text, PRIMARY KEY (a, b));
        CREATE TABLE pair_notes (id int PRIMARY KEY, a int NOT NULL, b int NOT NULL, FOREIGN KEY (a, b) REFERENCES pairs);
        CREATE TABLE untouched (x int);
        INSERT INTO untouched VALUES (1), (2);""");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static void exec(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void readsColumnsKeysAndCompositeForeignKeys() throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            Catalog.Table accounts = Catalog.read(c, new PostgresDialect(), "accounts");
            assertThat(accounts.columns())
                    .extracting(Catalog.Column::name)
                    .containsExactly(
                            "id", "name", "email", "balance", "opened", "active", "ref", "created", "kind", "score");
            assertThat(accounts.column("balance").type()).isEqualTo("numeric(10,2)");
            assertThat(accounts.column("name").notNull()).isTrue();
            assertThat(accounts.primaryKey()).containsExactly("id");
            assertThat(accounts.uniques()).containsExactly(List.of("email"));
            Catalog.Table notes = Catalog.read(c, new PostgresDialect(), "pair_notes");
            assertThat(notes.foreignKeys())
                    .containsExactly(new ForeignKeySpec(List.of("a", "b"), "pairs", List.of("a", "b"), 0, 0));
            assertThat(Catalog.read(c, new PostgresDialect(), "missing")).isNull();
        }
    }

    @Test
    void seedsAnEmptySchemaFromRowCountsAloneAndNeverTruncatesWithoutTheFlag() throws Exception {
        SeedSpec spec = SpecYaml.parse("""
        seed: 5
        tables:
          accounts: {rows: 500}
          transfers: {rows: 3000}
          pairs:
            rows: 200
            columns: {a: {gen: sequence}, b: {gen: int, min: 1, max: 3}}
          pair_notes: {rows: 400}
        """, null);
        SeedSummary summary = Seeder.seed(spec, () -> DriverManager.getConnection(url), SeedOptions.DEFAULTS.out(null));
        assertThat(summary.tables())
                .extracting(SeedSummary.TableResult::table)
                .containsExactly("accounts", "transfers", "pairs", "pair_notes");
        assertThat(count("SELECT count(*) FROM accounts")).isEqualTo(500);
        assertThat(count("SELECT count(*) FROM transfers")).isEqualTo(3000);
        assertThat(count("SELECT count(*) FROM pair_notes")).isEqualTo(400);
        assertThat(summary.foreignKeys()).hasSize(3).allMatch(f -> f.violations() == 0);
        assertThat(count("SELECT count(*) FROM accounts WHERE length(name) > 20 OR balance >= 100000000"))
                .isZero();
        assertThat(count("SELECT count(DISTINCT kind) FROM accounts")).isGreaterThan(100);
        assertThat(count("SELECT count(*) FROM transfers WHERE length(note) <> 3"))
                .isZero();
        assertThat(count("SELECT count(*) FROM untouched")).isEqualTo(2);

        assertThatThrownBy(
                        () -> Seeder.seed(spec, () -> DriverManager.getConnection(url), SeedOptions.DEFAULTS.out(null)))
                .isInstanceOf(SalvoException.class)
                .hasMessage("table 'accounts': must be empty to be seeded, but holds rows; pass --truncate "
                        + "(SeedOptions.truncateFirst()) to replace them");
        String before = text("SELECT md5(string_agg(t::text, ',' ORDER BY id)) FROM transfers t");

        Seeder.seed(
                new SeedSpec(6, spec.tables()),
                () -> DriverManager.getConnection(url),
                SeedOptions.DEFAULTS.out(null).truncateFirst());
        assertThat(count("SELECT count(*) FROM transfers")).isEqualTo(3000);
        assertThat(text("SELECT md5(string_agg(t::text, ',' ORDER BY id)) FROM transfers t"))
                .isNotEqualTo(before);
        assertThat(count("SELECT count(*) FROM untouched")).isEqualTo(2);
    }

    static String text(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

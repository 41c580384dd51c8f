package dev.salvo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salvo.sql.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedCommandTest {
    @TempDir
    Path dir;

    @Test
    void seedsASpecIntoTheGivenDatabaseAndRefusesToOverwriteIt() throws Exception {
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, """
        seed: 3
        tables:
          items:
            rows: 1000
            primaryKey: [id]
            columns:
              id: {gen: sequence}
              price: {gen: decimal, min: 1, max: 99, scale: 2}
        """);
        try (EmbeddedDatabase db = EmbeddedDatabase.start(Path.of("target", "embedded-pg-seed-cli"))) {
            Cli cli = new Cli();
            assertThat(cli.run("seed", spec.toString(), "--url", db.jdbcUrl(), "--threads", "1", "--scale", "2"))
                    .isZero();
            assertThat(cli.out()).contains("[salvo] seeded items: 2,000 rows").contains("COPY FREEZE");
            try (Connection c = DriverManager.getConnection(db.jdbcUrl());
                    ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM items")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(2000);
            }
            assertThat(cli.run("seed", spec.toString(), "--url", db.jdbcUrl())).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(cli.err())
                    .isEqualTo("salvo seed: table 'items': must be empty to be seeded, but holds rows; pass "
                            + "--truncate (SeedOptions.truncateFirst()) to replace them" + System.lineSeparator());
            assertThat(cli.run("seed", spec.toString(), "--url", db.jdbcUrl(), "--truncate"))
                    .isZero();
        }
    }

    @Test
    void reportsABadSpecInOneLine() throws Exception {
        Path spec = dir.resolve("bad.yaml");
        Files.writeString(spec, "tables: {t: {rows: 5, columns: {c: {gen: gaussian}}}}");
        Cli cli = new Cli();
        assertThat(cli.run("seed", spec.toString(), "--url", "jdbc:postgresql://localhost:1/none"))
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err())
                .startsWith("salvo seed: table 't' column 'c': gen must be one of sequence, int,")
                .endsWith("but was 'gaussian'" + System.lineSeparator());
    }
}

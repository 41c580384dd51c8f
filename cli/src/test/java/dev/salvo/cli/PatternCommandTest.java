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

class PatternCommandTest {
  @TempDir Path dir;

  @Test
  void listsEveryPatternWithItsVersion() {
    Cli cli = new Cli();
    assertThat(cli.run("pattern", "--list")).isZero();
    assertThat(cli.out()).contains("tpcb-like@1").contains("read-heavy@1").contains("write-heavy@1")
        .contains("balanced@1");
  }

  @Test
  void exportsDdlSeedTemplateAndJava() throws Exception {
    Cli cli = new Cli();
    assertThat(cli.run("pattern", "read-heavy", "--scale", "3", "--export", dir.toString())).isZero();
    Path out = dir.resolve("read-heavy");
    assertThat(out.resolve("postgres.sql")).content().contains("CREATE TABLE rh_items");
    assertThat(out.resolve("snowflake.sql")).exists();
    assertThat(out.resolve("seed.yaml")).content().contains("rows: 10000");
    assertThat(out.resolve("workload.yaml")).content().contains("${rows.rh_items}");
    // the generated class has the row counts of scale 3 filled in
    assertThat(out.resolve("ReadHeavySimulation.java")).content().contains("package patterns;").contains("30000");

    assertThat(cli.run("pattern", "tpcb-like", "--export", dir.toString())).isZero();
    assertThat(dir.resolve("tpcb-like/TpcbLike.java")).content().contains("UPDATE pgbench_branches");
    assertThat(dir.resolve("tpcb-like/seed.sql")).content().contains("generate_series");

    assertThat(cli.run("pattern", "tpcb-like", "--export", dir.toString())).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(cli.err()).isEqualTo("salvo pattern: export: " + dir.resolve("tpcb-like")
        + " must not exist yet (Salvo does not overwrite files), but it does" + System.lineSeparator());
  }

  @Test
  void namesTheCatalogueForAnUnknownPattern() {
    Cli cli = new Cli();
    assertThat(cli.run("pattern", "tpcc")).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(cli.err()).isEqualTo("salvo pattern: pattern: name must be one of tpcb-like, read-heavy, write-heavy, "
        + "balanced, but was 'tpcc'" + System.lineSeparator());
    assertThat(cli.run("pattern", "balanced", "--scale", "0")).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(cli.err()).isEqualTo("salvo pattern: pattern: scale must be a whole number >= 1, but was 0"
        + System.lineSeparator());
  }

  @Test
  void refusesExistingTablesOfTheSameNameBeforeWritingAnything() throws Exception {
    try (EmbeddedDatabase db = EmbeddedDatabase.start(Path.of("target", "embedded-pg-pattern-cli"))) {
      try (Connection c = DriverManager.getConnection(db.jdbcUrl())) {
        c.createStatement().execute("CREATE TABLE rh_items (id int, note text)");
        c.createStatement().execute("INSERT INTO rh_items VALUES (1, 'mine')");
      }
      Cli cli = new Cli();
      assertThat(cli.run("pattern", "read-heavy", "--url", db.jdbcUrl())).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(cli.err()).isEqualTo("salvo pattern: pattern read-heavy@1: its tables must not exist yet, but "
          + "rh_items does (pass --replace / -Dsalvo.pattern.replace=true to drop and recreate them)"
          + System.lineSeparator());
      try (Connection c = DriverManager.getConnection(db.jdbcUrl());
          ResultSet rs = c.createStatement().executeQuery("SELECT note FROM rh_items")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("mine");
      }
    }
  }
}

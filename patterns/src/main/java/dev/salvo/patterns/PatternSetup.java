package dev.salvo.patterns;

import dev.salvo.seed.SeedOptions;
import dev.salvo.seed.Seeder;
import dev.salvo.seed.SpecYaml;
import dev.salvo.sql.DatabaseSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates a pattern's tables on a PostgreSQL database and fills them at a scale: checks that none of its tables exists
 * (or drops them when told to replace), runs {@code postgres.sql}, then seeds ({@code seed.sql} on the server, or
 * {@code seed.yaml} through the seed module's COPY loader).
 */
public final class PatternSetup {
  private PatternSetup() {}

  /**
   * @param pattern the pattern
   * @param settings the database (a URL must be set)
   * @param scale the scale factor, at least 1
   * @param replace drop the pattern's tables first when they exist; otherwise an existing table is an error
   * @throws PatternException when a table exists and {@code replace} is false, or the database refuses a statement
   */
  public static void prepare(Pattern pattern, DatabaseSettings settings, int scale, boolean replace) {
    checkScale(scale);
    String url = settings.url().orElseThrow(() -> new PatternException(
        "pattern " + pattern.id() + ": a JDBC URL must be given, but none was"));
    try (Connection c = DriverManager.getConnection(url, settings.user().orElse(null),
        settings.password().orElse(null))) {
      List<String> existing = existing(c, pattern);
      if (!existing.isEmpty() && !replace) {
        throw refusal(pattern, existing);
      }
      try (Statement s = c.createStatement()) {
        for (String table : existing) {
          s.execute("DROP TABLE IF EXISTS \"" + table.replace("\"", "\"\"") + "\" CASCADE");
        }
        for (String sql : statements(pattern.file("postgres.sql"))) {
          s.execute(sql);
        }
        if (pattern.files().containsKey("seed.sql")) {
          for (String sql : statements(pattern.file("seed.sql").replace("${scale}", Integer.toString(scale)))) {
            s.execute(sql);
          }
        }
      }
    } catch (SQLException e) {
      throw new PatternException("pattern " + pattern.id() + ": its schema must be created on "
          + settings.maskedUrl() + ", but " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    if (pattern.files().containsKey("seed.yaml")) {
      Seeder.seed(SpecYaml.parse(pattern.file("seed.yaml"), Path.of(".")), Seeder.connections(settings),
          SeedOptions.DEFAULTS.scale(scale));
    }
  }

  /**
   * @param scale a scale factor
   * @throws PatternException unless it is at least 1
   */
  public static void checkScale(int scale) {
    if (scale < 1) {
      throw new PatternException("pattern: scale must be a whole number >= 1, but was " + scale);
    }
  }

  /**
   * Checks, before anything is written, that none of the pattern's tables exists.
   *
   * @param pattern the pattern
   * @param settings the database (a URL must be set)
   * @throws PatternException naming the tables that exist, or when the database cannot be reached
   */
  public static void checkNoTables(Pattern pattern, DatabaseSettings settings) {
    String url = settings.url().orElseThrow(() -> new PatternException(
        "pattern " + pattern.id() + ": a JDBC URL must be given, but none was"));
    try (Connection c = DriverManager.getConnection(url, settings.user().orElse(null),
        settings.password().orElse(null))) {
      List<String> existing = existing(c, pattern);
      if (!existing.isEmpty()) {
        throw refusal(pattern, existing);
      }
    } catch (SQLException e) {
      throw new PatternException("database " + settings.maskedUrl() + ": must accept a connection, but "
          + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }

  private static PatternException refusal(Pattern pattern, List<String> existing) {
    return new PatternException("pattern " + pattern.id() + ": its tables must not exist yet, but "
        + String.join(", ", existing) + (existing.size() == 1 ? " does" : " do")
        + " (pass --replace / -Dsalvo.pattern.replace=true to drop and recreate them)");
  }

  static List<String> existing(Connection c, Pattern pattern) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(quote_ident(?)) IS NOT NULL")) {
      for (String table : pattern.tables().keySet()) {
        ps.setString(1, table);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getBoolean(1)) {
            out.add(table);
          }
        }
      }
    }
    return out;
  }

  /** Splits a script on semicolons that end a line; lines starting with {@code --} are comments. */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String line : script.split("\n")) {
      String t = line.strip();
      if (t.startsWith("--") || t.isEmpty()) {
        continue;
      }
      cur.append(line).append('\n');
      if (t.endsWith(";")) {
        String sql = cur.toString().strip();
        out.add(sql.substring(0, sql.length() - 1));
        cur.setLength(0);
      }
    }
    if (!cur.toString().isBlank()) {
      out.add(cur.toString().strip());
    }
    return out;
  }
}

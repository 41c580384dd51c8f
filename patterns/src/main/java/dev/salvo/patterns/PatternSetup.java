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
 * {@code seed.yaml} through the seed module's COPY loader, then {@code after-seed.sql} when the pattern has one). In seed
 * files {@code ${scale}} and {@code ${rows.<table>}} stand for the scale and a table's row count at it.
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
        String url = settings.url()
                .orElseThrow(() ->
                        new PatternException("pattern " + pattern.id() + ": a JDBC URL must be given, but none was"));
        try (Connection c = DriverManager.getConnection(
                url, settings.user().orElse(null), settings.password().orElse(null))) {
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
                    for (String sql : statements(withRows(pattern, pattern.file("seed.sql"), scale))) {
                        s.execute(sql);
                    }
                }
            }
        } catch (SQLException e) {
            throw new PatternException(
                    "pattern " + pattern.id() + ": its schema must be created on " + settings.maskedUrl() + ", but "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
        if (pattern.files().containsKey("seed.yaml")) {
            Seeder.seed(
                    SpecYaml.parse(withRows(pattern, pattern.file("seed.yaml"), scale), Path.of(".")),
                    Seeder.connections(settings),
                    SeedOptions.DEFAULTS.scale(scale));
        }
        if (pattern.files().containsKey("after-seed.sql")) {
            run(pattern, settings, pattern.file("after-seed.sql"));
        }
    }

    /** Replaces {@code ${scale}} and each {@code ${rows.<table>}} by its value at the scale. */
    static String withRows(Pattern pattern, String text, int scale) {
        String out = text.replace("${scale}", Integer.toString(scale));
        for (java.util.Map.Entry<String, Long> e : pattern.rows(scale).entrySet()) {
            out = out.replace("${rows." + e.getKey() + "}", Long.toString(e.getValue()));
        }
        return out;
    }

    private static void run(Pattern pattern, DatabaseSettings settings, String script) {
        try (Connection c = DriverManager.getConnection(
                        settings.url().orElseThrow(),
                        settings.user().orElse(null),
                        settings.password().orElse(null));
                Statement s = c.createStatement()) {
            for (String sql : statements(script)) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new PatternException(
                    "pattern " + pattern.id() + ": after-seed.sql must run on " + settings.maskedUrl() + ", but "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
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
        String url = settings.url()
                .orElseThrow(() ->
                        new PatternException("pattern " + pattern.id() + ": a JDBC URL must be given, but none was"));
        try (Connection c = DriverManager.getConnection(
                url, settings.user().orElse(null), settings.password().orElse(null))) {
            List<String> existing = existing(c, pattern);
            if (!existing.isEmpty()) {
                throw refusal(pattern, existing);
            }
        } catch (SQLException e) {
            throw new PatternException(
                    "database " + settings.maskedUrl() + ": must accept a connection, but "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
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

    /**
     * Splits a script on semicolons that end a line; lines starting with {@code --} are comments.
     *
     * @param script a pattern's SQL file, e.g. {@code postgres.sql}
     * @return its statements, without the semicolons
     */
    public static List<String> statements(String script) {
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

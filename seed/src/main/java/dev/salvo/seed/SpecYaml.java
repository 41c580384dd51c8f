package dev.salvo.seed;

import dev.salvo.sql.SalvoException;
import dev.salvo.sql.profile.ProfileSnapshots;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a seed spec from YAML (the reference is docs/seeding.md). Dates and timestamps are read as text, so
 * {@code 2024-01-01} means the date, not a {@code java.util.Date}. Profiles are read relative to the spec's directory.
 */
public final class SpecYaml {
    private static final Set<String> TOP = Set.of("seed", "tables");
    private static final Set<String> TABLE =
            Set.of("rows", "columns", "primaryKey", "unique", "foreignKeys", "perParent", "profile");
    private static final Set<String> FK = Set.of("columns", "references", "zipf", "nulls");
    private static final Pattern REFERENCE = Pattern.compile("\\s*([^()\\s]+)\\s*\\(([^)]*)\\)\\s*");

    private SpecYaml() {}

    /**
     * @param file a spec file
     * @return the spec
     * @throws SalvoException one line naming the file and the culprit
     */
    public static SeedSpec load(Path file) {
        try {
            return parse(
                    Files.readString(file, StandardCharsets.UTF_8),
                    file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new SalvoException(file + ": the seed spec must be readable, but " + e, e);
        }
    }

    /**
     * @param resource a class-path resource, e.g. {@code /seed/shop.yaml}
     * @return the spec (profile paths in it are read relative to the working directory)
     * @throws SalvoException one line naming the resource and the culprit
     */
    public static SeedSpec resource(String resource) {
        try (java.io.InputStream in = SpecYaml.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new SalvoException(resource + ": the seed spec must be a class-path resource, but was not found");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            throw new SalvoException(resource + ": the seed spec must be readable, but " + e, e);
        }
    }

    /**
     * @param text the YAML
     * @param base the directory profile paths are relative to
     * @return the spec
     * @throws SalvoException one line naming the culprit
     */
    public static SeedSpec parse(String text, Path base) {
        Object doc;
        try {
            doc = yaml().load(text);
        } catch (RuntimeException e) {
            throw new SalvoException(
                    "seed spec: the text must be valid YAML, but "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
        Map<String, Object> root = map(doc, "seed spec");
        keys(root, TOP, "seed spec");
        SeedSpec spec = SeedSpec.seed(
                root.containsKey("seed")
                        ? number(root.get("seed"), "seed spec: seed").longValue()
                        : 42);
        Map<String, Object> tables = map(root.get("tables"), "seed spec: tables");
        for (Map.Entry<String, Object> e : tables.entrySet()) {
            spec = spec.table(table(e.getKey(), map(e.getValue(), "table '" + e.getKey() + "'"), base));
        }
        return spec;
    }

    private static TableSpec table(String name, Map<String, Object> m, Path base) {
        String where = "table '" + name + "'";
        keys(m, TABLE, where);
        TableSpec t = TableSpec.named(name);
        if (m.containsKey("rows")) {
            long rows = number(m.get("rows"), where + ": rows").longValue();
            if (rows < 0) {
                throw new SalvoException(where + ": rows must be >= 0, but was " + rows);
            }
            t = t.rows(rows);
        }
        if (m.containsKey("profile")) {
            Path p = base == null ? Path.of(text(m.get("profile"))) : base.resolve(text(m.get("profile")));
            t = t.profile(ProfileSnapshots.load(p).profile());
        }
        if (m.containsKey("columns")) {
            for (Map.Entry<String, Object> c :
                    map(m.get("columns"), where + ": columns").entrySet()) {
                t = t.column(Generators.column(
                        name,
                        c.getKey(),
                        c.getValue() == null ? Map.of() : map(c.getValue(), where + " column '" + c.getKey() + "'")));
            }
        }
        if (m.containsKey("primaryKey")) {
            t = t.primaryKey(
                    strings(m.get("primaryKey"), where + ": primaryKey").toArray(String[]::new));
        }
        if (m.containsKey("unique")) {
            for (Object u : list(m.get("unique"), where + ": unique")) {
                t = t.unique(strings(u, where + ": unique").toArray(String[]::new));
            }
        }
        if (m.containsKey("foreignKeys")) {
            for (Object o : list(m.get("foreignKeys"), where + ": foreignKeys")) {
                t = t.foreignKey(foreignKey(where, map(o, where + ": a foreign key")));
            }
        }
        if (m.containsKey("perParent")) {
            Map<String, Object> pp = map(m.get("perParent"), where + ": perParent");
            keys(pp, Set.of("table", "min", "max"), where + ": perParent");
            t = t.perParent(
                    text(pp.get("table")),
                    number(pp.getOrDefault("min", 1), where + ": perParent min").intValue(),
                    number(pp.getOrDefault("max", 1), where + ": perParent max").intValue());
        }
        return t;
    }

    private static ForeignKeySpec foreignKey(String where, Map<String, Object> m) {
        keys(m, FK, where + " foreign key");
        List<String> columns = strings(m.get("columns"), where + " foreign key: columns");
        String ref = m.get("references") == null ? "" : text(m.get("references"));
        Matcher match = REFERENCE.matcher(ref);
        if (!match.matches()) {
            throw new SalvoException(where + " foreign key (" + String.join(", ", columns) + "): references must be "
                    + "table(column, ...), but was '" + ref + "'");
        }
        List<String> parentColumns = new ArrayList<>();
        for (String s : match.group(2).split(",")) {
            parentColumns.add(s.trim());
        }
        return new ForeignKeySpec(
                columns,
                match.group(1),
                parentColumns,
                number(m.getOrDefault("zipf", 0), where + " foreign key: zipf").doubleValue(),
                number(m.getOrDefault("nulls", 0), where + " foreign key: nulls")
                        .doubleValue());
    }

    static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        DumperOptions dumper = new DumperOptions();
        Resolver noTimestamps = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.BOOL, BOOL, "yYnNtTfFoO");
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.INT, INT, "-+0123456789");
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.FLOAT, FLOAT, "-+0123456789.");
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, NULL, "~nN\0");
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, EMPTY, null);
            }
        };
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, noTimestamps);
    }

    static void keys(Map<String, Object> m, Set<String> allowed, String where) {
        for (String k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw new SalvoException(
                        where + ": a key must be one of " + new java.util.TreeSet<>(allowed) + ", but was '" + k + "'");
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o, String where) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new SalvoException(where + ": must be a mapping, but was " + (o == null ? "missing" : "'" + o + "'"));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    static List<?> list(Object o, String where) {
        if (!(o instanceof List<?> l)) {
            throw new SalvoException(where + ": must be a list, but was " + (o == null ? "missing" : "'" + o + "'"));
        }
        return l;
    }

    static List<String> strings(Object o, String where) {
        if (o instanceof String s) {
            return List.of(s);
        }
        return list(o, where).stream().map(String::valueOf).toList();
    }

    static Number number(Object o, String where) {
        if (o instanceof Number n) {
            return n;
        }
        try {
            return new BigDecimal(String.valueOf(o).trim());
        } catch (NumberFormatException e) {
            throw new SalvoException(where + " must be a number, but was " + (o == null ? "missing" : "'" + o + "'"));
        }
    }

    static String text(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    static LocalDate date(Object o, String where) {
        try {
            return LocalDate.parse(String.valueOf(o).trim());
        } catch (java.time.DateTimeException e) {
            throw new SalvoException(where + " must be a date like 2024-01-31, but was '" + o + "'");
        }
    }

    static LocalDateTime timestamp(Object o, String where) {
        try {
            return LocalDateTime.parse(String.valueOf(o).trim().replace(' ', 'T'));
        } catch (java.time.DateTimeException e) {
            throw new SalvoException(where + " must be a timestamp like 2024-01-31T12:00:00, but was '" + o + "'");
        }
    }

    static OffsetDateTime timestamptz(Object o, String where) {
        try {
            return (OffsetDateTime) dev.salvo.sql.profile.ColumnType.TIMESTAMPTZ.parse(String.valueOf(o));
        } catch (SalvoException e) {
            throw new SalvoException(
                    where + " must be a timestamp with offset like 2024-01-31T12:00:00Z, but was '" + o + "'");
        }
    }
}

package dev.salvo.patterns;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The catalogue of built-in patterns, read from the class path ({@code salvo/patterns/index} lists the names).
 *
 * <pre>{@code
 * for (String name : Patterns.names()) {
 *   Pattern p = Patterns.load(name);
 *   System.out.println(p.id() + ": " + p.description());
 * }
 * }</pre>
 */
public final class Patterns {
    private static final String ROOT = "salvo/patterns/";
    /** The dialects a pattern ships DDL for, each as {@code <dialect>.sql} ({@link Pattern#ddl}). */
    public static final List<String> DDL_DIALECTS = List.of("postgres", "snowflake");

    private static final List<String> FILES = List.of(
            "postgres.sql",
            "snowflake.sql",
            "seed.yaml",
            "seed.sql",
            "after-seed.sql",
            "workload.yaml",
            "Workload.java");

    /** The files a pattern can take from its {@code family} (schema and load), the workload staying its own. */
    private static final List<String> FAMILY_FILES =
            List.of("postgres.sql", "snowflake.sql", "seed.yaml", "seed.sql", "after-seed.sql");

    private Patterns() {}

    /** @return every pattern's name, in catalogue order */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (String line : resource(ROOT + "index").orElseThrow().split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return names;
    }

    /** @return every pattern, loaded */
    public static List<Pattern> list() {
        return names().stream().map(Patterns::load).toList();
    }

    /**
     * @param name a pattern's name, e.g. {@code tpcb-like}
     * @return the pattern
     * @throws PatternException when there is no such pattern or its manifest is broken
     */
    public static Pattern load(String name) {
        if (name == null || !names().contains(name)) {
            throw new PatternException(
                    "pattern: name must be one of " + String.join(", ", names()) + ", but was '" + name + "'");
        }
        String dir = ROOT + name + "/";
        Map<String, Object> m = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(resource(dir + "pattern.yaml")
                        .orElseThrow(() ->
                                new PatternException("pattern " + name + ": pattern.yaml must exist, but is missing")));
        Map<String, String> files = new LinkedHashMap<>();
        for (String f : FILES) {
            resource(dir + f).ifPresent(text -> files.put(f, text));
        }
        Object family = m.get("family");
        if (family != null) {
            // the standard benchmarks' variants (ycsb-a .. ycsb-f, sysbench's three) share one table definition and
            // load: one copy under families/<family>/, a pattern's own file of the same name taking precedence
            String familyDir = ROOT + "families/" + family + "/";
            if (resource(familyDir + "postgres.sql").isEmpty()) {
                throw new PatternException("pattern " + name + ": family must name a directory of " + ROOT
                        + "families with a postgres.sql, but was '" + family + "'");
            }
            for (String f : FAMILY_FILES) {
                if (!files.containsKey(f)) {
                    resource(familyDir + f).ifPresent(text -> files.put(f, text));
                }
            }
        }
        Map<String, Long> tables = new LinkedHashMap<>();
        map(m, "tables").forEach((k, v) -> tables.put(k, ((Number) v).longValue()));
        Map<String, Double> mix = new LinkedHashMap<>();
        map(m, "mix").forEach((k, v) -> mix.put(k, ((Number) v).doubleValue()));
        double sum = mix.values().stream().mapToDouble(Double::doubleValue).sum();
        if (Math.abs(sum - 100) > 1e-9) {
            throw new PatternException("pattern " + name + ": mix weights must sum to 100, but summed to " + sum);
        }
        Optional<String> workloadClass = Optional.ofNullable((String) m.get("workloadClass"));
        if (workloadClass.isEmpty() && !files.containsKey("workload.yaml")) {
            throw new PatternException(
                    "pattern " + name + ": workload.yaml or workloadClass must be given, but neither is");
        }
        if (!files.containsKey("postgres.sql")) {
            throw new PatternException("pattern " + name + ": postgres.sql must exist, but is missing");
        }
        @SuppressWarnings("unchecked")
        List<String> distributions = (List<String>) m.getOrDefault("distributions", List.of());
        return new Pattern(
                (String) m.get("name"),
                ((Number) m.get("version")).intValue(),
                (String) m.get("description"),
                workloadClass,
                (String) m.getOrDefault("why", ""),
                ((Number) m.getOrDefault("defaultScale", 1)).intValue(),
                ((Number) m.getOrDefault("users", 4)).intValue(),
                ((Number) m.getOrDefault("duration", 30)).intValue(),
                tables,
                mix,
                distributions,
                (String) m.getOrDefault("slo", ""),
                files);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof Map<?, ?> ? (Map<String, Object>) v : Map.of();
    }

    static Optional<String> resource(String path) {
        try (InputStream in = Patterns.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PatternException("pattern resource " + path + ": must be readable, but " + e.getMessage(), e);
        }
    }
}

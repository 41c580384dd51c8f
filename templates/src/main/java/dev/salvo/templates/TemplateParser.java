package dev.salvo.templates;

import dev.salvo.templates.Template.FindMax;
import dev.salvo.templates.Template.Load;
import dev.salvo.templates.Template.LoadMode;
import dev.salvo.templates.Template.Table;
import dev.salvo.templates.Template.Targets;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a FlakeBench-format template (see {@code docs/templates.md}) with SnakeYAML's node API and checks all of it
 * before any load: every problem is reported, one line each, as {@code <file>:<line>:<column>: <where>: <rule>}.
 * Unknown keys are errors that list the known ones.
 */
public final class TemplateParser {
    static final List<String> TOP_KEYS = List.of(
            "name",
            "description",
            "version",
            "category",
            "table",
            "profile_columns",
            "custom_queries",
            "test",
            "salvo");
    static final List<String> TABLE_KEYS = List.of(
            "name",
            "database",
            "schema",
            "columns",
            "table_type",
            "clustering_keys",
            "primary_key",
            "indexes",
            "initial_row_count");
    static final List<String> PROFILE_KEYS = List.of("name", "type", "sample_size");
    static final List<String> TEST_KEYS = List.of(
            "duration_seconds",
            "concurrent_connections",
            "warmup_seconds",
            "think_time_ms",
            "targets",
            "load_mode",
            "target_qps",
            "start_concurrency",
            "concurrency_increment",
            "step_duration_seconds",
            "max_concurrency",
            "max_error_rate_pct",
            "latency_stability_factor",
            "throughput_stability_pct");
    static final List<String> TARGET_KEYS =
            List.of("min_ops_per_second", "max_p95_latency_ms", "max_p99_latency_ms", "max_error_rate_percent");
    static final List<String> SALVO_KEYS = List.of("seed", "pool_size", "ramp_seconds");

    private TemplateParser() {}

    /**
     * @param file a template file
     * @return the checked template
     * @throws TemplateException listing every problem
     */
    public static Template parse(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TemplateException(
                    List.of(file + ": the template must be a readable file, but reading failed: " + e));
        }
        return parse(file.toString(), bytes);
    }

    /**
     * @param file the name used in messages
     * @param bytes the template's UTF-8 bytes
     * @return the checked template
     * @throws TemplateException listing every problem
     */
    public static Template parse(String file, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            YamlReader r = new YamlReader(file);
            String problem = e.getProblem() == null ? "" : e.getProblem();
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            throw new TemplateException(List.of(r.at(
                            e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark())
                    + ": YAML must be well-formed (spaces for indentation, no tabs), but " + context + problem));
        } catch (YAMLException e) {
            throw new TemplateException(List.of(file + ": YAML must be well-formed, but " + e.getMessage()));
        }
        if (root == null) {
            throw new TemplateException(
                    List.of(file + ": the template must be a mapping with custom_queries, but was empty"));
        }
        YamlReader r = new YamlReader(file);
        Map<String, Node> top = r.mapping(root, "template", TOP_KEYS);
        if (top == null) {
            throw new TemplateException(r.problems());
        }
        String name = top.containsKey("name") ? r.text(top.get("name"), "name") : null;
        if (!top.containsKey("name")) {
            r.problem(root, "template", "name must be set, but is missing");
        }
        Table table = table(r, root, top);
        Load load = load(r, top.get("test"), top.get("salvo"));
        List<Template.Query> queries = top.containsKey("custom_queries") && table != null
                ? new QueryParser(r, table).queries(top.get("custom_queries"))
                : null;
        if (!top.containsKey("custom_queries")) {
            r.problem(root, "template", "custom_queries must be set, but is missing");
        }
        if (!r.problems().isEmpty()) {
            throw new TemplateException(r.problems());
        }
        return new Template(
                file,
                sha256(bytes),
                name,
                optional(r, top, "description"),
                optional(r, top, "version"),
                optional(r, top, "category"),
                table,
                queries,
                load);
    }

    private static String optional(YamlReader r, Map<String, Node> m, String key) {
        Node n = m.get(key);
        return n instanceof org.yaml.snakeyaml.nodes.ScalarNode s ? s.getValue().strip() : "";
    }

    private static Table table(YamlReader r, Node root, Map<String, Node> top) {
        if (!top.containsKey("table")) {
            r.problem(root, "template", "table must be set, but is missing");
            return null;
        }
        Map<String, Node> t = r.mapping(top.get("table"), "table", TABLE_KEYS);
        if (t == null) {
            return null;
        }
        if (!t.containsKey("name")) {
            r.problem(top.get("table"), "table", "name must be set, but is missing");
        }
        String name = t.containsKey("name") ? r.text(t.get("name"), "table.name") : null;
        String database = t.containsKey("database") ? r.text(t.get("database"), "table.database") : null;
        String schema = t.containsKey("schema") ? r.text(t.get("schema"), "table.schema") : null;
        Map<String, String> columns = new LinkedHashMap<>();
        if (t.containsKey("columns")) {
            Map<String, Node> cols = r.mapping(t.get("columns"), "table.columns", null);
            if (cols != null) {
                cols.forEach((c, n) -> columns.put(c, r.text(n, "table.columns." + c)));
            }
        }
        List<String> pk = new ArrayList<>();
        if (t.containsKey("primary_key")) {
            Node n = t.get("primary_key");
            if (n instanceof org.yaml.snakeyaml.nodes.ScalarNode) {
                pk.add(r.text(n, "table.primary_key"));
            } else {
                List<Node> items = r.sequence(n, "table.primary_key");
                if (items != null) {
                    items.forEach(i -> pk.add(r.text(i, "table.primary_key")));
                }
            }
        }
        List<String> profileColumns = new ArrayList<>();
        if (top.containsKey("profile_columns")) {
            List<Node> items = r.sequence(top.get("profile_columns"), "profile_columns");
            for (int i = 0; items != null && i < items.size(); i++) {
                String where = "profile_columns[" + i + "]";
                Map<String, Node> p = r.mapping(items.get(i), where, PROFILE_KEYS);
                if (p != null && p.containsKey("name")) {
                    profileColumns.add(r.text(p.get("name"), where + ".name"));
                    if (p.containsKey("type")) {
                        r.oneOf(
                                p.get("type"),
                                where + ".type",
                                new LinkedHashSet<>(List.of("date", "categorical", "numeric")));
                    }
                    if (p.containsKey("sample_size")) {
                        r.whole(p.get("sample_size"), where + ".sample_size", 1, Integer.MAX_VALUE);
                    }
                } else if (p != null) {
                    r.problem(items.get(i), where, "name must be set, but is missing");
                }
            }
        }
        return name == null ? null : new Table(name, database, schema, columns, pk, profileColumns);
    }

    private static Load load(YamlReader r, Node testNode, Node salvoNode) {
        Map<String, Node> t = testNode == null ? Map.of() : r.mapping(testNode, "test", TEST_KEYS);
        Map<String, Node> s = salvoNode == null ? Map.of() : r.mapping(salvoNode, "salvo", SALVO_KEYS);
        if (t == null || s == null) {
            return null;
        }
        Set<String> modes = new LinkedHashSet<>();
        for (LoadMode m : LoadMode.values()) {
            modes.add(m.name());
        }
        String modeName =
                t.containsKey("load_mode") ? r.oneOf(t.get("load_mode"), "test.load_mode", modes) : "CONCURRENCY";
        LoadMode mode = modeName == null ? LoadMode.CONCURRENCY : LoadMode.valueOf(modeName);
        long duration = whole(r, t, "duration_seconds", "test", 1, 60);
        long warmup = whole(r, t, "warmup_seconds", "test", 0, 0);
        int concurrency = (int) whole(r, t, "concurrent_connections", "test", 1, 1);
        long think = whole(r, t, "think_time_ms", "test", 0, 0);
        double qps = 0;
        if (mode == LoadMode.QPS) {
            if (!t.containsKey("target_qps")) {
                r.problem(
                        testNode == null ? salvoNode : testNode,
                        "test",
                        "target_qps must be set for load_mode QPS, but is missing");
            } else {
                java.math.BigDecimal q = r.decimal(t.get("target_qps"), "test.target_qps");
                if (q != null && q.signum() <= 0) {
                    r.problem(t.get("target_qps"), "test.target_qps", "must be positive, but was " + q.toPlainString());
                }
                qps = q == null ? 0 : q.doubleValue();
            }
        }
        int start = (int) whole(r, t, "start_concurrency", "test", 1, 1);
        int max = (int) whole(r, t, "max_concurrency", "test", 1, 16);
        if (max < start) {
            r.problem(
                    t.getOrDefault("max_concurrency", testNode),
                    "test.max_concurrency",
                    "must be >= start_concurrency (" + start + "), but was " + max);
        }
        FindMax findMax = new FindMax(
                start,
                (int) whole(r, t, "concurrency_increment", "test", 1, 1),
                whole(r, t, "step_duration_seconds", "test", 1, 10),
                max,
                decimal(r, t, "max_error_rate_pct", "test", 1),
                decimal(r, t, "latency_stability_factor", "test", 2),
                decimal(r, t, "throughput_stability_pct", "test", 5));
        Targets targets = new Targets(null, null, null, null);
        if (t.containsKey("targets")) {
            Map<String, Node> g = r.mapping(t.get("targets"), "test.targets", TARGET_KEYS);
            if (g != null) {
                Long p95 = g.containsKey("max_p95_latency_ms")
                        ? r.whole(g.get("max_p95_latency_ms"), "test.targets.max_p95_latency_ms", 1, Long.MAX_VALUE)
                        : null;
                Long p99 = g.containsKey("max_p99_latency_ms")
                        ? r.whole(g.get("max_p99_latency_ms"), "test.targets.max_p99_latency_ms", 1, Long.MAX_VALUE)
                        : null;
                if (p95 != null && p99 != null && p99 < p95) {
                    r.problem(
                            g.get("max_p99_latency_ms"),
                            "test.targets.max_p99_latency_ms",
                            "must be >= max_p95_latency_ms (" + p95 + "), but was " + p99);
                }
                Double err = g.containsKey("max_error_rate_percent")
                        ? decimal(r, g, "max_error_rate_percent", "test.targets", 0)
                        : null;
                if (err != null && (err < 0 || err > 100)) {
                    r.problem(
                            g.get("max_error_rate_percent"),
                            "test.targets.max_error_rate_percent",
                            "must be in [0, 100], but was " + err);
                }
                Double ops = g.containsKey("min_ops_per_second")
                        ? decimal(r, g, "min_ops_per_second", "test.targets", 0)
                        : null;
                targets = new Targets(ops, p95, p99, err);
            }
        }
        Long seed = s.containsKey("seed") ? r.whole(s.get("seed"), "salvo.seed", Long.MIN_VALUE, Long.MAX_VALUE) : null;
        Long pool = s.containsKey("pool_size") ? r.whole(s.get("pool_size"), "salvo.pool_size", 1, 10_000) : null;
        long ramp = whole(r, s, "ramp_seconds", "salvo", 0, 0);
        return new Load(
                mode,
                duration,
                warmup,
                concurrency,
                qps,
                think,
                findMax,
                targets,
                seed,
                pool == null ? null : pool.intValue(),
                ramp);
    }

    private static long whole(YamlReader r, Map<String, Node> m, String key, String section, long min, long fallback) {
        if (!m.containsKey(key)) {
            return fallback;
        }
        Long v = r.whole(m.get(key), section + "." + key, min, min == 0 ? Long.MAX_VALUE : Integer.MAX_VALUE);
        return v == null ? fallback : v;
    }

    private static double decimal(YamlReader r, Map<String, Node> m, String key, String section, double fallback) {
        if (!m.containsKey(key)) {
            return fallback;
        }
        java.math.BigDecimal v = r.decimal(m.get(key), section + "." + key);
        return v == null ? fallback : v.doubleValue();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 must be available in every JDK", e);
        }
    }
}

package dev.salvo.templates;

import dev.salvo.feeders.ParamType;
import dev.salvo.feeders.StrategyKind;
import dev.salvo.sql.QueryKind;
import dev.salvo.templates.Template.Query;
import dev.salvo.templates.Template.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Reads and checks {@code custom_queries}: kinds, weights, SQL placeholders and each query's parameters. */
final class QueryParser {
    static final List<String> QUERY_KEYS =
            List.of("query_kind", "weight_pct", "operation_type", "label", "sql", "parameters");
    static final BigDecimal HUNDRED = new BigDecimal("100.00");

    private final YamlReader r;
    private final Table table;

    QueryParser(YamlReader r, Table table) {
        this.r = r;
        this.table = table;
    }

    static Set<String> kindNames() {
        Set<String> names = new LinkedHashSet<>();
        for (QueryKind k : QueryKind.values()) {
            names.add(k.name());
        }
        names.add("GENERIC_SQL");
        return names;
    }

    List<Query> queries(Node node) {
        List<Node> items = r.sequence(node, "custom_queries");
        if (items == null) {
            return null;
        }
        if (items.isEmpty()) {
            r.problem(node, "custom_queries", "must list at least one query, but was an empty list");
            return null;
        }
        List<Query> out = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        boolean weightsKnown = true;
        Map<String, Integer> names = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String where = "custom_queries[" + i + "]";
            Map<String, Node> q = r.mapping(items.get(i), where, QUERY_KEYS);
            if (q == null) {
                weightsKnown = false;
                continue;
            }
            QueryKind kind = null;
            if (!q.containsKey("query_kind")) {
                r.problem(items.get(i), where, "query_kind must be set, but is missing");
            } else {
                String k = r.oneOf(q.get("query_kind"), where + ".query_kind", kindNames());
                kind = k == null ? null : k.equals("GENERIC_SQL") ? QueryKind.GENERIC : QueryKind.valueOf(k);
            }
            BigDecimal weight = weight(items.get(i), q, where);
            if (weight == null) {
                weightsKnown = false;
            } else {
                sum = sum.add(weight);
            }
            String label = q.containsKey("label") ? r.text(q.get("label"), where + ".label") : null;
            String name = label != null
                    ? label.strip()
                    : kind == null ? null : kind.name().toLowerCase(Locale.ROOT) + "_" + (i + 1);
            if (name != null) {
                Integer earlier = names.putIfAbsent(name, i);
                if (earlier != null) {
                    r.problem(
                            q.getOrDefault("label", items.get(i)),
                            where + ".label",
                            "every request name must be unique, but '" + name + "' is also custom_queries[" + earlier
                                    + "]'s");
                }
            }
            String operation =
                    q.containsKey("operation_type") ? r.text(q.get("operation_type"), where + ".operation_type") : null;
            if (kind == null) {
                continue;
            }
            if (!q.containsKey("sql")) {
                r.problem(items.get(i), where, "sql must be set for a " + kind + " query, but is missing");
                continue;
            }
            String sql = r.text(q.get("sql"), where + ".sql");
            if (sql == null) {
                continue;
            }
            Query query = new ParameterParser(r, table)
                    .query(
                            kind,
                            weight,
                            name,
                            operation == null ? "" : operation,
                            sql,
                            q.get("sql"),
                            q.get("parameters"),
                            where);
            if (query != null) {
                out.add(query);
            }
        }
        if (weightsKnown && sum.compareTo(HUNDRED) != 0) {
            r.problem(
                    node,
                    "custom_queries",
                    "weight_pct must sum to 100.00, but summed to "
                            + sum.setScale(2, java.math.RoundingMode.UNNECESSARY)
                                    .toPlainString());
        }
        return out;
    }

    private BigDecimal weight(Node item, Map<String, Node> q, String where) {
        if (!q.containsKey("weight_pct")) {
            r.problem(item, where, "weight_pct must be set, but is missing");
            return null;
        }
        BigDecimal w = r.decimal(q.get("weight_pct"), where + ".weight_pct");
        if (w == null) {
            return null;
        }
        if (w.signum() <= 0 || w.stripTrailingZeros().scale() > 2) {
            r.problem(
                    q.get("weight_pct"),
                    where + ".weight_pct",
                    "must be a positive percentage with at most 2 decimals, " + "but was " + w.toPlainString());
            return null;
        }
        return w.setScale(2);
    }

    /** The strategies by configuration name, for messages. */
    static Set<String> strategyNames() {
        Set<String> out = new LinkedHashSet<>();
        for (StrategyKind s : StrategyKind.values()) {
            out.add(s.externalName());
        }
        return out;
    }

    /** The parameter types by configuration name. */
    static Set<String> typeNames() {
        Set<String> out = new LinkedHashSet<>();
        for (ParamType t : ParamType.values()) {
            out.add(t.externalName());
        }
        return out;
    }
}

package dev.salvo.templates;

import dev.salvo.feeders.ParamType;
import dev.salvo.feeders.ParameterSpec;
import dev.salvo.feeders.StrategyKind;
import dev.salvo.sql.QueryKind;
import dev.salvo.templates.Template.Query;
import dev.salvo.templates.Template.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one query's {@code parameters} into {@link ParameterSpec}s (or gives its kind's implicit ones) and checks them
 * against the SQL's placeholders and the table: names, dependencies, columns, lists, counts and ranges.
 */
final class ParameterParser {
    static final List<String> PARAMETER_KEYS = List.of(
            "name",
            "type",
            "strategy",
            "column",
            "values",
            "depends_on",
            "offset",
            "count",
            "placeholder",
            "min",
            "max",
            "pool");
    static final Set<String> POOLS = new LinkedHashSet<>(List.of("KEY", "RANGE"));

    /** One parameter as read, before it becomes a spec. */
    record Param(
            Node node,
            String where,
            String name,
            ParameterSpec spec,
            String dependsOn,
            Node dependsNode,
            String placeholder,
            Node placeholderNode) {}

    private final YamlReader r;
    private final Table table;

    ParameterParser(YamlReader r, Table table) {
        this.r = r;
        this.table = table;
    }

    Query query(
            QueryKind kind,
            BigDecimal weight,
            String name,
            String operation,
            String sql,
            Node sqlNode,
            Node parametersNode,
            String where) {
        SqlPlaceholders placeholders = SqlPlaceholders.scan(sql);
        List<Param> params = new ArrayList<>();
        String implicit = null;
        if (parametersNode == null) {
            implicit = "the implicit parameters of " + kind;
            for (ParameterSpec spec : implicit(kind, sqlNode, where, placeholders.positional())) {
                params.add(new Param(sqlNode, where, spec.name(), spec, spec.dependsOn(), null, null, null));
            }
        } else {
            List<Node> items = r.sequence(parametersNode, where + ".parameters");
            for (int i = 0; items != null && i < items.size(); i++) {
                Param p = parameter(items.get(i), where + ".parameters[" + i + "]");
                if (p != null) {
                    params.add(p);
                }
            }
            if (items == null || params.size() < items.size()) {
                return null;
            }
        }
        int problems = r.problems().size();
        ParameterDependencies.check(r, params);
        Map<String, String> lists = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (Param p : params) {
            if (p.placeholder() == null) {
                positional.add(p.name());
            } else if (!placeholders.named().contains(p.placeholder())) {
                r.problem(
                        p.placeholderNode(),
                        p.where() + ".placeholder",
                        "must appear in the sql as {" + p.placeholder() + "}, but does not");
            } else {
                lists.put(p.placeholder(), p.name());
            }
        }
        for (String n : new LinkedHashSet<>(placeholders.named())) {
            if (!n.equals("table") && !lists.containsKey(n)) {
                r.problem(
                        sqlNode,
                        where + ".sql",
                        "every {...} placeholder must be {table} or a list parameter's placeholder"
                                + (lists.isEmpty() ? "" : " (" + String.join(", ", lists.keySet()) + ")")
                                + ", but was {" + n + "}");
            }
        }
        if (placeholders.positional() != positional.size()) {
            r.problem(
                    sqlNode,
                    where + ".sql",
                    "the number of ? must equal the number of "
                            + (implicit != null ? implicit : "parameters without a placeholder") + " ("
                            + positional.size()
                            + "), but was " + placeholders.positional());
        }
        if (r.problems().size() > problems) {
            return null;
        }
        String named = placeholders.convert(positional, lists, table.quoted());
        return new Query(
                kind,
                weight,
                name,
                operation,
                sql,
                named,
                params.stream().map(Param::spec).toList());
    }

    /** The seed's backward compatibility: POINT_LOOKUP binds a key, RANGE_SCAN a key and the key + 100. */
    private List<ParameterSpec> implicit(QueryKind kind, Node sqlNode, String where, int positional) {
        if ((kind != QueryKind.POINT_LOOKUP && kind != QueryKind.RANGE_SCAN) || positional == 0) {
            return List.of();
        }
        if (table.primaryKey().isEmpty()) {
            r.problem(
                    sqlNode,
                    where,
                    "table.primary_key must be set for the implicit parameters of " + kind
                            + " (a query without parameters), but is missing");
            return List.of();
        }
        String key = column(table.primaryKey().get(0));
        return kind == QueryKind.POINT_LOOKUP
                ? List.of(ParameterSpec.sampleFromTable("id", key))
                : List.of(
                        ParameterSpec.sampleFromTable("start", key),
                        ParameterSpec.offsetFromPrevious("end", "start", 100));
    }

    private Param parameter(Node node, String where) {
        int problems = r.problems().size();
        Map<String, Node> m = r.mapping(node, where, PARAMETER_KEYS);
        if (m == null || r.problems().size() > problems) {
            return null; // an unknown key is most likely a misspelt one: checking the rest would only echo it
        }
        String name = require(m, node, where, "name") ? r.text(m.get("name"), where + ".name") : null;
        if (name != null && !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            r.problem(m.get("name"), where + ".name", "must match [A-Za-z_][A-Za-z0-9_]*, but was '" + name + "'");
        }
        String strategyName = require(m, node, where, "strategy")
                ? r.oneOf(m.get("strategy"), where + ".strategy", QueryParser.strategyNames())
                : null;
        String typeName =
                m.containsKey("type") ? r.oneOf(m.get("type"), where + ".type", QueryParser.typeNames()) : null;
        String placeholder = null;
        if (m.containsKey("placeholder")) {
            String p = r.text(m.get("placeholder"), where + ".placeholder");
            placeholder =
                    p == null ? null : p.strip().replaceAll("^\\{(.*)}$", "$1").strip();
        }
        String dependsOn = m.containsKey("depends_on") ? r.text(m.get("depends_on"), where + ".depends_on") : null;
        if (r.problems().size() > problems || strategyName == null) {
            return null;
        }
        StrategyKind strategy = StrategyKind.parse(strategyName);
        if (dependsOn != null && strategy != StrategyKind.OFFSET_FROM_PREVIOUS) {
            r.problem(
                    m.get("depends_on"),
                    where + ".depends_on",
                    "must be used only with offset_from_previous, but the " + "strategy is " + strategyName);
        }
        boolean list = strategy == StrategyKind.SAMPLE_LIST || "categorical_list".equals(typeName);
        if (list && placeholder == null) {
            r.problem(
                    node,
                    where,
                    "placeholder must be set for a list parameter (sample_list, categorical_list), but is missing");
        } else if (!list && placeholder != null) {
            r.problem(
                    m.get("placeholder"),
                    where + ".placeholder",
                    "must be used only by a list parameter (sample_list), " + "but the strategy is " + strategyName);
        }
        ParameterSpec spec = spec(strategy, name, m, node, where);
        if (spec == null || r.problems().size() > problems) {
            return null;
        }
        if (typeName != null) {
            spec = spec.type(ParamType.parse(typeName));
        }
        return new Param(node, where, name, spec, dependsOn, m.get("depends_on"), placeholder, m.get("placeholder"));
    }

    private ParameterSpec spec(StrategyKind strategy, String name, Map<String, Node> m, Node node, String where) {
        String column = m.containsKey("column") ? checkedColumn(m.get("column"), where) : null;
        boolean needsColumn = switch (strategy) {
            case RANDOM_IN_RANGE, SAMPLE_FROM_TABLE, WEIGHTED_SAMPLE, SAMPLE_LIST, SEQUENCE -> true;
            default -> false;
        };
        if (needsColumn && !require(m, node, where, "column") || m.containsKey("column") && column == null) {
            return null;
        }
        return switch (strategy) {
            case CHOICE -> {
                List<Node> values =
                        require(m, node, where, "values") ? r.sequence(m.get("values"), where + ".values") : null;
                if (values != null && values.isEmpty()) {
                    r.problem(
                            m.get("values"),
                            where + ".values",
                            "must list at least one value for choice, but was an empty list");
                }
                yield values == null || values.isEmpty()
                        ? null
                        : ParameterSpec.choice(
                                name,
                                values.stream()
                                        .map(v -> r.value(v, where + ".values"))
                                        .toList());
            }
            case RANDOM_IN_RANGE -> ParameterSpec.randomInRange(name, column);
            case SAMPLE_FROM_TABLE -> ParameterSpec.sampleFromTable(name, column);
            case WEIGHTED_SAMPLE -> ParameterSpec.weightedSample(name, column);
            case SEQUENCE -> ParameterSpec.sequence(name, column);
            case OFFSET_FROM_PREVIOUS -> {
                if (!require(m, node, where, "depends_on") || !require(m, node, where, "offset")) {
                    yield null;
                }
                List<Node> offsets = r.sequence(m.get("offset"), where + ".offset");
                if (offsets != null && offsets.isEmpty()) {
                    r.problem(
                            m.get("offset"), where + ".offset", "must list at least one offset, but was an empty list");
                }
                List<Number> numbers = offsets == null
                        ? List.of()
                        : offsets.stream()
                                .map(o -> r.number(o, where + ".offset"))
                                .toList();
                yield numbers.isEmpty() || numbers.contains(null)
                        ? null
                        : ParameterSpec.offsetFromPrevious(
                                name, r.text(m.get("depends_on"), where), numbers.toArray(Number[]::new));
            }
            case SAMPLE_LIST -> {
                List<Node> counts =
                        require(m, node, where, "count") ? r.sequence(m.get("count"), where + ".count") : null;
                if (counts != null && counts.isEmpty()) {
                    r.problem(
                            m.get("count"),
                            where + ".count",
                            "must list at least one list size, but was an empty list");
                }
                List<Integer> sizes = new ArrayList<>();
                for (int i = 0; counts != null && i < counts.size(); i++) {
                    Long k = r.whole(counts.get(i), where + ".count[" + i + "]", 1, Integer.MAX_VALUE);
                    sizes.add(k == null ? null : k.intValue());
                }
                yield sizes.isEmpty() || sizes.contains(null) ? null : ParameterSpec.sampleList(name, column, sizes);
            }
            case RANDOM_NUMERIC -> {
                Number min = require(m, node, where, "min") ? r.number(m.get("min"), where + ".min") : null;
                Number max = require(m, node, where, "max") ? r.number(m.get("max"), where + ".max") : null;
                if (min != null
                        && max != null
                        && new BigDecimal(min.toString()).compareTo(new BigDecimal(max.toString())) > 0) {
                    r.problem(m.get("min"), where, "min must be <= max, but was min=" + min + ", max=" + max);
                }
                yield min == null || max == null ? null : ParameterSpec.randomNumeric(name, min, max);
            }
            case SAMPLE_FROM_POOL -> {
                String pool = require(m, node, where, "pool") ? r.oneOf(m.get("pool"), where + ".pool", POOLS) : null;
                String keyColumn = column != null
                        ? column
                        : table.primaryKey().isEmpty()
                                ? null
                                : column(table.primaryKey().get(0));
                if (pool != null && keyColumn == null) {
                    r.problem(
                            node,
                            where,
                            "column or table.primary_key must be set for sample_from_pool, but neither is");
                }
                // FlakeBench's KEY pool holds sampled keys and its RANGE pool draws within the key range
                yield pool == null || keyColumn == null
                        ? null
                        : pool.equals("KEY")
                                ? ParameterSpec.sampleFromTable(name, keyColumn)
                                : ParameterSpec.randomInRange(name, keyColumn);
            }
        };
    }

    private boolean require(Map<String, Node> m, Node node, String where, String key) {
        if (m.containsKey(key)) {
            return true;
        }
        String strategy = m.get("strategy") instanceof org.yaml.snakeyaml.nodes.ScalarNode s ? s.getValue() : "?";
        r.problem(
                node,
                where,
                key + " must be set" + (key.equals("name") || key.equals("strategy") ? "" : " for " + strategy)
                        + ", but is missing");
        return false;
    }

    /** A column reference checked against the table's declared columns and profile columns; qualified for profiles. */
    private String checkedColumn(Node node, String where) {
        String c = r.text(node, where + ".column");
        if (c == null) {
            return null;
        }
        String bare = c;
        int dot = c.lastIndexOf('.');
        if (dot > 0) {
            if (!c.substring(0, dot).equals(table.reference())) {
                return c; // another table's column: checked against its profile when the run starts
            }
            bare = c.substring(dot + 1);
        }
        Set<String> known = new LinkedHashSet<>(table.columns().keySet());
        known.addAll(table.profileColumns());
        if (!known.isEmpty() && !known.contains(bare)) {
            r.problem(
                    node,
                    where + ".column",
                    "must be a column of table " + table.reference() + " or of profile_columns ("
                            + String.join(", ", known) + "), but was '" + c + "'");
            return null;
        }
        return column(bare);
    }

    private String column(String bare) {
        return table.reference() + "." + bare;
    }
}

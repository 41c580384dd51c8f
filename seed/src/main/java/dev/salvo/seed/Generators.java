package dev.salvo.seed;

import static dev.salvo.seed.SpecYaml.date;
import static dev.salvo.seed.SpecYaml.keys;
import static dev.salvo.seed.SpecYaml.number;
import static dev.salvo.seed.SpecYaml.strings;
import static dev.salvo.seed.SpecYaml.timestamp;
import static dev.salvo.seed.SpecYaml.timestamptz;

import dev.salvo.sql.SalvoException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one YAML column entry: {@code gen} with its parameters, plus {@code type}, {@code nulls}, {@code unique}. */
final class Generators {
    private static final Set<String> COMMON = Set.of("gen", "type", "nulls", "unique");
    private static final Map<String, List<String>> PARAMS = Map.ofEntries(
            Map.entry("sequence", List.of("start", "step")),
            Map.entry("int", List.of("min", "max")),
            Map.entry("decimal", List.of("min", "max", "scale")),
            Map.entry("float", List.of("min", "max")),
            Map.entry("date", List.of("min", "max")),
            Map.entry("timestamp", List.of("min", "max")),
            Map.entry("timestamptz", List.of("min", "max")),
            Map.entry("normal", List.of("mean", "stddev", "min", "max", "scale")),
            Map.entry("lognormal", List.of("mu", "sigma", "min", "max", "scale")),
            Map.entry("exponential", List.of("mean", "min", "max", "scale")),
            Map.entry("beta", List.of("alpha", "beta", "min", "max", "scale")),
            Map.entry("zipf", List.of("min", "max", "exponent")),
            Map.entry("poisson", List.of("mean", "min", "max")),
            Map.entry("choice", List.of("values", "weights")),
            Map.entry("faker", List.of("expression")),
            Map.entry("letters", List.of("minLength", "maxLength")),
            Map.entry("uuid", List.of()),
            Map.entry("boolean", List.of("trueFraction")),
            Map.entry("constant", List.of("value")),
            Map.entry("child_index", List.of()));

    private Generators() {}

    static ColumnSpec column(String table, String column, Map<String, Object> m) {
        String where = "table '" + table + "' column '" + column + "'";
        Object kindValue = m.get("gen");
        Gen gen = null;
        if (kindValue != null) {
            String kind = String.valueOf(kindValue);
            List<String> params = PARAMS.get(kind);
            if (params == null) {
                throw new SalvoException(
                        where + ": gen must be one of " + String.join(", ", Gen.KINDS) + ", but was '" + kind + "'");
            }
            Set<String> allowed = new HashSet<>(COMMON);
            allowed.addAll(params);
            keys(m, allowed, where + " (gen " + kind + ")");
            gen = gen(kind, m, where + ": " + kind);
        } else {
            keys(m, COMMON, where);
        }
        double nulls = m.containsKey("nulls")
                ? number(m.get("nulls"), where + ": nulls").doubleValue()
                : 0;
        Object unique = m.getOrDefault("unique", false);
        if (!(unique instanceof Boolean)) {
            throw new SalvoException(where + ": unique must be true or false, but was '" + unique + "'");
        }
        ColumnSpec c =
                new ColumnSpec(column, m.get("type") == null ? null : String.valueOf(m.get("type")), gen, nulls, false);
        return c.unique((Boolean) unique);
    }

    private static Gen gen(String kind, Map<String, Object> m, String where) {
        return switch (kind) {
            case "sequence" -> new Gen.Sequence(l(m, "start", 1, where), l(m, "step", 1, where));
            case "int" -> new Gen.IntRange(l(m, "min", 0, where), l(m, "max", Integer.MAX_VALUE, where));
            case "decimal" ->
                new Gen.DecimalRange(big(m, "min", where), big(m, "max", where), (int) l(m, "scale", 2, where));
            case "float" -> new Gen.FloatRange(d(m, "min", 0, where), d(m, "max", 1, where));
            case "date" ->
                new Gen.DateRange(
                        date(need(m, "min", where), where + " min"), date(need(m, "max", where), where + " max"));
            case "timestamp" ->
                new Gen.TimestampRange(
                        timestamp(need(m, "min", where), where + " min"),
                        timestamp(need(m, "max", where), where + " max"));
            case "timestamptz" ->
                new Gen.TimestamptzRange(
                        timestamptz(need(m, "min", where), where + " min"),
                        timestamptz(need(m, "max", where), where + " max"));
            case "normal" ->
                new Gen.Normal(
                        d(m, "mean", 0, where),
                        d(m, "stddev", 1, where),
                        d(m, "min", -Double.MAX_VALUE, where),
                        d(m, "max", Double.MAX_VALUE, where),
                        (int) l(m, "scale", 0, where));
            case "lognormal" ->
                new Gen.LogNormal(
                        d(m, "mu", 0, where),
                        d(m, "sigma", 1, where),
                        d(m, "min", 0, where),
                        d(m, "max", Double.MAX_VALUE, where),
                        (int) l(m, "scale", 0, where));
            case "exponential" ->
                new Gen.Exponential(
                        d(m, "mean", 1, where), d(m, "min", 0, where), d(m, "max", Double.MAX_VALUE, where), (int)
                                l(m, "scale", 0, where));
            case "beta" ->
                new Gen.Beta(
                        d(m, "alpha", 2, where),
                        d(m, "beta", 2, where),
                        d(m, "min", 0, where),
                        d(m, "max", 1, where),
                        (int) l(m, "scale", 2, where));
            case "zipf" -> new Gen.Zipf(l(m, "min", 1, where), l(m, "max", 1000, where), d(m, "exponent", 1, where));
            case "poisson" ->
                new Gen.Poisson(d(m, "mean", 1, where), l(m, "min", 0, where), l(m, "max", Long.MAX_VALUE, where));
            case "choice" -> {
                List<String> values = strings(need(m, "values", where), where + " values");
                List<Double> weights = new ArrayList<>();
                if (m.containsKey("weights")) {
                    for (Object w : SpecYaml.list(m.get("weights"), where + " weights")) {
                        weights.add(number(w, where + " weight").doubleValue());
                    }
                }
                yield new Gen.Choice(values, weights);
            }
            case "faker" -> new Gen.Faker(String.valueOf(need(m, "expression", where)));
            case "letters" -> new Gen.Letters((int) l(m, "minLength", 4, where), (int) l(m, "maxLength", 12, where));
            case "uuid" -> new Gen.Uuid();
            case "boolean" -> new Gen.Bool(d(m, "trueFraction", 0.5, where));
            case "constant" -> new Gen.Constant(String.valueOf(need(m, "value", where)));
            default -> new Gen.ChildIndex();
        };
    }

    private static Object need(Map<String, Object> m, String key, String where) {
        Object v = m.get(key);
        if (v == null) {
            throw new SalvoException(where + " " + key + " must be given, but was missing");
        }
        return v;
    }

    private static long l(Map<String, Object> m, String key, long dflt, String where) {
        if (!m.containsKey(key)) {
            return dflt;
        }
        Number n = number(m.get(key), where + " " + key);
        if (n instanceof BigDecimal b && b.stripTrailingZeros().scale() > 0 || n instanceof Double) {
            throw new SalvoException(where + " " + key + " must be a whole number, but was " + m.get(key));
        }
        return n.longValue();
    }

    private static double d(Map<String, Object> m, String key, double dflt, String where) {
        return m.containsKey(key) ? number(m.get(key), where + " " + key).doubleValue() : dflt;
    }

    private static BigDecimal big(Map<String, Object> m, String key, String where) {
        return new BigDecimal(String.valueOf(number(need(m, key, where), where + " " + key)));
    }
}

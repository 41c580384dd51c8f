package dev.salvo.sql.profile;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * The snapshot file format: block-style YAML, one key per line, keys in a fixed order, so that diffs are small and
 * reviewable. Integers and floats are YAML numbers; every other value is a string in its type's canonical text form;
 * frequencies are rounded to 6 significant digits, so rendering a loaded profile gives back the same text (and hash).
 */
final class ProfileYaml {
    /** The format version written in every file. */
    static final int FORMAT = 1;

    private static final String HEADER = "# Salvo column profile snapshot (format " + FORMAT
            + "). Commit it; review its " + "diffs; refresh it to re-profile.\n";

    private ProfileYaml() {}

    static String render(TableProfile profile) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("table", profile.table());
        root.put("dialect", profile.dialect());
        root.put("totalRows", profile.totalRows());
        Map<String, Object> columns = new LinkedHashMap<>();
        for (ColumnProfile c : profile.columns().values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", c.type().name().toLowerCase(Locale.ROOT));
            m.put("mode", c.mode().name().toLowerCase(Locale.ROOT));
            m.put("min", value(c.type(), c.min()));
            m.put("max", value(c.type(), c.max()));
            m.put("distinctCount", c.distinctCount());
            m.put("nullCount", c.nullCount());
            m.put("totalRows", c.totalRows());
            List<Object> common = new ArrayList<>();
            for (ValueFrequency v : c.mostCommon()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("value", value(c.type(), v.value()));
                e.put("frequency", round(v.frequency()));
                common.add(e);
            }
            m.put("mostCommon", common);
            m.put("histogramBounds", values(c.type(), c.histogramBounds()));
            m.put("sample", values(c.type(), c.sample()));
            columns.put(c.name(), m);
        }
        root.put("columns", columns);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        options.setWidth(120);
        options.setSplitLines(false);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        return HEADER + new Yaml(new Representer(options), options).dump(root);
    }

    /** Parses the text; any structural problem is an IllegalArgumentException with a short reason. */
    static TableProfile parse(String text) {
        Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        Map<?, ?> root = map(doc, "the document");
        Object format = root.get("format");
        if (!Integer.valueOf(FORMAT).equals(format)) {
            throw new IllegalArgumentException("format is " + format + " (expected " + FORMAT + ")");
        }
        String table = string(root, "table");
        List<ColumnProfile> columns = new ArrayList<>();
        for (Map.Entry<?, ?> e : map(root.get("columns"), "columns").entrySet()) {
            String name = String.valueOf(e.getKey());
            Map<?, ?> m = map(e.getValue(), "column " + name);
            ColumnType type = ColumnType.named(string(m, "type"));
            List<ValueFrequency> common = new ArrayList<>();
            for (Object o : list(m, "mostCommon")) {
                Map<?, ?> v = map(o, "a mostCommon entry of " + name);
                common.add(new ValueFrequency(
                        parse(type, v.get("value")), number(v, "frequency").doubleValue()));
            }
            columns.add(new ColumnProfile(
                    name,
                    type,
                    parse(type, m.get("min")),
                    parse(type, m.get("max")),
                    number(m, "distinctCount").longValue(),
                    number(m, "nullCount").longValue(),
                    number(m, "totalRows").longValue(),
                    parseAll(type, list(m, "sample")),
                    common,
                    parseAll(type, list(m, "histogramBounds")),
                    mode(name, string(m, "mode"))));
        }
        return TableProfile.of(
                table, string(root, "dialect"), number(root, "totalRows").longValue(), columns);
    }

    private static ProfileMode mode(String column, String mode) {
        for (ProfileMode m : ProfileMode.values()) {
            if (m != ProfileMode.AUTO && m.name().equalsIgnoreCase(mode)) {
                return m;
            }
        }
        throw new IllegalArgumentException(
                "the mode of column " + column + " must be statistics, sampled or exact, but was '" + mode + "'");
    }

    private static Object value(ColumnType type, Object v) {
        if (v == null) {
            return null;
        }
        return switch (type) {
            case INTEGER, FLOAT -> v;
            default -> type.format(v);
        };
    }

    private static List<Object> values(ColumnType type, List<Object> vs) {
        List<Object> out = new ArrayList<>(vs.size());
        for (Object v : vs) {
            out.add(value(type, v));
        }
        return out;
    }

    private static double round(double d) {
        return new BigDecimal(d).round(new MathContext(6)).doubleValue();
    }

    private static Object parse(ColumnType type, Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof java.util.Date d) { // an unquoted date or timestamp typed in by hand (YAML reads it as UTC)
            return switch (type) {
                case TIMESTAMP -> java.time.LocalDateTime.ofInstant(d.toInstant(), ZoneOffset.UTC);
                case TIMESTAMPTZ -> java.time.OffsetDateTime.ofInstant(d.toInstant(), ZoneOffset.UTC);
                default ->
                    type.parse(
                            d.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString());
            };
        }
        return type.parse(String.valueOf(raw));
    }

    private static List<Object> parseAll(ColumnType type, List<?> raw) {
        List<Object> out = new ArrayList<>(raw.size());
        for (Object o : raw) {
            out.add(parse(type, o));
        }
        return out;
    }

    private static Map<?, ?> map(Object o, String what) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(o == null ? what + " is missing" : what + " is not a mapping");
        }
        return m;
    }

    private static List<?> list(Map<?, ?> m, String key) {
        Object o = m.get(key);
        if (o == null) {
            return List.of();
        }
        if (!(o instanceof List<?> l)) {
            throw new IllegalArgumentException(key + " is not a list");
        }
        return l;
    }

    private static String string(Map<?, ?> m, String key) {
        Object o = m.get(key);
        if (o == null) {
            throw new IllegalArgumentException(key + " is missing");
        }
        return String.valueOf(o);
    }

    private static Number number(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof Number n)) {
            throw new IllegalArgumentException(
                    m.get(key) == null ? key + " is missing" : key + " is not a number: " + m.get(key));
        }
        return n;
    }
}

package dev.salvo.templates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads SnakeYAML nodes and collects problems, each prefixed with the node's {@code file:line:column} (SnakeYAML's
 * marks, made 1-based). A method that finds a problem records it and returns null, so parsing goes on and reports every
 * problem at once.
 */
final class YamlReader {
    private final String file;
    private final List<String> problems = new ArrayList<>();

    YamlReader(String file) {
        this.file = file;
    }

    List<String> problems() {
        return problems;
    }

    String at(Mark mark) {
        return file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    }

    /** Records {@code file:line:col: path: message}. */
    void problem(Node node, String path, String message) {
        problems.add(at(node.getStartMark()) + ": " + path + ": " + message);
    }

    /**
     * A mapping's values by key, checking that every key is known (any key when {@code known} is null) and appears once;
     * null when not a mapping.
     */
    Map<String, Node> mapping(Node node, String path, List<String> known) {
        if (!(node instanceof MappingNode m)) {
            problem(node, path, "must be a mapping of keys to values, but was " + describe(node));
            return null;
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            Node keyNode = t.getKeyNode();
            String key = keyNode instanceof ScalarNode s ? s.getValue() : null;
            if (key == null || known != null && !known.contains(key)) {
                problem(
                        keyNode,
                        path,
                        "every key must be one of " + String.join(", ", known) + ", but was "
                                + (key == null ? describe(keyNode) : "'" + key + "'" + hint(key, known)));
            } else if (out.put(key, t.getValueNode()) != null) {
                problem(keyNode, path, "every key must appear once, but '" + key + "' appears again");
            }
        }
        return out;
    }

    /** The items of a sequence; null when not a sequence. */
    List<Node> sequence(Node node, String path) {
        if (!(node instanceof SequenceNode s)) {
            problem(node, path, "must be a list, but was " + describe(node));
            return null;
        }
        return s.getValue();
    }

    /** A non-blank scalar's text; null when not one. */
    String text(Node node, String path) {
        if (!(node instanceof ScalarNode s)
                || s.getTag().equals(Tag.NULL)
                || s.getValue().isBlank()) {
            problem(node, path, "must be a non-blank text, but was " + describe(node));
            return null;
        }
        return s.getValue();
    }

    /** A whole number within [min, max]; null when not one. */
    Long whole(Node node, String path, long min, long max) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
            try {
                long v = Long.parseLong(s.getValue().replace("_", ""));
                if (v >= min && v <= max) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problem(node, path, "must be a whole number " + range(min, max) + ", but was " + describe(node));
        return null;
    }

    private static String range(long min, long max) {
        if (max == Long.MAX_VALUE || max == Integer.MAX_VALUE) {
            return min == 0 ? ">= 0" : ">= " + min;
        }
        return "in [" + min + ", " + max + "]";
    }

    /** A number (whole or decimal) as written; null when not one. */
    BigDecimal decimal(Node node, String path) {
        if (node instanceof ScalarNode s
                && (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))) {
            try {
                return new BigDecimal(s.getValue().replace("_", ""));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problem(node, path, "must be a number, but was " + describe(node));
        return null;
    }

    /**
     * A scalar as a Java value: whole numbers as Integer (Long when too large), decimals as Double, dates as LocalDate,
     * true/false as Boolean, anything else as String; null (recorded) for a list, a mapping or null.
     */
    Object value(Node node, String path) {
        if (!(node instanceof ScalarNode s) || s.getTag().equals(Tag.NULL)) {
            problem(node, path, "must be a single value, but was " + describe(node));
            return null;
        }
        String v = s.getValue().replace("_", "");
        Tag tag = s.getTag();
        try {
            if (tag.equals(Tag.INT)) {
                long l = Long.parseLong(v);
                return l == (int) l ? (Object) (int) l : (Object) l;
            }
            if (tag.equals(Tag.FLOAT)) {
                return Double.parseDouble(v);
            }
            if (tag.equals(Tag.BOOL)) {
                return Boolean.parseBoolean(v);
            }
            if (tag.equals(Tag.TIMESTAMP) && v.length() == 10) {
                return LocalDate.parse(v);
            }
        } catch (RuntimeException e) {
            // a value YAML types but Java cannot read (0x1F, 1e999, a timestamp with time): keep its text
        }
        return s.getValue();
    }

    /** A number for a parameter: Integer, Long or Double as {@link #value}; null (recorded) for anything else. */
    Number number(Node node, String path) {
        Object v = node instanceof ScalarNode ? value(node, path) : null;
        if (v instanceof Number n) {
            return n;
        }
        if (v != null || !(node instanceof ScalarNode)) {
            problem(node, path, "must be a number, but was " + describe(node));
        }
        return null;
    }

    /** One of the given names (case-insensitive); null (recorded) when not. */
    String oneOf(Node node, String path, Set<String> names) {
        String t = text(node, path);
        if (t == null) {
            return null;
        }
        for (String n : names) {
            if (n.equalsIgnoreCase(t.trim())) {
                return n;
            }
        }
        problem(node, path, "must be one of " + String.join(", ", names) + ", but was '" + t + "'" + hint(t, names));
        return null;
    }

    /** @return {@code " (did you mean 'x'?)"} for the known name nearest a typo (at most 2 edits), else empty */
    static String hint(String typo, java.util.Collection<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = distance(typo.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode s) {
            return s.getValue().isEmpty() ? "an empty list" : "a list";
        }
        ScalarNode s = (ScalarNode) node;
        return s.getTag().equals(Tag.NULL) ? "empty" : "'" + s.getValue() + "'";
    }
}

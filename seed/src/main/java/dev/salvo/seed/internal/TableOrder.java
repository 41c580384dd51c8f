package dev.salvo.seed.internal;

import dev.salvo.sql.SalvoException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders tables so that parents come before children. Edges that may be NULL ("nullable") are used when they can be;
 * a cycle made only of edges that must hold is an error naming the cycle.
 */
final class TableOrder {
    /** A dependency {@code child -> parent}. */
    record Edge(String child, String parent, boolean nullable) {}

    private TableOrder() {}

    static List<String> order(List<String> tables, List<Edge> edges) {
        List<String> hard = sort(tables, edges, false);
        if (hard == null) {
            throw new SalvoException(
                    "foreign keys: every cycle of tables must contain a nullable foreign key (nulls > 0), " + "but "
                            + String.join(" -> ", cycle(tables, edges)) + " has none");
        }
        List<String> all = sort(tables, edges, true);
        return all != null ? all : hard;
    }

    /** Kahn's algorithm, stable in the given table order; null when a cycle remains. */
    private static List<String> sort(List<String> tables, List<Edge> edges, boolean withNullable) {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        tables.forEach(t -> parents.put(t, new LinkedHashSet<>()));
        for (Edge e : edges) {
            if ((withNullable || !e.nullable()) && !e.child().equals(e.parent())) {
                parents.get(e.child()).add(e.parent());
            } else if (!e.nullable() && e.child().equals(e.parent())) {
                return null;
            }
        }
        List<String> out = new ArrayList<>();
        while (out.size() < tables.size()) {
            String next = null;
            for (String t : tables) {
                if (!out.contains(t) && out.containsAll(parents.get(t))) {
                    next = t;
                    break;
                }
            }
            if (next == null) {
                return null;
            }
            out.add(next);
        }
        return out;
    }

    /** One cycle of must-hold edges, as {@code a -> b -> a}. */
    private static List<String> cycle(List<String> tables, List<Edge> edges) {
        for (String start : tables) {
            List<String> path = new ArrayList<>();
            if (walk(start, start, edges, path, new LinkedHashSet<>())) {
                path.add(0, start);
                return path;
            }
        }
        return List.of("?");
    }

    private static boolean walk(String start, String at, List<Edge> edges, List<String> path, Set<String> seen) {
        for (Edge e : edges) {
            if (e.nullable() || !e.child().equals(at)) {
                continue;
            }
            if (e.parent().equals(start)) {
                path.add(start);
                return true;
            }
            if (seen.add(e.parent())) {
                path.add(e.parent());
                if (walk(start, e.parent(), edges, path, seen)) {
                    return true;
                }
                path.remove(path.size() - 1);
            }
        }
        return false;
    }
}

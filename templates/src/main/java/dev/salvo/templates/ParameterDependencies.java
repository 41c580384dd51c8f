package dev.salvo.templates;

import dev.salvo.templates.ParameterParser.Param;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks one query's parameters as read: unique names, and {@code depends_on} naming an earlier one, never a cycle. */
final class ParameterDependencies {
    private ParameterDependencies() {}

    static void check(YamlReader r, List<Param> params) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            Integer earlier = index.putIfAbsent(p.name(), i);
            if (earlier != null) {
                r.problem(
                        p.node(),
                        p.where() + ".name",
                        "every parameter name must be unique within the query, but '" + p.name() + "' is also "
                                + params.get(earlier).where().replaceAll(".*\\.", "") + "'s");
            }
        }
        Set<Set<String>> cycles = new java.util.HashSet<>();
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            if (p.dependsOn() == null || p.dependsNode() == null) {
                continue;
            }
            List<String> cycle = cycle(params, index, p);
            Integer base = index.get(p.dependsOn());
            if (cycle != null && !cycles.add(new java.util.TreeSet<>(cycle))) {
                continue; // reported at its first member
            }
            if (cycle != null) {
                r.problem(
                        p.dependsNode(),
                        p.where() + ".depends_on",
                        "parameters must not depend on each other in a cycle, but " + String.join(" -> ", cycle));
            } else if (base == null) {
                r.problem(
                        p.dependsNode(),
                        p.where() + ".depends_on",
                        "must name an earlier parameter of this query ("
                                + String.join(
                                        ", ",
                                        params.subList(0, i).stream()
                                                .map(Param::name)
                                                .toList()) + "), but was '"
                                + p.dependsOn() + "'");
            } else if (base >= i) {
                r.problem(
                        p.dependsNode(),
                        p.where() + ".depends_on",
                        "must name an earlier parameter of this query, but '" + p.dependsOn() + "' comes later");
            }
        }
    }

    private static List<String> cycle(List<Param> params, Map<String, Integer> index, Param start) {
        List<String> path = new ArrayList<>(List.of(start.name()));
        Param p = start;
        while (p.dependsOn() != null && index.containsKey(p.dependsOn())) {
            path.add(p.dependsOn());
            if (p.dependsOn().equals(start.name())) {
                return path;
            }
            if (path.size() > params.size() + 1) {
                return null;
            }
            p = params.get(index.get(p.dependsOn()));
        }
        return null;
    }
}

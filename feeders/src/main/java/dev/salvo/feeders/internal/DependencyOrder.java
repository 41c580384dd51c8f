package dev.salvo.feeders.internal;

import dev.salvo.sql.SalvoException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Orders parameters so that each comes after the one it depends on; rejects unknown references and cycles. */
public final class DependencyOrder {
    private DependencyOrder() {}

    /**
     * @param names the parameter names, in declaration order (unique)
     * @param dependsOn for each name (same position), the name it depends on, or null
     * @return positions in an order where every parameter follows its dependency; otherwise declaration order
     * @throws SalvoException naming the unknown reference or the cycle ({@code a -> b -> a})
     */
    public static int[] sort(List<String> names, List<String> dependsOn) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (position.put(names.get(i), i) != null) {
                throw new SalvoException(
                        "parameters: each name must be declared once, but '" + names.get(i) + "' is declared twice");
            }
        }
        int[] parent = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String d = dependsOn.get(i);
            if (d == null) {
                parent[i] = -1;
            } else if (position.containsKey(d)) {
                parent[i] = position.get(d);
            } else {
                throw new SalvoException("parameter '" + names.get(i) + "': depends_on must name a declared parameter "
                        + names + ", but was '" + d + "'");
            }
        }
        int[] state = new int[names.size()]; // 0 new, 1 in progress, 2 done
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            visit(i, parent, state, order, names);
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void visit(int start, int[] parent, int[] state, List<Integer> order, List<String> names) {
        List<Integer> chain = new ArrayList<>(); // each node has at most one parent: the walk is a path
        int i = start;
        while (i >= 0 && state[i] != 2) {
            if (state[i] == 1) {
                StringBuilder cycle = new StringBuilder();
                for (int j = chain.indexOf(i); j < chain.size(); j++) {
                    cycle.append(names.get(chain.get(j))).append(" -> ");
                }
                throw new SalvoException(
                        "parameters: dependencies must not form a cycle, but " + cycle + names.get(i) + " does");
            }
            state[i] = 1;
            chain.add(i);
            i = parent[i];
        }
        for (int j = chain.size() - 1; j >= 0; j--) {
            state[chain.get(j)] = 2;
            order.add(chain.get(j));
        }
    }
}

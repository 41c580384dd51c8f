package dev.salvo.feeders.internal;

import java.util.ArrayDeque;
import java.util.random.RandomGenerator;

/**
 * Walker's alias method (Vose's construction): draws index {@code i} with probability {@code weights[i] / sum} in O(1)
 * time, one bounded int and one double per draw, no allocation.
 */
public final class AliasTable {
    private final double[] probability;
    private final int[] alias;

    /** @param weights non-negative weights, at least one positive */
    public AliasTable(double[] weights) {
        int n = weights.length;
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weights must be finite and >= 0, but one was " + w);
            }
            sum += w;
        }
        if (n == 0 || sum <= 0) {
            throw new IllegalArgumentException("weights must hold a positive value, but held none");
        }
        probability = new double[n];
        alias = new int[n];
        double[] scaled = new double[n];
        ArrayDeque<Integer> small = new ArrayDeque<>();
        ArrayDeque<Integer> large = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / sum;
            (scaled[i] < 1 ? small : large).add(i);
        }
        while (!small.isEmpty() && !large.isEmpty()) {
            int s = small.poll();
            int l = large.poll();
            probability[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            (scaled[l] < 1 ? small : large).add(l);
        }
        for (Integer i : large) {
            probability[i] = 1;
            alias[i] = i;
        }
        for (Integer i : small) { // only rounding residue
            probability[i] = 1;
            alias[i] = i;
        }
    }

    /** @param random the randomness @return an index drawn with its weight's probability */
    public int next(RandomGenerator random) {
        int i = random.nextInt(probability.length);
        return random.nextDouble() < probability[i] ? i : alias[i];
    }

    /** @return the number of outcomes */
    public int size() {
        return probability.length;
    }
}

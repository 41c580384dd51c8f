package dev.salvo.runtime.internal;

import dev.salvo.feeders.ParameterGenerator;
import dev.salvo.feeders.Tuple;
import dev.salvo.sql.SalvoException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chooses an index by weight, without locks: at random (cumulative weights, binary search), or in a deterministic
 * smooth weighted round-robin (nginx's algorithm, precomputed over one period, then walked with an atomic counter).
 */
public final class WeightedChoice {
    private final double[] cumulative;
    private final int[] sequence;
    private final AtomicLong position = new AtomicLong();
    /** the run's seeded, sharded stream of uniform doubles in [0, 1), or null (then ThreadLocalRandom) */
    private final ParameterGenerator stream;

    private final ThreadLocal<Tuple> draw;

    private WeightedChoice(double[] cumulative, int[] sequence) {
        this(cumulative, sequence, null);
    }

    private WeightedChoice(double[] cumulative, int[] sequence, ParameterGenerator stream) {
        this.cumulative = cumulative;
        this.sequence = sequence;
        this.stream = stream;
        this.draw = stream == null ? null : ThreadLocal.withInitial(stream::newTuple);
    }

    /**
     * @param uniform a generator whose first parameter is a uniform double in [0, 1) (the run's seeded, sharded stream)
     * @return a copy whose random choices come from that stream (a round-robin is unchanged)
     */
    public WeightedChoice seeded(ParameterGenerator uniform) {
        return sequence != null ? new WeightedChoice(null, sequence) : new WeightedChoice(cumulative, null, uniform);
    }

    /**
     * @param where the name used in error messages
     * @param weights positive weights
     * @return random choice in proportion to the weights
     */
    public static WeightedChoice random(String where, double[] weights) {
        check(where, weights);
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        return new WeightedChoice(cumulative, null);
    }

    /**
     * @param where the name used in error messages
     * @param weights positive weights with at most 3 decimals
     * @return a deterministic smooth weighted round-robin: over one period of {@code sum(weights)/gcd} choices, each index
     *     is chosen exactly in proportion to its weight, interleaved as evenly as possible
     */
    public static WeightedChoice roundRobin(String where, double[] weights) {
        check(where, weights);
        long[] w = new long[weights.length];
        BigInteger gcd = BigInteger.ZERO;
        for (int i = 0; i < weights.length; i++) {
            BigDecimal scaled = BigDecimal.valueOf(weights[i]).movePointRight(3);
            if (scaled.stripTrailingZeros().scale() > 0) {
                throw new SalvoException(
                        where + ": a round-robin weight must have at most 3 decimals, but was " + weights[i]);
            }
            w[i] = scaled.longValueExact();
            gcd = gcd.gcd(BigInteger.valueOf(w[i]));
        }
        long total = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] /= gcd.longValue();
            total += w[i];
        }
        if (total > 1_000_000) {
            throw new SalvoException(where
                    + ": a round-robin period (sum of weights / their gcd) must be at most 1000000, but was " + total);
        }
        int[] sequence = new int[(int) total];
        long[] current = new long[w.length];
        for (int step = 0; step < total; step++) {
            int best = 0;
            for (int i = 0; i < w.length; i++) {
                current[i] += w[i];
                if (current[i] > current[best]) {
                    best = i;
                }
            }
            current[best] -= total;
            sequence[step] = best;
        }
        return new WeightedChoice(null, sequence);
    }

    private static void check(String where, double[] weights) {
        if (weights.length == 0) {
            throw new SalvoException(where + ": a mix must have at least one request, but had none");
        }
        for (double w : weights) {
            if (!(w > 0) || Double.isInfinite(w)) {
                throw new SalvoException(where + ": every weight must be a positive number, but was " + w);
            }
        }
    }

    /** @return the next index */
    public int next() {
        if (sequence != null) {
            return sequence[(int) (position.getAndIncrement() % sequence.length)];
        }
        double total = cumulative[cumulative.length - 1];
        double r;
        if (stream != null) {
            Tuple t = draw.get();
            stream.next(t);
            r = t.getDouble(0) * total;
        } else {
            r = ThreadLocalRandom.current().nextDouble(total);
        }
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (r < cumulative[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}

package dev.salvo.feeders;

import dev.salvo.feeders.internal.SplitMix;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * How varied a query's parameters actually were: requests counted exactly, distinct parameter tuples estimated by
 * linear counting over a fixed bitmap of {@value #BITS} bits (32 KiB, within a few percent up to about a million
 * distinct tuples, then saturating). Lock-free and allocation-free per record; one instance per query.
 * A low {@code distinct / requests} ratio means the database is mostly answering repeated parameters from cache.
 */
public final class VarietyCounter {
    /** Bits in the bitmap. */
    public static final int BITS = 1 << 18;

    private final AtomicLongArray bits = new AtomicLongArray(BITS / 64);
    private final LongAdder requests = new LongAdder();

    /**
     * @param tuple the parameter values of one request
     * @param length how many of them to consider
     */
    public void record(Object[] tuple, int length) {
        long h = 1;
        for (int i = 0; i < length; i++) {
            h = 31 * h + (tuple[i] == null ? 0 : tuple[i].hashCode());
        }
        recordHash(h);
    }

    /**
     * Records a tuple drawn by {@link ParameterGenerator#next(Tuple)}, without boxing: the hash is the one
     * {@link #record(Object[], int)} computes for the boxed values ({@link Tuple#hash(int)} equals
     * {@code Objects.hashCode(tuple.get(i))}), so both paths count the same tuples as the same.
     *
     * @param tuple the parameter values of one request (every slot is considered)
     */
    public void record(Tuple tuple) {
        long h = 1;
        for (int i = 0, n = tuple.size(); i < n; i++) {
            h = 31 * h + tuple.hash(i);
        }
        recordHash(h);
    }

    /** @param hash a hash of one request's parameter tuple */
    public void recordHash(long hash) {
        requests.increment();
        int bit = (int) (SplitMix.mix(hash) >>> 46); // top 18 bits
        int word = bit >>> 6;
        long mask = 1L << (bit & 63);
        long current = bits.get(word);
        while ((current & mask) == 0 && !bits.compareAndSet(word, current, current | mask)) {
            current = bits.get(word);
        }
    }

    /** @return the requests recorded */
    public long requests() {
        return requests.sum();
    }

    /** @return the estimated number of distinct parameter tuples */
    public long distinctEstimate() {
        long set = 0;
        for (int i = 0; i < bits.length(); i++) {
            set += Long.bitCount(bits.get(i));
        }
        long zero = BITS - set;
        if (zero == 0) {
            return Math.round(BITS * Math.log(BITS)); // saturated: a lower bound
        }
        return Math.min(requests(), Math.round(-BITS * Math.log((double) zero / BITS)));
    }

    /** @return distinct tuples per request, in [0, 1]; 0 before any request */
    public double ratio() {
        long n = requests();
        return n == 0 ? 0 : (double) distinctEstimate() / n;
    }
}

package dev.salvo.seed.internal;

/**
 * A seeded bijection of {@code [0, size)}: {@code (a * i + b) mod size} with {@code a} coprime to {@code size}, so that
 * unique values drawn from a range are scattered over it rather than ascending with the row.
 */
final class Perm {
    private final long size;
    private final long a;
    private final long b;

    Perm(long size, long seed) {
        this.size = size;
        long mixed = CellRandom.mix(seed);
        this.b = Math.floorMod(mixed, size);
        long candidate = 1;
        if (size <= (1L << 31)) {
            // a seeded multiplier in the middle half of the range, so that columns of one size permute differently
            candidate = Math.max(1, size / 4 + Math.floorMod(CellRandom.mix(mixed), Math.max(1, size / 2)));
            while (gcd(candidate, size) != 1) {
                candidate++;
            }
        }
        this.a = candidate;
    }

    long apply(long i) {
        return Math.floorMod(a * i + b, size);
    }

    private static long gcd(long x, long y) {
        while (y != 0) {
            long t = x % y;
            x = y;
            y = t;
        }
        return x;
    }
}

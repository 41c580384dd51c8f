package dev.salvo.seed.internal;

import dev.salvo.seed.Gen;
import java.util.List;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;

/** The text generators of {@link Sources}: {@code choice}, {@code letters} and the UUID layout. */
final class TextSources {
    private TextSources() {}

    static ValueSource choice(Cell cell, Gen.Choice c, boolean unique) {
        List<String> values = c.values();
        if (values.isEmpty()) {
            throw cell.error("choice values", "a non-empty list", "[]");
        }
        if (!c.weights().isEmpty() && c.weights().size() != values.size()) {
            throw cell.error(
                    "choice weights",
                    "one per value (" + values.size() + ")",
                    c.weights().size() + " weights");
        }
        double[] p = new double[values.size()];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = c.weights().isEmpty() ? 1 : c.weights().get(i);
            if (!(p[i] >= 0) || Double.isInfinite(p[i])) {
                throw cell.error("choice weight of '" + values.get(i) + "'", "a finite number >= 0", p[i]);
            }
            sum += p[i];
        }
        if (!(sum > 0)) {
            throw cell.error("choice weights", "positive in sum", c.weights());
        }
        long distinct = values.stream().distinct().count();
        if (unique) {
            return Sources.indexed(cell, true, values.size(), "text", (rnd, out, i) -> out.text(values.get((int) i)));
        }
        return Sources.random(
                cell.stream(),
                cell.seed(),
                "text",
                rnd -> {
                    org.apache.commons.rng.sampling.distribution.DiscreteSampler s =
                            AliasMethodDiscreteSampler.of(rnd, p);
                    return (row, out) -> out.text(values.get(s.sample()));
                },
                distinct);
    }

    static ValueSource letters(Cell cell, Gen.Letters l, boolean unique) {
        if (l.minLength() < 0 || l.maxLength() < l.minLength()) {
            throw cell.error(
                    "letters minLength and maxLength",
                    "0 <= minLength <= maxLength",
                    l.minLength() + " and " + l.maxLength());
        }
        if (unique) {
            int width = Math.max(1, l.maxLength());
            long size = width >= 13 ? Long.MAX_VALUE : (long) Math.pow(26, width);
            Perm perm = new Perm(Math.min(size, 1L << 62), cell.seed() ^ cell.stream());
            return ValueSource.of(
                    () -> (row, out) -> {
                        long v = perm.apply(row);
                        for (int i = 0; i < width; i++) {
                            out.ascii((char) ('a' + v % 26));
                            v /= 26;
                        }
                    },
                    "text",
                    size,
                    true);
        }
        long distinct = l.maxLength() >= 13 ? Long.MAX_VALUE : (long) Math.pow(27, l.maxLength());
        return Sources.random(
                cell.stream(),
                cell.seed(),
                "text",
                rnd -> (row, out) -> {
                    int n = l.minLength() + rnd.nextInt(l.maxLength() - l.minLength() + 1);
                    for (int i = 0; i < n; i++) {
                        out.ascii((char) ('a' + rnd.nextInt(26)));
                    }
                },
                distinct);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    static void uuid(long hi, long lo, TextOut out) {
        hi = (hi & ~0xF000L) | 0x4000L;
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        for (int i = 15; i >= 0; i--) {
            out.ascii(HEX[(int) (hi >>> (i * 4)) & 0xF]);
            if (i == 8 || i == 4) {
                out.ascii('-');
            }
        }
        out.ascii('-');
        for (int i = 15; i >= 0; i--) {
            out.ascii(HEX[(int) (lo >>> (i * 4)) & 0xF]);
            if (i == 12) {
                out.ascii('-');
            }
        }
    }
}

package dev.salvo.seed.internal;

import dev.salvo.seed.Gen;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterExponentialSampler;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.GaussianSampler;
import org.apache.commons.rng.sampling.distribution.LogNormalSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** Checks a {@link Gen}'s parameters and compiles it into a {@link ValueSource}. */
public final class Sources {
    /** Redraws of a bounded distribution before the value is clamped into the bounds. */
    static final int MAX_REDRAWS = 1000;

    private Sources() {}

    /**
     * @param gen the generator (not {@link Gen.ChildIndex} or {@link Gen.Profile}: the planner handles those)
     * @param cell where its values go
     * @param unique whether values must be distinct: ranges and choices are then drawn without repetition
     * @return the compiled source
     * @throws dev.salvo.sql.SalvoException one line naming the column and the parameter
     */
    public static ValueSource compile(Gen gen, Cell cell, boolean unique) {
        long seed = cell.seed();
        long stream = cell.stream();
        if (gen instanceof Gen.Sequence s) {
            return ValueSource.of(
                    () -> (row, out) -> out.number(s.start() + row * s.step()),
                    "bigint",
                    Long.MAX_VALUE,
                    s.step() != 0);
        }
        if (gen instanceof Gen.IntRange r) {
            check(cell, "int", r.min() <= r.max() && r.max() - r.min() >= 0, r.min(), r.max());
            long size = r.max() - r.min() + 1;
            return indexed(cell, unique, size, "bigint", (rnd, out, i) -> out.number(r.min() + i));
        }
        if (gen instanceof Gen.DecimalRange d) {
            checkScale(cell, "decimal", d.scale());
            check(cell, "decimal", d.min().compareTo(d.max()) <= 0, d.min(), d.max());
            long lo = d.min()
                    .setScale(d.scale(), java.math.RoundingMode.CEILING)
                    .unscaledValue()
                    .longValueExact();
            long hi = d.max()
                    .setScale(d.scale(), java.math.RoundingMode.FLOOR)
                    .unscaledValue()
                    .longValueExact();
            int precision = Math.max(
                    d.max()
                            .abs()
                            .setScale(d.scale(), java.math.RoundingMode.FLOOR)
                            .precision(),
                    d.scale() + 1);
            return indexed(
                    cell,
                    unique,
                    hi - lo + 1,
                    "numeric(" + Math.max(precision, d.scale() + 1) + "," + d.scale() + ")",
                    (rnd, out, i) -> out.fixed(lo + i, d.scale()));
        }
        if (gen instanceof Gen.FloatRange f) {
            check(cell, "float", f.min() <= f.max(), f.min(), f.max());
            return random(
                    stream,
                    seed,
                    "double precision",
                    rnd -> (row, out) -> out.raw(Double.toString(f.min() + rnd.nextDouble() * (f.max() - f.min()))));
        }
        if (gen instanceof Gen.DateRange d) {
            check(cell, "date", !d.min().isAfter(d.max()), d.min(), d.max());
            long lo = d.min().toEpochDay();
            return indexed(
                    cell,
                    unique,
                    d.max().toEpochDay() - lo + 1,
                    "date",
                    (rnd, out, i) -> out.raw(LocalDate.ofEpochDay(lo + i).toString()));
        }
        if (gen instanceof Gen.TimestampRange t) {
            check(cell, "timestamp", !t.min().isAfter(t.max()), t.min(), t.max());
            long lo = t.min().toEpochSecond(ZoneOffset.UTC);
            return indexed(
                    cell,
                    unique,
                    t.max().toEpochSecond(ZoneOffset.UTC) - lo + 1,
                    "timestamp",
                    (rnd, out, i) -> out.raw(LocalDateTime.ofEpochSecond(lo + i, 0, ZoneOffset.UTC)
                            .toString()));
        }
        if (gen instanceof Gen.TimestamptzRange t) {
            check(cell, "timestamptz", !t.min().isAfter(t.max()), t.min(), t.max());
            long lo = t.min().toEpochSecond();
            return indexed(cell, unique, t.max().toEpochSecond() - lo + 1, "timestamptz", (rnd, out, i) -> {
                out.raw(LocalDateTime.ofEpochSecond(lo + i, 0, ZoneOffset.UTC).toString());
                out.raw("+00");
            });
        }
        if (gen instanceof Gen.Normal n) {
            positive(cell, "normal stddev", n.stddev());
            bounded(cell, "normal", n.min(), n.max(), n.scale());
            return distribution(
                    cell,
                    n.min(),
                    n.max(),
                    n.scale(),
                    rnd -> GaussianSampler.of(ZigguratSampler.NormalizedGaussian.of(rnd), n.mean(), n.stddev())
                            ::sample);
        }
        if (gen instanceof Gen.LogNormal n) {
            positive(cell, "lognormal sigma", n.sigma());
            bounded(cell, "lognormal", n.min(), n.max(), n.scale());
            return distribution(
                    cell,
                    n.min(),
                    n.max(),
                    n.scale(),
                    rnd -> LogNormalSampler.of(ZigguratSampler.NormalizedGaussian.of(rnd), n.mu(), n.sigma())::sample);
        }
        if (gen instanceof Gen.Exponential e) {
            positive(cell, "exponential mean", e.mean());
            bounded(cell, "exponential", e.min(), e.max(), e.scale());
            return distribution(
                    cell, e.min(), e.max(), e.scale(), rnd -> AhrensDieterExponentialSampler.of(rnd, e.mean())::sample);
        }
        if (gen instanceof Gen.Beta b) {
            positive(cell, "beta alpha", b.alpha());
            positive(cell, "beta beta", b.beta());
            bounded(cell, "beta", b.min(), b.max(), b.scale());
            return distribution(cell, b.min(), b.max(), b.scale(), rnd -> {
                org.apache.commons.rng.sampling.distribution.ContinuousSampler s =
                        ChengBetaSampler.of(rnd, b.alpha(), b.beta());
                return () -> b.min() + s.sample() * (b.max() - b.min());
            });
        }
        if (gen instanceof Gen.Zipf z) {
            positive(cell, "zipf exponent", z.exponent());
            check(cell, "zipf", z.min() <= z.max(), z.min(), z.max());
            if (z.max() - z.min() + 1 > Integer.MAX_VALUE || z.max() - z.min() < 0) {
                throw cell.error("zipf range (max - min + 1)", "at most " + Integer.MAX_VALUE, z.max() - z.min() + 1);
            }
            int n = (int) (z.max() - z.min() + 1);
            return random(
                    stream,
                    seed,
                    "bigint",
                    rnd -> {
                        org.apache.commons.rng.sampling.distribution.DiscreteSampler s =
                                RejectionInversionZipfSampler.of(rnd, n, z.exponent());
                        return (row, out) -> out.number(z.min() - 1 + s.sample());
                    },
                    n);
        }
        if (gen instanceof Gen.Poisson p) {
            positive(cell, "poisson mean", p.mean());
            if (p.mean() > 1e9) {
                throw cell.error("poisson mean", "at most 1e9", p.mean());
            }
            check(cell, "poisson", p.min() <= p.max(), p.min(), p.max());
            return random(
                    stream,
                    seed,
                    "bigint",
                    rnd -> {
                        org.apache.commons.rng.sampling.distribution.DiscreteSampler s =
                                PoissonSampler.of(rnd, p.mean());
                        return (row, out) -> {
                            long v = s.sample();
                            for (int i = 0; i < MAX_REDRAWS && (v < p.min() || v > p.max()); i++) {
                                v = s.sample();
                            }
                            out.number(Math.max(p.min(), Math.min(p.max(), v)));
                        };
                    },
                    p.max() - p.min() + 1);
        }
        if (gen instanceof Gen.Choice c) {
            return TextSources.choice(cell, c, unique);
        }
        if (gen instanceof Gen.Faker f) {
            return Fakers.compile(cell, f.expression());
        }
        if (gen instanceof Gen.Letters l) {
            return TextSources.letters(cell, l, unique);
        }
        if (gen instanceof Gen.Uuid) {
            return random(
                    stream,
                    seed,
                    "uuid",
                    rnd -> (row, out) -> TextSources.uuid(rnd.nextLong(), rnd.nextLong(), out),
                    Long.MAX_VALUE);
        }
        if (gen instanceof Gen.Bool b) {
            if (!(b.trueFraction() >= 0 && b.trueFraction() <= 1)) {
                throw cell.error("boolean trueFraction", "between 0 and 1", b.trueFraction());
            }
            return random(
                    stream,
                    seed,
                    "boolean",
                    rnd -> (row, out) -> out.ascii(rnd.nextDouble() < b.trueFraction() ? 't' : 'f'),
                    2);
        }
        if (gen instanceof Gen.Constant c) {
            return ValueSource.of(() -> (row, out) -> out.text(c.value()), "text", 1, false);
        }
        if (gen instanceof Gen.ChildIndex) {
            throw cell.error("generator child_index", "used in a table with perParent", "not");
        }
        if (gen instanceof Gen.Profile p) {
            return ProfileSource.compile(cell, p.profile());
        }
        throw new IllegalStateException("unknown generator " + gen);
    }

    /** Writes row values from a per-row random source. */
    interface Factory {
        ValueSource.Writer create(CellRandom rnd);
    }

    /** Writes the value with index {@code i} of a range. */
    interface Indexed {
        void write(CellRandom rnd, TextOut out, long i);
    }

    static ValueSource random(long stream, long seed, String sqlType, Factory factory) {
        return random(stream, seed, sqlType, factory, Long.MAX_VALUE);
    }

    static ValueSource random(long stream, long seed, String sqlType, Factory factory, long distinct) {
        return ValueSource.of(
                () -> {
                    CellRandom rnd = new CellRandom();
                    ValueSource.Writer w = factory.create(rnd);
                    return (row, out) -> {
                        rnd.reset(CellRandom.key(seed, stream, row));
                        w.write(row, out);
                    };
                },
                sqlType,
                distinct,
                false);
    }

    /** A range of {@code size} values: uniform, or a seeded permutation of the row index when unique. */
    static ValueSource indexed(Cell cell, boolean unique, long size, String sqlType, Indexed value) {
        if (unique) {
            Perm perm = new Perm(size, cell.seed() ^ cell.stream());
            return ValueSource.of(() -> (row, out) -> value.write(null, out, perm.apply(row)), sqlType, size, true);
        }
        return random(
                cell.stream(),
                cell.seed(),
                sqlType,
                rnd -> (row, out) -> value.write(rnd, out, size <= 0 ? rnd.nextLong() : rnd.nextLong(size)),
                size);
    }

    static ValueSource distribution(
            Cell cell, double min, double max, int scale, Function<UniformRandomProvider, DoubleSupplier> sampler) {
        double pow = Math.pow(10, scale);
        return random(cell.stream(), cell.seed(), scale == 0 ? "bigint" : "numeric(18," + scale + ")", rnd -> {
            DoubleSupplier s = sampler.apply(rnd);
            return (row, out) -> {
                double v = s.getAsDouble();
                for (int i = 0; i < MAX_REDRAWS && (v < min || v > max); i++) {
                    v = s.getAsDouble();
                }
                out.fixed(Math.round(Math.max(min, Math.min(max, v)) * pow), scale);
            };
        });
    }

    private static void check(Cell cell, String kind, boolean ok, Object min, Object max) {
        if (!ok) {
            throw cell.error(kind + " min", "<= max (" + max + ")", min);
        }
    }

    private static void checkScale(Cell cell, String kind, int scale) {
        if (scale < 0 || scale > 9) {
            throw cell.error(kind + " scale", "between 0 and 9", scale);
        }
    }

    private static void positive(Cell cell, String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw cell.error(what, "a finite number > 0", v);
        }
    }

    private static void bounded(Cell cell, String kind, double min, double max, int scale) {
        checkScale(cell, kind, scale);
        if (!(min <= max)) {
            throw cell.error(kind + " min", "<= max (" + max + ")", min);
        }
    }

    /**
     * @throws dev.salvo.sql.SalvoException when a unique column's generator cannot give each row its own value: fewer distinct values
     *     than rows, or values that may repeat
     */
    static void checkUnique(Cell cell, Gen gen, ValueSource source, boolean unique) {
        if (!unique) {
            return;
        }
        if (source.distinct() < cell.rows()) {
            throw cell.error(
                    "the distinct values of a unique column",
                    "at least the row count (" + cell.rows() + ")",
                    source.distinct() + " (generator " + gen.kind() + ")");
        }
        if (!source.injective()) {
            throw cell.error(
                    "the generator of a unique column",
                    "one of sequence, int, decimal, date, timestamp, " + "timestamptz, choice, letters, uuid",
                    gen.kind());
        }
    }
}

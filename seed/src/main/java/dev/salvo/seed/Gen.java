package dev.salvo.seed;

import dev.salvo.sql.profile.ColumnProfile;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * How one column's values are generated. Values are immutable descriptions; Salvo checks their parameters when a
 * {@link SeedSpec} is prepared (before anything is written) and turns them into per-thread writers. Every value is a
 * pure function of the spec's seed, the table, the column and the row index. Distributions use Apache Commons RNG's
 * samplers; bounded distributions redraw values outside {@code [min, max]} (a truncated distribution, not a clamp).
 */
public sealed interface Gen {

    /** @return the generator's name as written in YAML, e.g. {@code normal} */
    String kind();

    /** {@code start, start + step, ...} by row index: unique. */
    record Sequence(long start, long step) implements Gen {
        @Override
        public String kind() {
            return "sequence";
        }
    }

    /** Whole numbers uniform in {@code [min, max]}. */
    record IntRange(long min, long max) implements Gen {
        @Override
        public String kind() {
            return "int";
        }
    }

    /** Decimals uniform in {@code [min, max]} with {@code scale} digits after the point. */
    record DecimalRange(BigDecimal min, BigDecimal max, int scale) implements Gen {
        @Override
        public String kind() {
            return "decimal";
        }
    }

    /** Doubles uniform in {@code [min, max)}. */
    record FloatRange(double min, double max) implements Gen {
        @Override
        public String kind() {
            return "float";
        }
    }

    /** Dates uniform in {@code [min, max]}. */
    record DateRange(LocalDate min, LocalDate max) implements Gen {
        @Override
        public String kind() {
            return "date";
        }
    }

    /** Timestamps (no time zone) uniform in {@code [min, max]}, whole seconds. */
    record TimestampRange(LocalDateTime min, LocalDateTime max) implements Gen {
        @Override
        public String kind() {
            return "timestamp";
        }
    }

    /** Instants uniform in {@code [min, max]}, whole seconds, written at offset UTC. */
    record TimestamptzRange(OffsetDateTime min, OffsetDateTime max) implements Gen {
        @Override
        public String kind() {
            return "timestamptz";
        }
    }

    /** Normal(mean, stddev) truncated to {@code [min, max]}, rounded to {@code scale} decimals. */
    record Normal(double mean, double stddev, double min, double max, int scale) implements Gen {
        @Override
        public String kind() {
            return "normal";
        }
    }

    /** Log-normal (mu and sigma of the logarithm) truncated to {@code [min, max]}, rounded to {@code scale} decimals. */
    record LogNormal(double mu, double sigma, double min, double max, int scale) implements Gen {
        @Override
        public String kind() {
            return "lognormal";
        }
    }

    /** Exponential with the given mean, truncated to {@code [min, max]}, rounded to {@code scale} decimals. */
    record Exponential(double mean, double min, double max, int scale) implements Gen {
        @Override
        public String kind() {
            return "exponential";
        }
    }

    /** Beta(alpha, beta) stretched onto {@code [min, max]}, rounded to {@code scale} decimals. */
    record Beta(double alpha, double beta, double min, double max, int scale) implements Gen {
        @Override
        public String kind() {
            return "beta";
        }
    }

    /** Zipf over the whole numbers {@code min..max}: {@code min} is the most frequent; exponent &gt; 0. */
    record Zipf(long min, long max, double exponent) implements Gen {
        @Override
        public String kind() {
            return "zipf";
        }
    }

    /** Poisson with the given mean, truncated to {@code [min, max]}. */
    record Poisson(double mean, long min, long max) implements Gen {
        @Override
        public String kind() {
            return "poisson";
        }
    }

    /** One of {@code values} (their text forms) with the given weights (empty: equal weights). */
    record Choice(List<String> values, List<Double> weights) implements Gen {
        /** Copies the lists. */
        public Choice {
            values = List.copyOf(values);
            weights = List.copyOf(weights);
        }

        @Override
        public String kind() {
            return "choice";
        }
    }

    /** A Datafaker expression, e.g. {@code #{Name.firstName}} or {@code #{regexify '[A-Z]{3}-[0-9]{4}'}}. */
    record Faker(String expression) implements Gen {
        @Override
        public String kind() {
            return "faker";
        }
    }

    /** Random lower-case ASCII letters, length uniform in {@code [minLength, maxLength]}. */
    record Letters(int minLength, int maxLength) implements Gen {
        @Override
        public String kind() {
            return "letters";
        }
    }

    /** Random (version 4) UUIDs. */
    record Uuid() implements Gen {
        @Override
        public String kind() {
            return "uuid";
        }
    }

    /** Booleans, true with probability {@code trueFraction}. */
    record Bool(double trueFraction) implements Gen {
        @Override
        public String kind() {
            return "boolean";
        }
    }

    /** The same text for every row. */
    record Constant(String value) implements Gen {
        @Override
        public String kind() {
            return "constant";
        }
    }

    /** In a table with per-parent child counts: the row's 1-based position among its parent's children. */
    record ChildIndex() implements Gen {
        @Override
        public String kind() {
            return "child_index";
        }
    }

    /** Values shaped like a profiled column: null fraction, most common values, histogram, distinct count, min/max. */
    record Profile(ColumnProfile profile) implements Gen {
        @Override
        public String kind() {
            return "profile";
        }
    }

    /** The names of the generators YAML accepts, in the order of the reference. */
    List<String> KINDS = List.of(
            "sequence",
            "int",
            "decimal",
            "float",
            "date",
            "timestamp",
            "timestamptz",
            "normal",
            "lognormal",
            "exponential",
            "beta",
            "zipf",
            "poisson",
            "choice",
            "faker",
            "letters",
            "uuid",
            "boolean",
            "constant",
            "child_index");

    /** @param start the first value @return {@code start, start+1, ...} */
    static Gen sequence(long start) {
        return new Sequence(start, 1);
    }
    /** @param min smallest @param max largest @return uniform whole numbers */
    static Gen uniform(long min, long max) {
        return new IntRange(min, max);
    }
    /** @param min smallest @param max largest @param scale decimals @return uniform decimals */
    static Gen decimal(String min, String max, int scale) {
        return new DecimalRange(new BigDecimal(min), new BigDecimal(max), scale);
    }
    /** @param min first day @param max last day @return uniform dates */
    static Gen dates(LocalDate min, LocalDate max) {
        return new DateRange(min, max);
    }
    /** @param mean mean @param stddev standard deviation @param min lower bound @param max upper bound @param scale decimals
     *  @return a truncated normal */
    static Gen normal(double mean, double stddev, double min, double max, int scale) {
        return new Normal(mean, stddev, min, max, scale);
    }
    /** @param min most frequent value @param max least frequent value @param exponent skew, &gt; 0 @return Zipf */
    static Gen zipf(long min, long max, double exponent) {
        return new Zipf(min, max, exponent);
    }
    /** @param values the values, equally likely @return a choice */
    static Gen oneOf(String... values) {
        return new Choice(List.of(values), List.of());
    }
    /** @param values the values @param weights their weights @return a weighted choice */
    static Gen weighted(List<String> values, List<Double> weights) {
        return new Choice(values, weights);
    }
    /** @param expression a Datafaker expression @return generated text */
    static Gen faker(String expression) {
        return new Faker(expression);
    }
    /** @return random UUIDs */
    static Gen uuid() {
        return new Uuid();
    }
}

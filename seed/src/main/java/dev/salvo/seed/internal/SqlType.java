package dev.salvo.seed.internal;

import dev.salvo.seed.Gen;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL column type Salvo can write, parsed from a spec or from {@code format_type()}: its family, length or
 * precision and scale, and the generator a column of this type gets when the spec gives none.
 *
 * @param family the family
 * @param text the type as written in DDL
 * @param length character length or numeric precision, -1 when unbounded
 * @param scale numeric scale, 0 otherwise
 */
public record SqlType(Family family, String text, int length, int scale) {

    /** Type families. */
    public enum Family {
        SMALLINT,
        INTEGER,
        BIGINT,
        NUMERIC,
        REAL,
        DOUBLE,
        TEXT,
        VARCHAR,
        CHAR,
        DATE,
        TIMESTAMP,
        TIMESTAMPTZ,
        BOOLEAN,
        UUID
    }

    /** The accepted names, for messages. */
    public static final String ACCEPTED = "smallint, integer, bigint, numeric(p,s), real, double precision, text, "
            + "varchar(n), char(n), date, timestamp, timestamptz, boolean, uuid";

    private static final Pattern SIZED = Pattern.compile("([a-z ]+?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?");

    /**
     * @param type a type name, e.g. {@code numeric(12,2)} or {@code character varying(40)}
     * @return the parsed type, or null when Salvo cannot write it
     */
    public static SqlType parse(String type) {
        Matcher m = SIZED.matcher(type.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        int a = m.group(2) == null ? -1 : Integer.parseInt(m.group(2));
        int b = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        Family f = switch (m.group(1).trim()) {
            case "smallint", "int2" -> Family.SMALLINT;
            case "integer", "int", "int4", "serial" -> Family.INTEGER;
            case "bigint", "int8", "bigserial" -> Family.BIGINT;
            case "numeric", "decimal" -> Family.NUMERIC;
            case "real", "float4" -> Family.REAL;
            case "double precision", "float8", "float" -> Family.DOUBLE;
            case "text" -> Family.TEXT;
            case "varchar", "character varying" -> Family.VARCHAR;
            case "char", "character", "bpchar" -> Family.CHAR;
            case "date" -> Family.DATE;
            case "timestamp", "timestamp without time zone" -> Family.TIMESTAMP;
            case "timestamptz", "timestamp with time zone" -> Family.TIMESTAMPTZ;
            case "boolean", "bool" -> Family.BOOLEAN;
            case "uuid" -> Family.UUID;
            default -> null;
        };
        if (f == null) {
            return null;
        }
        if (f == Family.CHAR && a < 0) {
            a = 1;
        }
        return new SqlType(f, type.trim(), a, b);
    }

    /**
     * @param unique whether the column must hold distinct values
     * @param column the column name (unique text is {@code <column>-<n>})
     * @return the generator of a column of this type that the spec leaves open
     */
    public Gen defaultGen(boolean unique, String column) {
        return switch (family) {
            case SMALLINT -> unique ? new Gen.Sequence(1, 1) : new Gen.IntRange(1, Short.MAX_VALUE);
            case INTEGER, BIGINT -> unique ? new Gen.Sequence(1, 1) : new Gen.IntRange(1, 1_000_000);
            case NUMERIC -> {
                int s = length < 0 ? 2 : scale;
                int whole = length < 0 ? 6 : Math.min(6, length - s);
                BigDecimal max = BigDecimal.TEN.pow(Math.max(whole, 0)).subtract(BigDecimal.ONE.movePointLeft(s));
                yield unique ? new Gen.Sequence(1, 1) : new Gen.DecimalRange(BigDecimal.ZERO.setScale(s), max, s);
            }
            case REAL, DOUBLE -> new Gen.FloatRange(0, 1000);
            case TEXT, VARCHAR, CHAR -> new Gen.Letters(Math.min(4, maxLength()), Math.min(16, maxLength()));
            case DATE -> new Gen.DateRange(LocalDate.of(2020, 1, 1), LocalDate.of(2025, 12, 31));
            case TIMESTAMP ->
                new Gen.TimestampRange(LocalDateTime.of(2020, 1, 1, 0, 0), LocalDateTime.of(2025, 12, 31, 23, 59));
            case TIMESTAMPTZ ->
                new Gen.TimestamptzRange(
                        OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                        OffsetDateTime.of(2025, 12, 31, 23, 59, 0, 0, ZoneOffset.UTC));
            case BOOLEAN -> new Gen.Bool(0.5);
            case UUID -> new Gen.Uuid();
        };
    }

    /** @return the longest text the type holds, Integer.MAX_VALUE when unbounded */
    public int maxLength() {
        return (family == Family.VARCHAR || family == Family.CHAR) && length > 0 ? length : Integer.MAX_VALUE;
    }

    /** @return true for text families */
    public boolean isText() {
        return family == Family.TEXT || family == Family.VARCHAR || family == Family.CHAR;
    }
}

package dev.salvo.sql.profile;

import dev.salvo.sql.SalvoException;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The kind of values a profiled column holds, and the Java type Salvo uses for them: every value in a
 * {@link ColumnProfile} (min, max, sample, most common values, histogram bounds) is of {@link #javaType()}, and is
 * written to snapshot files as the text of {@link #format(Object)}.
 */
public enum ColumnType {
    /** Whole numbers (smallint, integer, bigint, NUMBER(p,0)): {@link Long}. */
    INTEGER(Long.class),
    /** Exact decimals (numeric, decimal): {@link BigDecimal}. */
    DECIMAL(BigDecimal.class),
    /** Floating point (real, double precision, FLOAT): {@link Double}. */
    FLOAT(Double.class),
    /** Calendar dates: {@link LocalDate}. */
    DATE(LocalDate.class),
    /** Timestamps without time zone: {@link LocalDateTime}. */
    TIMESTAMP(LocalDateTime.class),
    /**
     * Timestamps with time zone, i.e. instants (PostgreSQL {@code timestamptz}, Snowflake {@code TIMESTAMP_TZ} and
     * {@code TIMESTAMP_LTZ}): {@link OffsetDateTime}, always normalized to offset UTC (the instant is kept, the zone the
     * database printed it in is not).
     */
    TIMESTAMPTZ(OffsetDateTime.class),
    /** Text (char, varchar, text): {@link String}. */
    TEXT(String.class),
    /** Booleans: {@link Boolean}. */
    BOOLEAN(Boolean.class),
    /** Anything else, kept as its text form: {@link String}. */
    OTHER(String.class);

    private final Class<?> javaType;

    ColumnType(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** @return the Java class of this type's values */
    public Class<?> javaType() {
        return javaType;
    }

    /** @return true for INTEGER, DECIMAL and FLOAT */
    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL || this == FLOAT;
    }

    /** @return true for types with an order and a meaningful range: numbers, dates and timestamps */
    public boolean isRange() {
        return isNumeric() || isTemporal();
    }

    /** @return true for DATE, TIMESTAMP and TIMESTAMPTZ */
    public boolean isTemporal() {
        return this == DATE || this == TIMESTAMP || this == TIMESTAMPTZ;
    }

    /**
     * Maps a JDBC type code (from {@code ResultSetMetaData.getColumnType}) to a column type.
     *
     * @param sqlType a {@link Types} constant
     * @param scale the column's scale, used to tell whole numbers stored as NUMBER(p,0) from decimals
     * @return the column type, OTHER when unknown
     */
    public static ColumnType fromJdbc(int sqlType, int scale) {
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> INTEGER;
            case Types.NUMERIC, Types.DECIMAL -> scale == 0 ? INTEGER : DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> FLOAT;
            case Types.DATE -> DATE;
            case Types.TIMESTAMP -> TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMPTZ;
            case Types.CHAR,
                    Types.VARCHAR,
                    Types.LONGVARCHAR,
                    Types.NCHAR,
                    Types.NVARCHAR,
                    Types.LONGNVARCHAR,
                    Types.CLOB -> TEXT;
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            default -> OTHER;
        };
    }

    /**
     * Maps a JDBC type code and the database's type name (from {@code ResultSetMetaData.getColumnTypeName}) to a column
     * type. The name tells timestamps with time zone that drivers report as {@link Types#TIMESTAMP}: PostgreSQL's
     * {@code timestamptz}, Snowflake's {@code TIMESTAMPTZ} and {@code TIMESTAMPLTZ}.
     *
     * @param sqlType a {@link Types} constant
     * @param scale the column's scale
     * @param typeName the database's type name, or null
     * @return the column type, OTHER when unknown
     */
    public static ColumnType fromJdbc(int sqlType, int scale, String typeName) {
        if (sqlType == Types.TIMESTAMP && typeName != null) {
            String name = typeName.toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "");
            if (name.equals("timestamptz")
                    || name.equals("timestampltz")
                    || name.equals("timestampwithtimezone")
                    || name.equals("timestampwithlocaltimezone")) {
                return TIMESTAMPTZ;
            }
        }
        return fromJdbc(sqlType, scale);
    }

    /**
     * Parses a value from its text form (snapshot files, catalog statistics).
     *
     * @param text the text, not null
     * @return the value as {@link #javaType()}
     * @throws SalvoException when the text is not a value of this type
     */
    public Object parse(String text) {
        try {
            return switch (this) {
                case INTEGER -> Long.valueOf(text.trim());
                case DECIMAL -> new BigDecimal(text.trim());
                case FLOAT -> Double.valueOf(text.trim());
                case DATE -> LocalDate.parse(text.trim());
                case TIMESTAMP -> LocalDateTime.parse(text.trim().replace(' ', 'T'));
                case TIMESTAMPTZ -> parseTimestampTz(text.trim());
                case BOOLEAN -> parseBoolean(text.trim());
                case TEXT, OTHER -> text;
            };
        } catch (NumberFormatException | DateTimeException e) {
            throw new SalvoException(
                    "value: a " + name().toLowerCase(Locale.ROOT) + " value must be in its standard text form, "
                            + "but was '" + text + "'",
                    e);
        }
    }

    /**
     * A timestamp with an optional offset: {@code 2024-01-01 10:00:00+00} (PostgreSQL text, any session time zone:
     * {@code +05:30}, {@code -03}, {@code +00:53:28}), {@code 2024-01-01T10:00Z} (snapshots),
     * {@code 2024-01-01 10:00:00.000 -0800} (Snowflake). Without an offset the time is read as UTC.
     */
    private static OffsetDateTime parseTimestampTz(String s) {
        int cut = s.length();
        ZoneOffset offset = ZoneOffset.UTC;
        if (s.endsWith("Z") || s.endsWith("z")) {
            cut--;
        } else {
            int sign = Math.max(s.lastIndexOf('+'), s.lastIndexOf('-'));
            if (sign > 10) { // after the date's own dashes
                offset = ZoneOffset.of(s.substring(sign));
                cut = sign;
            }
        }
        LocalDateTime local = LocalDateTime.parse(s.substring(0, cut).trim().replace(' ', 'T'));
        return OffsetDateTime.of(local, offset).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /**
     * Converts a value read through JDBC ({@code getObject}) to this type's Java class.
     *
     * @param value a JDBC value or null
     * @return the converted value, or null
     */
    public Object fromJdbcValue(Object value) {
        if (this == TIMESTAMPTZ && value != null) {
            return timestampTz(value);
        }
        if (value == null || javaType.isInstance(value)) {
            return value;
        }
        return switch (this) {
            case INTEGER -> value instanceof Number n ? (Object) n.longValue() : parse(value.toString());
            case DECIMAL -> value instanceof Number n ? new BigDecimal(n.toString()) : parse(value.toString());
            case FLOAT -> value instanceof Number n ? (Object) n.doubleValue() : parse(value.toString());
            case DATE -> value instanceof java.sql.Date d ? d.toLocalDate() : parse(value.toString());
            case TIMESTAMP -> value instanceof java.sql.Timestamp t ? t.toLocalDateTime() : parse(value.toString());
            case TIMESTAMPTZ -> timestampTz(value);
            case BOOLEAN, TEXT, OTHER -> parse(value.toString());
        };
    }

    /** JDBC drivers return instants as {@code Timestamp} (pgjdbc, Snowflake), or as java.time objects when asked. */
    private OffsetDateTime timestampTz(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.withOffsetSameInstant(ZoneOffset.UTC);
        } else if (value instanceof java.sql.Timestamp t) {
            return OffsetDateTime.ofInstant(t.toInstant(), ZoneOffset.UTC);
        } else if (value instanceof Instant i) {
            return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
        } else if (value instanceof ZonedDateTime z) {
            return z.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        }
        return (OffsetDateTime) parse(value.toString());
    }

    /**
     * @param value a value of this type
     * @return its canonical text form, which {@link #parse(String)} reads back to an equal value
     */
    public String format(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof OffsetDateTime o) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    o.withOffsetSameInstant(ZoneOffset.UTC)); // seconds always
        }
        return String.valueOf(value);
    }

    private static Boolean parseBoolean(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "t", "1", "yes", "y", "on" -> Boolean.TRUE;
            case "false", "f", "0", "no", "n", "off" -> Boolean.FALSE;
            default -> throw new NumberFormatException(text);
        };
    }

    /**
     * @param name a type name as written in snapshot files, any case
     * @return the type
     * @throws SalvoException when the name is unknown
     */
    public static ColumnType named(String name) {
        for (ColumnType t : values()) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new SalvoException(
                "type: a column type must be one of integer, decimal, float, date, timestamp, timestamptz, text, "
                        + "boolean, other, but was '" + name + "'");
    }
}

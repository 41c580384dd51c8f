package dev.salvo.sql.profile;

import dev.salvo.sql.SalvoException;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
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
    return isNumeric() || this == DATE || this == TIMESTAMP;
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
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB ->
          TEXT;
      case Types.BOOLEAN, Types.BIT -> BOOLEAN;
      default -> OTHER;
    };
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
        case BOOLEAN -> parseBoolean(text.trim());
        case TEXT, OTHER -> text;
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new SalvoException("value: a " + name().toLowerCase(Locale.ROOT) + " value must be in its standard text form, "
          + "but was '" + text + "'", e);
    }
  }

  /**
   * Converts a value read through JDBC ({@code getObject}) to this type's Java class.
   *
   * @param value a JDBC value or null
   * @return the converted value, or null
   */
  public Object fromJdbcValue(Object value) {
    if (value == null || javaType.isInstance(value)) {
      return value;
    }
    return switch (this) {
      case INTEGER -> value instanceof Number n ? (Object) n.longValue() : parse(value.toString());
      case DECIMAL -> value instanceof Number n ? new BigDecimal(n.toString()) : parse(value.toString());
      case FLOAT -> value instanceof Number n ? (Object) n.doubleValue() : parse(value.toString());
      case DATE -> value instanceof java.sql.Date d ? d.toLocalDate() : parse(value.toString());
      case TIMESTAMP -> value instanceof java.sql.Timestamp t ? t.toLocalDateTime() : parse(value.toString());
      case BOOLEAN, TEXT, OTHER -> parse(value.toString());
    };
  }

  /**
   * @param value a value of this type
   * @return its canonical text form, which {@link #parse(String)} reads back to an equal value
   */
  public String format(Object value) {
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
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
    throw new SalvoException("type: a column type must be one of integer, decimal, float, date, timestamp, text, "
        + "boolean, other, but was '" + name + "'");
  }
}

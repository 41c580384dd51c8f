package dev.salvo.runtime.internal;

import dev.salvo.sql.SalvoException;
import java.lang.reflect.Array;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Date;

/**
 * Checks the values a request will bind against the types the database expects for its placeholders
 * ({@code getParameterMetaData}), before load: a text value for an integer column is one line instead of a run of
 * errors. Only values known before load are checked (constants, first draws of generators), and only mismatches the
 * database would reject: a text value for a number, date or boolean; a number for a date or boolean; a date for a
 * number or boolean. (A number for a text placeholder is not flagged: PostgreSQL types {@code SELECT $1} as text, and
 * the driver's own type for the value then works.)
 */
final class BindCheck {
    private enum Category {
        NUMBER,
        TEXT,
        TEMPORAL,
        BOOLEAN,
        OTHER
    }

    private BindCheck() {}

    static void check(PreparedRequest request, SharedValues shared, ParameterMetaData md) throws SQLException {
        int count = Math.min(md.getParameterCount(), request.placeholderNames().size());
        for (int i = 0; i < count; i++) {
            Object value = first(request.sample(i, shared));
            if (value == PreparedRequest.UNKNOWN || value == null) {
                continue;
            }
            Category valueCategory = ofValue(value);
            Category sqlCategory = ofSqlType(md.getParameterType(i + 1));
            if (mismatch(valueCategory, sqlCategory)) {
                String text = String.valueOf(value);
                throw new SalvoException("request '" + request.request.name() + "': parameter '"
                        + request.placeholderNames().get(i) + "' must be bound to a value of the database's type "
                        + md.getParameterTypeName(i + 1) + ", but was "
                        + value.getClass().getSimpleName() + " '"
                        + (text.length() > 40 ? text.substring(0, 37) + "..." : text) + "'");
            }
        }
    }

    private static boolean mismatch(Category value, Category sql) {
        return switch (value) {
            case TEXT -> sql == Category.NUMBER || sql == Category.TEMPORAL || sql == Category.BOOLEAN;
            case NUMBER -> sql == Category.TEMPORAL || sql == Category.BOOLEAN;
            case TEMPORAL -> sql == Category.NUMBER || sql == Category.BOOLEAN;
            default -> false;
        };
    }

    private static Object first(Object value) {
        if (value instanceof Collection<?> c) {
            return c.isEmpty() ? PreparedRequest.UNKNOWN : c.iterator().next();
        }
        if (value != null && value.getClass().isArray() && !(value instanceof byte[])) {
            return Array.getLength(value) == 0 ? PreparedRequest.UNKNOWN : Array.get(value, 0);
        }
        return value;
    }

    private static Category ofValue(Object v) {
        if (v instanceof Number) {
            return Category.NUMBER;
        }
        if (v instanceof CharSequence || v instanceof Character) {
            return Category.TEXT;
        }
        if (v instanceof Temporal || v instanceof Date) {
            return Category.TEMPORAL;
        }
        if (v instanceof Boolean) {
            return Category.BOOLEAN;
        }
        return Category.OTHER;
    }

    private static Category ofSqlType(int type) {
        return switch (type) {
            case Types.TINYINT,
                    Types.SMALLINT,
                    Types.INTEGER,
                    Types.BIGINT,
                    Types.NUMERIC,
                    Types.DECIMAL,
                    Types.REAL,
                    Types.FLOAT,
                    Types.DOUBLE -> Category.NUMBER;
            case Types.CHAR,
                    Types.VARCHAR,
                    Types.LONGVARCHAR,
                    Types.NCHAR,
                    Types.NVARCHAR,
                    Types.LONGNVARCHAR,
                    Types.CLOB -> Category.TEXT;
            case Types.DATE, Types.TIME, Types.TIMESTAMP, Types.TIME_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE ->
                Category.TEMPORAL;
            case Types.BOOLEAN, Types.BIT -> Category.BOOLEAN;
            default -> Category.OTHER;
        };
    }
}

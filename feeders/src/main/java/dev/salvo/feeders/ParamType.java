package dev.salvo.feeders;

import dev.salvo.sql.SalvoException;
import java.util.Locale;

/** What kind of value a parameter holds; checked against the strategy and the profiled column when a generator is built. */
public enum ParamType {
    /** A date ({@code LocalDate}) or timestamp ({@code LocalDateTime}, or {@code OffsetDateTime} with time zone). */
    DATE,
    /** One value of a column, any type. */
    CATEGORICAL,
    /** A number ({@code Long}, {@code BigDecimal} or {@code Double}). */
    NUMERIC,
    /** One of explicitly given values. */
    CHOICE,
    /** A {@code List} of distinct column values, for {@code IN (:name)}. */
    CATEGORICAL_LIST;

    /** @return the name used in configuration, e.g. {@code categorical_list} */
    public String externalName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param name an external name, e.g. {@code date}
     * @return the type
     * @throws SalvoException listing the known names
     */
    public static ParamType parse(String name) {
        for (ParamType t : values()) {
            if (t.externalName().equals(name)) {
                return t;
            }
        }
        throw new SalvoException("parameter type: must be one of date, categorical, numeric, choice, categorical_list, "
                + "but was '" + name + "'");
    }
}

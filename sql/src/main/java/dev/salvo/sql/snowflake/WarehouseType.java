package dev.salvo.sql.snowflake;

import dev.salvo.sql.SalvoException;
import java.util.Locale;

/**
 * Warehouse types whose credit rates Salvo knows. Rates of other types (Gen2 standard warehouses, interactive
 * warehouses, Snowpark-optimized warehouses with a RESOURCE_CONSTRAINT other than the default 16x memory) depend on
 * cloud, region or configuration: give them to the cost model as an explicit credits-per-hour rate.
 */
public enum WarehouseType {
    /** Standard Gen1: the sizes' table rates. */
    STANDARD,
    /**
     * Snowpark-optimized (default MEMORY_16X): 1.5 times the standard rate, Medium and larger only; from Snowflake's
     * "Understanding compute cost" (docs.snowflake.com/en/user-guide/what-are-credits, table "Type of Virtual
     * Warehouse": Medium 6 ... 6X-Large 768; X-Small and Small n/a).
     */
    SNOWPARK_OPTIMIZED;

    /**
     * @param size the size
     * @return credits per hour per cluster
     * @throws SalvoException for a size the type does not offer
     */
    public double creditsPerHour(WarehouseSize size) {
        if (this == STANDARD) {
            return size.standardCreditsPerHour();
        }
        if (size.ordinal() < WarehouseSize.MEDIUM.ordinal()) {
            throw new SalvoException(
                    "warehouse: a Snowpark-optimized warehouse must be Medium or larger (in Salvo's rate "
                            + "table), but was " + size + "; give its rate with creditsPerHour");
        }
        return size.standardCreditsPerHour() * 1.5;
    }

    /**
     * @param text {@code STANDARD} or {@code SNOWPARK-OPTIMIZED} as SHOW WAREHOUSES writes it
     * @return the type
     * @throws SalvoException naming the text for another type
     */
    public static WarehouseType parse(String text) {
        String s = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return switch (s) {
            case "STANDARD" -> STANDARD;
            case "SNOWPARK_OPTIMIZED" -> SNOWPARK_OPTIMIZED;
            default ->
                throw new SalvoException("warehouse type: must be STANDARD or SNOWPARK-OPTIMIZED (Salvo's rate table), "
                        + "but was '" + text + "'; give the rate with creditsPerHour");
        };
    }
}

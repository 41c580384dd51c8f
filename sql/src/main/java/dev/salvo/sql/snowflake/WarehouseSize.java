package dev.salvo.sql.snowflake;

import dev.salvo.sql.SalvoException;
import java.util.Locale;

/**
 * Snowflake warehouse sizes and the credits per hour a standard (Gen1) warehouse of each size consumes per cluster,
 * from Snowflake's "Overview of warehouses" (docs.snowflake.com/en/user-guide/warehouses-overview, table "Warehouse
 * size"): X-Small 1, Small 2, Medium 4, Large 8, X-Large 16, 2X-Large 32, 3X-Large 64, 4X-Large 128, 5X-Large 256,
 * 6X-Large 512.
 */
public enum WarehouseSize {
    /** X-Small: 1 credit per hour. */
    XSMALL(1),
    /** Small: 2. */
    SMALL(2),
    /** Medium: 4. */
    MEDIUM(4),
    /** Large: 8. */
    LARGE(8),
    /** X-Large: 16. */
    XLARGE(16),
    /** 2X-Large: 32. */
    XXLARGE(32),
    /** 3X-Large: 64. */
    XXXLARGE(64),
    /** 4X-Large: 128. */
    X4LARGE(128),
    /** 5X-Large: 256. */
    X5LARGE(256),
    /** 6X-Large: 512. */
    X6LARGE(512);

    private final int standardCreditsPerHour;

    WarehouseSize(int standardCreditsPerHour) {
        this.standardCreditsPerHour = standardCreditsPerHour;
    }

    /** @return credits per hour of one cluster of a standard (Gen1) warehouse of this size */
    public int standardCreditsPerHour() {
        return standardCreditsPerHour;
    }

    /**
     * Reads a size as SHOW WAREHOUSES, the history views or CREATE WAREHOUSE write it: {@code X-Small}, {@code XSMALL},
     * {@code XS}, {@code 2X-Large}, {@code XXLARGE}, {@code X2LARGE}, {@code 2XL}, ...
     *
     * @param text the size
     * @return the size
     * @throws SalvoException naming the text when it is no size
     */
    public static WarehouseSize parse(String text) {
        String s = text == null
                ? ""
                : text.trim()
                        .toUpperCase(Locale.ROOT)
                        .replace("-", "")
                        .replace("_", "")
                        .replace(" ", "");
        switch (s) {
            case "XSMALL", "XS" -> {
                return XSMALL;
            }
            case "SMALL", "S" -> {
                return SMALL;
            }
            case "MEDIUM", "M" -> {
                return MEDIUM;
            }
            case "LARGE", "L" -> {
                return LARGE;
            }
            case "XLARGE", "XL" -> {
                return XLARGE;
            }
            case "2XLARGE", "XXLARGE", "X2LARGE", "2XL" -> {
                return XXLARGE;
            }
            case "3XLARGE", "XXXLARGE", "X3LARGE", "3XL" -> {
                return XXXLARGE;
            }
            case "4XLARGE", "X4LARGE", "4XL" -> {
                return X4LARGE;
            }
            case "5XLARGE", "X5LARGE", "5XL" -> {
                return X5LARGE;
            }
            case "6XLARGE", "X6LARGE", "6XL" -> {
                return X6LARGE;
            }
            default ->
                throw new SalvoException("warehouse size: must be one of X-Small, Small, Medium, Large, X-Large, "
                        + "2X-Large ... 6X-Large, but was '" + text + "'");
        }
    }
}

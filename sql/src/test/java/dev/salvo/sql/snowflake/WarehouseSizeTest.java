package dev.salvo.sql.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WarehouseSizeTest {
    @Test
    void readsEverySpellingSnowflakeUses() {
        assertThat(WarehouseSize.parse("X-Small")).isEqualTo(WarehouseSize.XSMALL);
        assertThat(WarehouseSize.parse("XSMALL")).isEqualTo(WarehouseSize.XSMALL);
        assertThat(WarehouseSize.parse("2X-Large")).isEqualTo(WarehouseSize.XXLARGE);
        assertThat(WarehouseSize.parse("XXLARGE")).isEqualTo(WarehouseSize.XXLARGE);
        assertThat(WarehouseSize.parse("X4LARGE")).isEqualTo(WarehouseSize.X4LARGE);
        assertThat(WarehouseSize.parse("6X-Large")).isEqualTo(WarehouseSize.X6LARGE);
        assertThat(WarehouseSize.parse(" medium ")).isEqualTo(WarehouseSize.MEDIUM);
    }

    @Test
    void doublesTheRateAtEverySize() {
        int expected = 1;
        for (WarehouseSize s : WarehouseSize.values()) {
            assertThat(s.standardCreditsPerHour()).isEqualTo(expected);
            expected *= 2;
        }
    }

    @Test
    void rejectsUnknownSizes() {
        assertThatThrownBy(() -> WarehouseSize.parse("7X-Large"))
                .hasMessage(
                        "warehouse size: must be one of X-Small, Small, Medium, Large, X-Large, 2X-Large ... 6X-Large, but "
                                + "was '7X-Large'");
    }
}

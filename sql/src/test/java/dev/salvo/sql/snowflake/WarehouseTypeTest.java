package dev.salvo.sql.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WarehouseTypeTest {
    @Test
    void readsShowWarehousesTypes() {
        assertThat(WarehouseType.parse("STANDARD")).isEqualTo(WarehouseType.STANDARD);
        assertThat(WarehouseType.parse("SNOWPARK-OPTIMIZED")).isEqualTo(WarehouseType.SNOWPARK_OPTIMIZED);
    }

    @Test
    void typesWithoutAKnownRateMustBeGivenOne() {
        assertThatThrownBy(() -> WarehouseType.parse("INTERACTIVE"))
                .hasMessage("warehouse type: must be STANDARD or SNOWPARK-OPTIMIZED (Salvo's rate table), but was "
                        + "'INTERACTIVE'; give the rate with creditsPerHour");
    }
}

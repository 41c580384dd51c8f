package dev.salvo.seed.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salvo.sql.SalvoException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableOrderTest {
    @Test
    void putsParentsBeforeChildrenAndKeepsTheGivenOrderOtherwise() {
        assertThat(TableOrder.order(
                        List.of("items", "orders", "customers", "other"),
                        List.of(
                                new TableOrder.Edge("items", "orders", false),
                                new TableOrder.Edge("orders", "customers", false))))
                .containsExactly("customers", "orders", "items", "other");
    }

    @Test
    void breaksACycleAtANullableEdge() {
        assertThat(TableOrder.order(
                        List.of("a", "b"),
                        List.of(new TableOrder.Edge("a", "b", true), new TableOrder.Edge("b", "a", false))))
                .containsExactly("a", "b");
        assertThat(TableOrder.order(List.of("emp"), List.of(new TableOrder.Edge("emp", "emp", true))))
                .containsExactly("emp");
    }

    @Test
    void refusesACycleWithoutANullableEdge() {
        assertThatThrownBy(() -> TableOrder.order(
                        List.of("a", "b", "c"),
                        List.of(
                                new TableOrder.Edge("a", "b", false),
                                new TableOrder.Edge("b", "c", false),
                                new TableOrder.Edge("c", "a", false))))
                .isInstanceOf(SalvoException.class)
                .hasMessage("foreign keys: every cycle of tables must contain a nullable foreign key (nulls > 0), but "
                        + "a -> b -> c -> a has none");
    }
}

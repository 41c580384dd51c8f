package dev.salvo.feeders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salvo.sql.PostgresDialect;
import dev.salvo.sql.QueryKind;
import dev.salvo.sql.SqlTemplates;
import dev.salvo.sql.TableShape;
import dev.salvo.sql.profile.TableProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ImplicitParametersTest {
    private final TableProfile orders = Profiles.orders();
    private final TableShape shape = TableShape.of("orders")
            .withKey("order_id")
            .withRange("order_date")
            .withColumns(List.of("order_id", "category", "amount"))
            .withGroup("category")
            .withMeasure("amount");

    @Test
    void givesEachKindTheParametersOfItsDefaultSql() {
        for (QueryKind kind : QueryKind.values()) {
            if (kind == QueryKind.GENERIC || kind == QueryKind.ANALYTICAL_JOIN) {
                continue;
            }
            List<ParameterSpec> specs = ImplicitParameters.forKind(kind, shape, orders);
            assertThat(specs)
                    .extracting(ParameterSpec::name)
                    .as(kind.name())
                    .containsExactlyInAnyOrderElementsOf(
                            parameters(SqlTemplates.render(kind, shape, new PostgresDialect())));
            ParameterGenerator.builder()
                    .profiles(orders)
                    .parameters(specs)
                    .build()
                    .nextMap();
        }
        assertThat(ImplicitParameters.forKind(QueryKind.GENERIC, shape, orders)).isEmpty();
    }

    @Test
    void choosesStrategiesFromTheProfile() {
        assertThat(ImplicitParameters.forKind(QueryKind.POINT_LOOKUP, shape, orders))
                .extracting(ParameterSpec::strategy)
                .containsExactly(StrategyKind.RANDOM_IN_RANGE); // dense integer key: every key reachable
        assertThat(ImplicitParameters.forKind(QueryKind.POINT_LOOKUP, shape.withKey("category"), orders))
                .extracting(ParameterSpec::strategy)
                .containsExactly(StrategyKind.SAMPLE_FROM_TABLE);
        assertThat(ImplicitParameters.forKind(QueryKind.RANGE_SCAN, shape, orders))
                .extracting(ParameterSpec::toString)
                .containsExactly("from (random_in_range orders.order_date)", "to (offset_from_previous after from)");
        assertThat(ImplicitParameters.forKind(QueryKind.INSERT, shape, orders))
                .extracting(ParameterSpec::strategy)
                .containsExactly(StrategyKind.SEQUENCE, StrategyKind.WEIGHTED_SAMPLE, StrategyKind.RANDOM_IN_RANGE);
        assertThat(ImplicitParameters.columnsToProfile(QueryKind.UPDATE, shape))
                .containsExactly("order_id", "category", "amount");
        assertThat(ImplicitParameters.columnsToProfile(QueryKind.AGGREGATION, shape))
                .containsExactly("order_date");
    }

    @Test
    void rejectsARangeOverText() {
        assertThatThrownBy(() -> ImplicitParameters.forKind(QueryKind.RANGE_SCAN, shape.withRange("category"), orders))
                .hasMessage("RANGE_SCAN on orders: the range column must be a number, date or timestamp for implicit "
                        + "parameters, but category is text; give the parameters");
        assertThatThrownBy(() -> ImplicitParameters.forKind(QueryKind.POINT_LOOKUP, TableShape.of("orders"), orders))
                .hasMessage(
                        "POINT_LOOKUP on orders: the key column must be set for implicit parameters, but it was not");
    }

    private static List<String> parameters(String sql) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(":([A-Za-z_][A-Za-z0-9_]*)").matcher(sql);
        while (m.find()) {
            if (!out.contains(m.group(1))) {
                out.add(m.group(1));
            }
        }
        return out;
    }
}

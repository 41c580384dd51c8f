package dev.salvo.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlPlaceholdersTest {

    @Test
    void findsPlaceholdersOutsideQuotesAndComments() {
        SqlPlaceholders p = SqlPlaceholders.scan(
                "SELECT '?''{a}', \"?\" /* ? {b} */ FROM {table} WHERE x = ? AND y IN ({ l }) -- ?");
        assertThat(p.positional()).isEqualTo(1);
        assertThat(p.named()).containsExactly("table", "l");
    }

    @Test
    void convertsInOrder() {
        SqlPlaceholders p = SqlPlaceholders.scan("SELECT * FROM {table} WHERE a = ? AND b IN ({l}) AND c < ?");
        assertThat(p.convert(List.of("x", "y"), Map.of("l", "list"), "\"t\""))
                .isEqualTo("SELECT * FROM \"t\" WHERE a = :x AND b IN (:list) AND c < :y");
    }

    @Test
    void leavesAnUnclosedBraceAlone() {
        SqlPlaceholders p = SqlPlaceholders.scan("SELECT '{' || ?, { ");
        assertThat(p.positional()).isEqualTo(1);
        assertThat(p.named()).isEmpty();
    }
}

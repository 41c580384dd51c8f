package dev.salvo.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamedSqlTest {

    @Test
    void replacesNamedParametersInOrder() {
        NamedSql sql =
                NamedSql.parse("SELECT * FROM orders WHERE order_date >= :from AND order_date < :to AND x = :from");
        assertThat(sql.jdbcSql()).isEqualTo("SELECT * FROM orders WHERE order_date >= ? AND order_date < ? AND x = ?");
        assertThat(sql.placeholders()).containsExactly("from", "to", "from");
        assertThat(sql.parameterNames()).containsExactly("from", "to");
    }

    @Test
    void leavesCastsLiteralsIdentifiersAndCommentsAlone() {
        String text = "SELECT ':no'::text, \"a:b\", $$ :no $$, $t$ :no $t$, E'it\\'s :no' -- :no\n"
                + "/* :no /* nested :no */ */ FROM t WHERE id = :id::int AND s = 'o''k :no'";
        NamedSql sql = NamedSql.parse(text);
        assertThat(sql.placeholders()).containsExactly("id");
        assertThat(sql.jdbcSql()).isEqualTo(text.replace(":id::int", "?::int"));
    }

    @Test
    void positionalDollarParametersAreNotDollarQuotes() {
        assertThat(NamedSql.parse("SELECT $1, :a").placeholders()).containsExactly("a");
    }

    @Test
    void rejectsBlankSql() {
        assertThatThrownBy(() -> NamedSql.parse("  "))
                .isInstanceOf(SalvoException.class)
                .hasMessage("sql: must be a non-blank statement, but was blank");
    }

    @Test
    void rejectsUnclosedLiteral() {
        assertThatThrownBy(() -> NamedSql.parse("SELECT 'abc FROM t"))
                .isInstanceOf(SalvoException.class)
                .hasMessage(
                        "sql: every string literal must be closed, but the one at offset 7 is not: SELECT 'abc FROM t");
    }

    @Test
    void expandsListParameters() {
        NamedSql sql = NamedSql.parse("SELECT * FROM t WHERE id IN (:ids) AND c = :c");
        assertThat(sql.expand(new int[] {3, 1})).isEqualTo("SELECT * FROM t WHERE id IN (?, ?, ?) AND c = ?");
        assertThat(sql.expand(new int[] {0, 1})).isEqualTo("SELECT * FROM t WHERE id IN (NULL) AND c = ?");
        assertThat(sql.expand(new int[] {1, 1})).isEqualTo(sql.jdbcSql());
    }
}

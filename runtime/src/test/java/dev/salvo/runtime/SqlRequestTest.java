package dev.salvo.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salvo.sql.QueryKind;
import dev.salvo.sql.SalvoException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlRequestTest {

    @Test
    void rejectsUnboundParameters() {
        assertThatThrownBy(() -> SqlRequest.of("q", QueryKind.GENERIC, "SELECT :a, :b", Map.of("a", s -> 1)))
                .isInstanceOf(SalvoException.class)
                .hasMessage(
                        "request 'q': every parameter in the SQL must be bound, but [b] is not; bind it with .param(\"b\", ...)");
    }

    @Test
    void rejectsUnusedParameters() {
        assertThatThrownBy(() -> SqlRequest.of("q", QueryKind.GENERIC, "SELECT :a", Map.of("a", s -> 1, "zz", s -> 2)))
                .hasMessage("request 'q': every bound parameter must appear in the SQL as :name, but [zz] does not");
    }

    @Test
    void rejectsBlankNamesAndSql() {
        assertThatThrownBy(() -> SqlRequest.of(" ", QueryKind.GENERIC, "SELECT 1", Map.of()))
                .hasMessage("request name: must be non-blank, but was ' '");
        assertThatThrownBy(() -> SqlRequest.of("q", QueryKind.GENERIC, "", Map.of()))
                .hasMessage("request 'q': sql: must be a non-blank statement, but was blank");
    }

    @Test
    void aStatementTakesTheParametersItsTransactionShares() {
        SqlRequest update = SqlRequest.of(
                "update",
                QueryKind.UPDATE,
                "UPDATE a SET b = b + :delta WHERE id = :id",
                null,
                Map.of(),
                Map.of(),
                java.util.List.of(),
                java.util.List.of(),
                java.util.Set.of("delta", "id"));
        assertThat(update.shared()).containsExactlyInAnyOrder("delta", "id");
        assertThatThrownBy(() -> SqlRequest.of(
                        "update",
                        QueryKind.UPDATE,
                        "UPDATE a SET b = :b WHERE id = :id",
                        null,
                        Map.of("id", s -> 1),
                        Map.of(),
                        java.util.List.of(),
                        java.util.List.of(),
                        java.util.Set.of("id", "b")))
                .hasMessage(
                        "request 'update': parameter 'id' must be bound once, but is bound by the statement and by its"
                                + " transaction");
    }

    @Test
    void aStrategyIsDrawnFromTheSeededStreamNotBoundAsAFunction() {
        SqlRequest r = SqlRequest.of(
                "by id",
                QueryKind.POINT_LOOKUP,
                "SELECT :id",
                null,
                Map.of(),
                Map.of("id", dev.salvo.feeders.Strategies.randomLong(1, 10)),
                java.util.List.of(),
                java.util.List.of(),
                java.util.Set.of());
        assertThat(r.parameters()).isEmpty();
        assertThat(r.strategies()).containsOnlyKeys("id");
    }

    @Test
    void aTransactionRefusesAParameterNoStatementUses() {
        SqlRequest st = SqlRequest.of(
                "s",
                QueryKind.GENERIC,
                "SELECT :id",
                null,
                Map.of(),
                Map.of(),
                java.util.List.of(),
                java.util.List.of(),
                java.util.Set.of("id", "nope"));
        SharedParameters shared = new SharedParameters(
                Map.of("id", s -> 1, "nope", s -> 2), Map.of(), java.util.List.of(), java.util.List.of());
        assertThatThrownBy(() -> SqlActionBuilder.transaction("tx", QueryKind.GENERIC, java.util.List.of(st), shared))
                .hasMessage(
                        "transaction 'tx': every parameter it binds must appear in one of its statements as :name, but"
                                + " [nope] appears in none");
    }
}

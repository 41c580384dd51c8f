package dev.salvo.runtime;

import dev.salvo.sql.QueryKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salvo.sql.SalvoException;
import io.gatling.javaapi.core.Session;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SqlRequestTest {

  @Test
  void rejectsUnboundParameters() {
    assertThatThrownBy(() -> SqlRequest.of("q", QueryKind.GENERIC, "SELECT :a, :b", Map.of("a", s -> 1)))
        .isInstanceOf(SalvoException.class)
        .hasMessage("request 'q': every parameter in the SQL must be bound, but [b] is not; bind it with .param(\"b\", ...)");
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
}

package dev.salvo.sql.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryTagTest {
    @Test
    void writesCompactJsonWithEscapes() {
        assertThat(QueryTag.json("run-1", 0, null)).isEqualTo("{\"salvo\":\"run-1\",\"worker\":0}");
        assertThat(QueryTag.json("run-1", 3, "say \"hi\"\n\\"))
                .isEqualTo("{\"salvo\":\"run-1\",\"worker\":3,\"request\":\"say \\\"hi\\\"\\n\\\\\"}");
        assertThat(QueryTag.json("r", 0, "bell\u0007"))
                .isEqualTo("{\"salvo\":\"r\",\"worker\":0,\"request\":\"bell\\u0007\"}");
    }

    @Test
    void theJsonReadsBackAsTheSameRequest() {
        assertThat(RequestHistory.requestOf(QueryTag.json("r", 1, "a \"quoted\" name: {x}")))
                .isEqualTo("a \"quoted\" name: {x}");
    }

    @Test
    void literalsEscapeQuotesAndBackslashes() {
        assertThat(QueryTag.literal("it's a \\ path")).isEqualTo("'it\\'s a \\\\ path'");
    }

    @Test
    void refusesTagsLongerThanSnowflakeAllows() {
        String name = "n".repeat(2000);
        assertThatThrownBy(() -> QueryTag.json("run", 0, name))
                .hasMessage(
                        "query tag: must be at most 2000 characters (Snowflake's limit), but was 2039 characters for run "
                                + "'run' and request '" + "n".repeat(57)
                                + "...'; shorten the simulation or request name");
    }
}

package dev.salvo.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnowflakeResultsTest {
    @TempDir
    Path dir;

    @Test
    void aRunWithoutSnowflakeJsonHasNone() {
        assertThat(SnowflakeResults.read(dir)).isEmpty();
    }

    @Test
    void readsTheFileAndIgnoresMembersItDoesNotKnow() throws Exception {
        Files.writeString(
                dir.resolve("snowflake.json"),
                "{\"formatVersion\":1,\"runId\":\"R-1\",\"resultCache\":\"on\","
                        + "\"future\":{\"x\":1},\"requests\":[{\"request\":\"q\",\"clientCount\":5,\"snowflake\":{\"queries\":5,"
                        + "\"elapsedP50Millis\":7,\"totalExecutionMillis\":20}}],\"cost\":{\"creditsPerHour\":1,\"credits\":0.5,"
                        + "\"creditsPer1000Queries\":2.5,\"pricePerCredit\":3}}");
        SnowflakeResults s = SnowflakeResults.read(dir).orElseThrow();
        assertThat(s.runId()).isEqualTo("R-1");
        assertThat(s.requests().get(0).snowflake().elapsedP50Millis()).isEqualTo(7);
        assertThat(s.warehouse()).isEmpty();
        assertThat(s.cost().pricePer1000Queries()).isEqualTo(7.5);
    }

    @Test
    void refusesANewerFormatNamingTheFile() throws Exception {
        Files.writeString(dir.resolve("snowflake.json"), "{\"formatVersion\":2}");
        assertThatThrownBy(() -> SnowflakeResults.read(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(dir.resolve("snowflake.json")
                        + ": formatVersion must be between 1 and 1, but was 2 (written by a" + " newer Salvo?)");
    }

    @Test
    void refusesBrokenJsonNamingTheFile() throws Exception {
        Files.writeString(dir.resolve("snowflake.json"), "{\"formatVersion\":");
        assertThatThrownBy(() -> SnowflakeResults.read(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(dir.resolve("snowflake.json") + ": must be valid Snowflake results JSON, but ");
    }
}

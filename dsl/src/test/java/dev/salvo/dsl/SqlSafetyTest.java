package dev.salvo.dsl;

import static dev.salvo.dsl.it.HostileNamesSimulation.KEY;
import static dev.salvo.dsl.it.HostileNamesSimulation.TABLE;
import static dev.salvo.dsl.it.HostileNamesSimulation.VALUE;
import static dev.salvo.dsl.it.HostileNamesSimulation.VALUES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.dsl.it.HostileNamesSimulation;
import dev.salvo.sql.DemoSchema;
import dev.salvo.sql.EmbeddedDatabase;
import dev.salvo.sql.NamedSql;
import dev.salvo.sql.PostgresDialect;
import dev.salvo.sql.QueryKind;
import dev.salvo.sql.SalvoException;
import dev.salvo.sql.SqlTemplates;
import dev.salvo.sql.TableShape;
import dev.salvo.sql.profile.ProfileOptions;
import dev.salvo.sql.profile.ProfileSnapshots;
import dev.salvo.sql.profile.TableProfile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SQL safety (issue 8, item 6): identifiers are quoted by the dialect and values are bound, so hostile table and column
 * names and injection-like values are data, in a real forked Gatling run against the embedded PostgreSQL.
 */
class SqlSafetyTest {
    private static final PostgresDialect PG = new PostgresDialect();

    @Test
    void hostileIdentifiersAreQuotedNotInterpreted() {
        String sql =
                SqlTemplates.render(QueryKind.POINT_LOOKUP, TableShape.of(TABLE).withKey(KEY), PG);
        assertThat(sql)
                .isEqualTo("SELECT * FROM \"we\"\"ird; DROP TABLE orders; -- /* naïve ✓ $$\" WHERE \"id\"\"); --\""
                        + " = :key");
        // the only parameter is :key: the ':x' inside the quoted column name is part of the name
        NamedSql parsed = NamedSql.parse("SELECT " + PG.quoteIdentifier(VALUE) + " FROM t WHERE a = :v");
        assertThat(parsed.parameterNames()).containsExactly("v");
        assertThatThrownBy(() -> PG.quoteIdentifier("nul\0byte"))
                .isInstanceOf(SalvoException.class)
                .hasMessageStartingWith("identifier: must not contain a NUL character");
    }

    @Test
    void hostileNamesAndValuesAreDataInARealRun() throws Exception {
        String t = PG.quoteIdentifier(TABLE);
        String k = PG.quoteIdentifier(KEY);
        String v = PG.quoteIdentifier(VALUE);
        try (EmbeddedDatabase db = EmbeddedDatabase.start(Path.of("target", "sql-safety-pg"));
                Connection c = DriverManager.getConnection(db.jdbcUrl())) {
            DemoSchema.load(c);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE " + t + " (" + k + " bigint PRIMARY KEY, " + v + " text)");
            }
            ForkedGatling.Run run = GatlingRunTest.gatling(
                    HostileNamesSimulation.class,
                    "-Dsalvo.url=jdbc:postgresql://localhost:" + db.port() + "/postgres",
                    "-Dsalvo.user=postgres");
            assertThat(run.exitCode()).as(run.output()).isZero();

            JsonNode results = new ObjectMapper()
                    .readTree(run.salvoRun().resolve("results.json").toFile());
            for (String name : List.of("add hostile row", "hostile by key", "hostile by value")) {
                JsonNode r = request(results, name);
                assertThat(r.get("ok").asLong()).as(name + ": " + r).isEqualTo(VALUES.size());
                assertThat(r.get("ko").asLong()).as(name).isZero();
                // each insert wrote one row; each lookup found exactly its own row, by key and by the hostile value
                assertThat(r.get("rows").asLong()).as(name).isEqualTo(VALUES.size());
            }

            // the values were stored verbatim, and nothing was dropped
            List<String> stored = new ArrayList<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT " + v + " FROM " + t + " ORDER BY " + k)) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
            assertThat(stored).containsExactlyElementsOf(VALUES);
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM orders")) {
                rs.next();
                assertThat(rs.getLong(1)).as("orders intact").isEqualTo(DemoSchema.ORDERS);
            }

            // profiling the hostile table works, and its sampled values are the hostile values
            TableProfile profile = PG.profiler().profile(c, TABLE, List.of(KEY, VALUE), ProfileOptions.DEFAULTS);
            assertThat(profile.totalRows()).isEqualTo(VALUES.size());
            assertThat(profile.column(VALUE).sample()).containsExactlyInAnyOrderElementsOf(VALUES);
            assertThat(profile.column(KEY).min()).isEqualTo(1L);
            assertThat(profile.column(KEY).max()).isEqualTo((long) VALUES.size());
            // its snapshot text round-trips the hostile names and values
            assertThat(ProfileSnapshots.render(profile)).contains("naïve");
            // ... but such a name cannot become a snapshot file name: refused with one line naming it
            assertThatThrownBy(() -> ProfileSnapshots.file(Path.of("target"), TABLE))
                    .isInstanceOf(SalvoException.class)
                    .hasMessageContaining("must be usable as a file name");
        }
    }

    private static JsonNode request(JsonNode results, String name) {
        for (JsonNode r : results.get("requests")) {
            if (r.get("name").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no request '" + name + "' in " + results);
    }
}

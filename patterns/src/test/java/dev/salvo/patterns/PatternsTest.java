package dev.salvo.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatternsTest {

    @Test
    void everyPatternLoadsWithDdlSeedWorkloadAndAMixOf100() {
        assertThat(Patterns.names())
                .containsExactly(
                        "oltp",
                        "ecommerce",
                        "olap",
                        "reporting",
                        "time-series",
                        "social",
                        "iot",
                        "read-heavy",
                        "write-heavy",
                        "balanced",
                        "tpcb-like",
                        "ycsb-a",
                        "ycsb-b",
                        "ycsb-c",
                        "ycsb-d",
                        "ycsb-e",
                        "ycsb-f",
                        "sysbench-point-select",
                        "sysbench-read-only",
                        "sysbench-read-write");
        for (Pattern p : Patterns.list()) {
            assertThat(p.id()).isEqualTo(p.name() + "@" + p.version());
            assertThat(p.ddl("postgres")).as(p.name()).isPresent();
            assertThat(p.files())
                    .as(p.name())
                    .containsAnyOf(
                            java.util.Map.entry("seed.yaml", p.files().getOrDefault("seed.yaml", "")),
                            java.util.Map.entry("seed.sql", p.files().getOrDefault("seed.sql", "")));
            assertThat(p.mix().values().stream()
                            .mapToDouble(Double::doubleValue)
                            .sum())
                    .isEqualTo(100.0);
            assertThat(p.tables()).isNotEmpty();
            if (p.isTemplate()) {
                // the template parses and its request labels are the declared mix's names
                PatternWorkload w = new PatternWorkload(p, 2, new PatternWorkload.Load(1, null, 1), false);
                assertThat(w.template().queries())
                        .extracting(q -> q.name())
                        .containsExactlyElementsOf(p.mix().keySet());
            } else {
                assertThat(p.why()).isNotBlank();
            }
        }
    }

    @Test
    void everyPatternHasDdlForEveryDialectAndItsSnowflakeDdlPassesTheOfflineChecks() {
        assertThat(Patterns.DDL_DIALECTS).containsExactly("postgres", "snowflake");
        for (Pattern p : Patterns.list()) {
            for (String dialect : Patterns.DDL_DIALECTS) {
                assertThat(p.ddl(dialect)).as(p.name() + " " + dialect).isPresent();
            }
            String snowflake = p.ddl("snowflake").orElseThrow();
            assertThat(SnowflakeDdl.problems(p.name() + "/snowflake.sql", snowflake))
                    .as(p.name())
                    .isEmpty();
            assertThat(SnowflakeDdl.tables(snowflake))
                    .as(p.name() + ": the same tables and columns as postgres.sql")
                    .isNotEmpty()
                    .containsExactlyEntriesOf(
                            SnowflakeDdl.tables(p.ddl("postgres").orElseThrow()));
        }
    }

    @Test
    void tpcbLikeHasPgbenchsRowsPerScaleUnit() {
        Pattern p = Patterns.load("tpcb-like");
        assertThat(p.id()).isEqualTo("tpcb-like@1");
        assertThat(p.rows(10))
                .containsEntry("pgbench_branches", 10L)
                .containsEntry("pgbench_tellers", 100L)
                .containsEntry("pgbench_accounts", 1_000_000L)
                .containsEntry("pgbench_history", 0L);
    }

    @Test
    void theVariantsOfAStandardBenchmarkShareOneTableDefinitionAndLoadAndExportThemWhole(@TempDir Path dir) {
        for (String family : List.of("ycsb", "sysbench")) {
            List<Pattern> variants = Patterns.list().stream()
                    .filter(p -> p.name().startsWith(family + "-"))
                    .toList();
            assertThat(variants).hasSizeGreaterThanOrEqualTo(3);
            for (Pattern p : variants) {
                for (String f : List.of("postgres.sql", "snowflake.sql", "seed.yaml")) {
                    assertThat(p.file(f))
                            .as(p.name() + " " + f)
                            .isEqualTo(Patterns.resource("salvo/patterns/families/" + family + "/" + f)
                                    .orElseThrow());
                }
            }
        }
        List<Path> written = PatternExport.export(Patterns.load("ycsb-e"), dir, 1);
        assertThat(written)
                .extracting(f -> f.getFileName().toString())
                .contains("pattern.yaml", "postgres.sql", "snowflake.sql", "seed.yaml", "after-seed.sql");
        assertThat(dir.resolve("ycsb-e/postgres.sql")).content().contains("CREATE TABLE usertable");
    }

    @Test
    void anUnknownNameListsTheCatalogue() {
        assertThatThrownBy(() -> Patterns.load("tpcc"))
                .isInstanceOf(PatternException.class)
                .hasMessage("pattern: name must be one of " + String.join(", ", Patterns.names()) + ", but was 'tpcc'");
    }
}

package dev.salvo.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus ({@code src/test/resources/bad/}, one file per rule): each template is rejected before any load
 * with exactly these lines, naming the file, line and column, the culprit and the rule ({@code F} stands for the file).
 * A file added to the corpus without an expected entry fails.
 */
class BadTemplatesTest {
    static final Path DIR = Path.of("src/test/resources/bad");

    static final Map<String, List<String>> EXPECTED = Map.ofEntries(
            Map.entry(
                    "qps_without_target",
                    List.of("F:9:3: test: target_qps must be set for load_mode QPS, but is missing")),
            Map.entry(
                    "unknown_load_mode",
                    List.of(
                            "F:9:14: test.load_mode: must be one of CONCURRENCY, QPS, FIND_MAX_CONCURRENCY, but was 'OPEN'")),
            Map.entry(
                    "weight_three_decimals",
                    List.of(
                            "F:6:17: custom_queries[0].weight_pct: must be a positive percentage with at most 2 decimals, but was 33.333",
                            "F:9:17: custom_queries[1].weight_pct: must be a positive percentage with at most 2 decimals, but was 66.667")),
            Map.entry(
                    "bad_indentation",
                    List.of(
                            "F:4:10: YAML must be well-formed (spaces for indentation, no tabs), but mapping values are not allowed here")),
            Map.entry(
                    "choice_without_values",
                    List.of(
                            "F:11:52: custom_queries[0].parameters[0].values: must list at least one value for choice, but was an empty list")),
            Map.entry(
                    "dependency_cycle",
                    List.of(
                            "F:11:67: custom_queries[0].parameters[0].depends_on: parameters must not depend on each other in a cycle, but start -> end -> start")),
            Map.entry(
                    "depends_on_later",
                    List.of(
                            "F:11:65: custom_queries[0].parameters[0].depends_on: must name an earlier parameter of this query, but 'start' comes later")),
            Map.entry(
                    "depends_on_unknown",
                    List.of(
                            "F:12:65: custom_queries[0].parameters[1].depends_on: must name an earlier parameter of this query (start), but was 'begin'")),
            Map.entry(
                    "duplicate_parameter",
                    List.of(
                            "F:12:9: custom_queries[0].parameters[1].name: every parameter name must be unique within the query, but 'day' is also parameters[0]'s")),
            Map.entry(
                    "empty_custom_queries",
                    List.of("F:7:3: custom_queries: must list at least one query, but was an empty list")),
            Map.entry(
                    "empty_offset",
                    List.of(
                            "F:12:80: custom_queries[0].parameters[1].offset: must list at least one offset, but was an empty list")),
            Map.entry(
                    "generic_without_sql",
                    List.of("F:7:5: custom_queries[0]: sql must be set for a GENERIC query, but is missing")),
            Map.entry(
                    "list_placeholder_missing",
                    List.of(
                            "F:11:9: custom_queries[0].parameters[0]: placeholder must be set for a list parameter (sample_list, categorical_list), but is missing")),
            Map.entry(
                    "list_placeholder_unused",
                    List.of(
                            "F:12:97: custom_queries[0].parameters[1].placeholder: must appear in the sql as {categories}, but does not")),
            Map.entry(
                    "min_greater_than_max",
                    List.of("F:11:51: custom_queries[0].parameters[0]: min must be <= max, but was min=100, max=10")),
            Map.entry(
                    "nonpositive_count",
                    List.of(
                            "F:11:77: custom_queries[0].parameters[0].count[0]: must be a whole number >= 1, but was '0'")),
            Map.entry(
                    "placeholder_count",
                    List.of(
                            "F:9:10: custom_queries[0].sql: the number of ? must equal the number of parameters without a placeholder (1), but was 2")),
            Map.entry(
                    "pool_missing",
                    List.of(
                            "F:11:9: custom_queries[0].parameters[0]: pool must be set for sample_from_pool, but is missing")),
            Map.entry(
                    "tabs",
                    List.of(
                            "F:3:1: YAML must be well-formed (spaces for indentation, no tabs), but while scanning for the next token: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)")),
            Map.entry(
                    "unknown_brace_placeholder",
                    List.of(
                            "F:9:10: custom_queries[0].sql: every {...} placeholder must be {table} or a list parameter's placeholder, but was {tabel}")),
            Map.entry(
                    "unknown_column",
                    List.of(
                            "F:11:58: custom_queries[0].parameters[0].column: must be a column of table orders or of profile_columns (order_id, order_date, category), but was 'order_day'")),
            Map.entry(
                    "unknown_key",
                    List.of(
                            "F:11:50: custom_queries[0].parameters[0]: every key must be one of name, type, strategy, column, values, depends_on, offset, count, placeholder, min, max, pool, but was 'colum' (did you mean 'column'?)")),
            Map.entry(
                    "unknown_query_kind",
                    List.of(
                            "F:7:17: custom_queries[0].query_kind: must be one of POINT_LOOKUP, RANGE_SCAN, INSERT, UPDATE, AGGREGATION, WINDOWED, ANALYTICAL_JOIN, WIDE_SCAN, APPROX_DISTINCT, GENERIC, GENERIC_SQL, but was 'POINT_LOOKUPS' (did you mean 'POINT_LOOKUP'?)")),
            Map.entry(
                    "unknown_strategy",
                    List.of(
                            "F:11:33: custom_queries[0].parameters[0].strategy: must be one of choice, random_in_range, sample_from_table, weighted_sample, offset_from_previous, sample_list, random_numeric, sample_from_pool, sequence, but was 'random_range'")),
            Map.entry(
                    "unknown_top_level_key",
                    List.of(
                            "F:5:1: template: every key must be one of name, description, version, category, table, profile_columns, custom_queries, test, salvo, but was 'custom_query'",
                            "F:4:3: table: every key must be one of name, database, schema, columns, table_type, clustering_keys, primary_key, indexes, initial_row_count, but was 'colums' (did you mean 'columns'?)",
                            "F:1:1: template: custom_queries must be set, but is missing")),
            Map.entry(
                    "unknown_type",
                    List.of(
                            "F:11:29: custom_queries[0].parameters[0].type: must be one of date, categorical, numeric, choice, categorical_list, but was 'datetime'")),
            Map.entry(
                    "weights_not_100",
                    List.of("F:7:3: custom_queries: weight_pct must sum to 100.00, but summed to 90.50")));

    static Stream<Arguments> corpus() throws Exception {
        try (Stream<Path> files = Files.list(DIR)) {
            return files
                    .map(f -> f.getFileName().toString().replace(".yaml", ""))
                    .sorted()
                    .map(Arguments::of)
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void rejectsTheTemplateWithExactMessages(String name) {
        Path file = DIR.resolve(name + ".yaml");
        assertThatThrownBy(() -> TemplateParser.parse(file)).isInstanceOfSatisfying(TemplateException.class, e -> {
            assertThat(EXPECTED)
                    .as("the expected lines of %s; it reported %s", name, e.problems())
                    .containsKey(name);
            List<String> expected = EXPECTED.get(name).stream()
                    .map(m -> m.replaceFirst("^F:", file + ":"))
                    .toList();
            assertThat(e.problems()).as(name).isEqualTo(expected);
        });
    }
}

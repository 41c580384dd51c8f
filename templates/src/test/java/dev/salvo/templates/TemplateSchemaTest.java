package dev.salvo.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON Schema in {@code docs/templates.schema.json} (for editors) accepts every sample and golden template. */
class TemplateSchemaTest {
    static final Path SCHEMA = Path.of("../docs/templates.schema.json");

    static Schema schema() throws Exception {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(SCHEMA), InputFormat.JSON);
    }

    static Stream<Path> templates() throws Exception {
        try (Stream<Path> samples = Files.list(Path.of("../simulations/src/test/resources/templates"));
                Stream<Path> golden = Files.list(Path.of("src/test/resources/golden"))) {
            return Stream.concat(samples.toList().stream(), golden.toList().stream())
                    .filter(p -> p.toString().endsWith(".yaml"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("templates")
    void acceptsTheTemplate(Path template) throws Exception {
        TemplateParser.parse(template); // the template is valid for Salvo too
        List<Error> errors = schema().validate(Files.readString(template), InputFormat.YAML);
        assertThat(errors).as(template.toString()).isEmpty();
    }

    @Test
    void thereAreSampleTemplatesToCheck() throws Exception {
        assertThat(templates().map(p -> p.getFileName().toString()))
                .contains("oltp_orders.yaml", "analytical_orders.yaml");
    }

    @Test
    void rejectsAnUnknownKeyAndAnUnknownStrategy() throws Exception {
        String bad = """
        name: x
        table: {name: orders}
        custom_queries:
          - query_kind: WIDE_SCAN
            weight_pct: 100
            sql: SELECT 1
            parameters:
              - {name: a, strategy: random_range}
        tset: {}
        """;
        List<String> messages = schema().validate(bad, InputFormat.YAML).stream()
                .map(Error::getMessage)
                .toList();
        assertThat(String.join("\n", messages)).contains("tset").contains("enumeration [\"choice\"");
    }
}

package dev.salvo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salvo.templates.Codegen;
import dev.salvo.templates.TemplateParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodegenCommandTest {
    static final Path TEMPLATE = Path.of("../simulations/src/test/resources/templates/oltp_orders.yaml");

    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    @Test
    void writesTheSimulationUnderThePackage() throws Exception {
        assertThat(cli.run("codegen", TEMPLATE.toString(), "--package", "com.acme.load", "--out", dir.toString()))
                .isZero();
        Path file = dir.resolve("com/acme/load/OltpOrdersSimulation.java");
        assertThat(cli.out()).isEqualTo(file + System.lineSeparator());
        assertThat(Files.readString(file)).isEqualTo(Codegen.generate(TemplateParser.parse(TEMPLATE), "com.acme.load"));
    }

    @Test
    void aBadTemplateIsBadInputNamingItsLineAndColumn() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "name: x\ntable: {name: t}\ncustom_queries: []\n");
        assertThat(cli.run("codegen", bad.toString(), "--package", "a.b", "--out", dir.toString()))
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err())
                .isEqualTo("salvo codegen: " + bad + ":3:17: custom_queries: must list at least one query, "
                        + "but was an empty list" + System.lineSeparator());
    }

    @Test
    void thePackageIsRequired() {
        assertThat(cli.run("codegen", TEMPLATE.toString())).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err())
                .startsWith("salvo codegen: the arguments must match 'salvo codegen --help', but missing "
                        + "required option: '--package=PACKAGE'");
    }
}

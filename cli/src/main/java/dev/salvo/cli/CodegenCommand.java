package dev.salvo.cli;

import dev.salvo.templates.Codegen;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code salvo codegen TEMPLATE --package PKG [--out DIR]}: writes the Java simulation of a FlakeBench-format template
 * (see docs/templates.md).
 */
@Command(
        name = "codegen",
        mixinStandardHelpOptions = true,
        description =
                "Generates one Gatling simulation in Java (SqlDsl) from a FlakeBench-format workload template (YAML).")
final class CodegenCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TEMPLATE", description = "the template, e.g. workload.yaml")
    Path template;

    @Option(names = "--package", required = true, paramLabel = "PACKAGE", description = "the generated class's package")
    String packageName;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "src/test/java",
            description = "the source root the package directories go under (default: ${DEFAULT-VALUE})")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path file = Codegen.write(template, packageName, out);
        spec.commandLine().getOut().println(file);
        return ExitCode.PASSED;
    }
}

package dev.salvo.cli;

import dev.salvo.seed.SeedOptions;
import dev.salvo.seed.Seeder;
import dev.salvo.seed.SpecYaml;
import dev.salvo.sql.DatabaseSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code salvo seed SPEC}: fills a PostgreSQL database from a seed spec (docs/seeding.md). */
@Command(
        name = "seed",
        mixinStandardHelpOptions = true,
        description = {
            "Seeds the tables a spec names with synthetic rows (COPY), then checks keys and counts.",
            "The URL, user and password may come from SALVO_URL / SALVO_USER / SALVO_PASSWORD (the password only there)."
        })
final class SeedCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SPEC", description = "the seed spec (YAML)")
    Path specFile;

    @Option(names = "--url", paramLabel = "JDBC_URL", description = "the database (default: salvo.url / SALVO_URL)")
    String url;

    @Option(names = "--user", paramLabel = "NAME", description = "the user (default: salvo.user / SALVO_USER)")
    String user;

    @Option(names = "--scale", paramLabel = "N", description = "multiplies every row count (default 1)")
    double scale = 1;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "loading connections per table (default 2; 1 loads new tables with COPY FREEZE)")
    int threads = SeedOptions.DEFAULTS.threads();

    @Option(names = "--batch", paramLabel = "ROWS", description = "rows a thread takes at a time (default 10000)")
    int batch = SeedOptions.DEFAULTS.batchRows();

    @Option(names = "--truncate", description = "empty named tables that already hold rows (otherwise an error)")
    boolean truncate;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SeedOptions options = SeedOptions.DEFAULTS
                .out(spec.commandLine().getOut())
                .threads(threads)
                .batchRows(batch)
                .scale(scale);
        if (truncate) {
            options = options.truncateFirst();
        }
        DatabaseSettings env = DatabaseSettings.fromEnvironment();
        DatabaseSettings settings = DatabaseSettings.of(
                url != null ? url : env.url().orElse(null),
                user != null ? user : env.user().orElse(null),
                env.password().orElse(null));
        Seeder.seed(SpecYaml.load(specFile), Seeder.connections(settings), options);
        return ExitCode.PASSED;
    }
}

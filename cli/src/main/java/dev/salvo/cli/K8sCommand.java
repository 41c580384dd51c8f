package dev.salvo.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code salvo k8s render}: the Kubernetes manifests of a distributed run (docs/distributed.md): a ConfigMap, an Indexed
 * Job of N workers and the merge Job, filled in from the template {@code dev/salvo/cli/k8s/salvo-job.yaml}.
 */
@Command(
        name = "k8s",
        mixinStandardHelpOptions = true,
        description = "Kubernetes manifests for distributed runs.",
        subcommands = K8sCommand.Render.class)
final class K8sCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.BAD_INPUT;
    }

    /** {@code salvo k8s render}. */
    @Command(
            name = "render",
            mixinStandardHelpOptions = true,
            description = "Writes the manifests of one distributed run: a ConfigMap, an Indexed Job (completions ="
                    + " parallelism = N) and the merge Job.")
    static final class Render implements Callable<Integer> {
        private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");
        private static final Pattern RUN_ID = Pattern.compile("[a-z0-9]([-a-z0-9]{0,38}[a-z0-9])?");
        private static final Pattern IMAGE = Pattern.compile("[^\\s\"'$]+");

        @Option(
                names = "--simulation",
                required = true,
                paramLabel = "CLASS",
                description = "the simulation's fully qualified class name (in the image)")
        String simulation;

        @Option(names = "--workers", required = true, paramLabel = "N", description = "how many workers (pods)")
        int workers;

        @Option(names = "--image", required = true, paramLabel = "IMAGE", description = "the image with the simulation")
        String image;

        @Option(
                names = "--start-at",
                required = true,
                paramLabel = "INSTANT",
                description =
                        "when all workers start injecting (ISO-8601, e.g. 2026-12-01T21:00:00Z); leave time to pull"
                                + " the image and start the pods")
        String startAt;

        @Option(
                names = "--run-id",
                required = true,
                paramLabel = "ID",
                description = "the run id (lower-case letters, digits and '-', at most 40; names the Jobs)")
        String runId;

        @Option(
                names = {"-o", "--output"},
                paramLabel = "FILE",
                description = "write here instead of standard output")
        Path output;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            String yaml = render(simulation, workers, image, startAt, runId);
            if (output != null) {
                Files.writeString(output, yaml);
            } else {
                spec.commandLine().getOut().print(yaml);
            }
            return ExitCode.PASSED;
        }

        /**
         * @param simulation the simulation class
         * @param workers how many workers
         * @param image the container image
         * @param startAt the start barrier
         * @param runId the run id
         * @return the manifests
         * @throws IllegalArgumentException naming the option and its rule when one is malformed
         */
        static String render(String simulation, int workers, String image, String startAt, String runId) {
            check("--simulation", simulation, CLASS_NAME.matcher(simulation).matches(), "a Java class name");
            check("--workers", workers, workers >= 1 && workers <= 10_000, "in [1, 10000]");
            check("--image", image, IMAGE.matcher(image).matches(), "an image reference without spaces, quotes or '$'");
            check(
                    "--run-id",
                    runId,
                    RUN_ID.matcher(runId).matches(),
                    "lower-case letters, digits and '-' (at most 40, not starting or ending with '-')");
            String start;
            try {
                start = Instant.parse(startAt).toString();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "--start-at: must be an ISO-8601 instant (2026-12-01T21:00:00Z), but was " + startAt);
            }
            String yaml = template();
            for (Map.Entry<String, String> e : Map.of(
                            "SIMULATION",
                            simulation,
                            "WORKERS",
                            String.valueOf(workers),
                            "IMAGE",
                            image,
                            "START_AT",
                            start,
                            "RUN_ID",
                            runId)
                    .entrySet()) {
                yaml = yaml.replace("${" + e.getKey() + "}", e.getValue());
            }
            return yaml;
        }

        private static void check(String option, Object value, boolean ok, String rule) {
            if (!ok) {
                throw new IllegalArgumentException(option + ": must be " + rule + ", but was " + value);
            }
        }

        private static String template() {
            try (InputStream in = Render.class.getResourceAsStream("/dev/salvo/cli/k8s/salvo-job.yaml")) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

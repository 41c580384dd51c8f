package dev.salvo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class K8sCommandTest {
    private final Cli cli = new Cli();

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(String yaml) {
        List<Map<String, Object>> docs = new ArrayList<>();
        new Yaml().loadAll(yaml).forEach(d -> docs.add((Map<String, Object>) d));
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static Object at(Object node, Object... path) {
        Object n = node;
        for (Object p : path) {
            n = p instanceof Integer i ? ((List<Object>) n).get(i) : ((Map<String, Object>) n).get(p);
        }
        return n;
    }

    @Test
    @SuppressWarnings("unchecked")
    void rendersAnIndexedJobOfNWorkersWithItsConfigSecretResultsAndMergeStep() {
        assertThat(cli.run(
                        "k8s",
                        "render",
                        "--simulation",
                        "com.acme.Checkout",
                        "--workers",
                        "5",
                        "--image",
                        "registry.example.com/acme/load:1.2",
                        "--start-at",
                        "2026-12-01T21:00:00Z",
                        "--run-id",
                        "nightly-7"))
                .isZero();
        List<Map<String, Object>> docs = documents(cli.out());
        assertThat(docs).extracting(d -> d.get("kind")).containsExactly("ConfigMap", "Job", "Job");
        Map<String, Object> config = docs.get(0);
        assertThat(at(config, "data"))
                .isEqualTo(Map.of(
                        "SALVO_WORKER_COUNT",
                        "5",
                        "SALVO_RUN_ID",
                        "nightly-7",
                        "SALVO_START_AT",
                        "2026-12-01T21:00:00Z",
                        "SALVO_START_TOLERANCE_MS",
                        "1000",
                        "SALVO_SIMULATION",
                        "com.acme.Checkout"));
        Map<String, Object> job = docs.get(1);
        assertThat(at(job, "apiVersion")).isEqualTo("batch/v1");
        assertThat(at(job, "metadata", "name")).isEqualTo("salvo-nightly-7");
        assertThat(at(job, "spec", "completionMode")).isEqualTo("Indexed");
        assertThat((Integer) at(job, "spec", "completions")).isEqualTo(5);
        assertThat((Integer) at(job, "spec", "parallelism")).isEqualTo(5);
        @SuppressWarnings("unchecked")
        Map<String, Object> worker = (Map<String, Object>) at(job, "spec", "template", "spec", "containers", 0);
        assertThat(worker.get("image")).isEqualTo("registry.example.com/acme/load:1.2");
        // the image's entry point is the salvo command: the worker runs `salvo run`
        assertThat(worker).doesNotContainKey("command");
        assertThat((List<String>) at(worker, "args"))
                .containsExactly(
                        "run",
                        "com.acme.Checkout",
                        "--classpath",
                        "/app/classes",
                        "--no-reports",
                        "-J-Xmx1G",
                        "-J-Xms256m",
                        "-o",
                        "/results/nightly-7/workers/worker-$(JOB_COMPLETION_INDEX)");
        assertThat(at(worker, "envFrom", 0, "configMapRef", "name")).isEqualTo("salvo-nightly-7");
        assertThat(at(worker, "env", 0, "name")).isEqualTo("SALVO_URL");
        assertThat(at(worker, "env", 0, "valueFrom", "secretKeyRef"))
                .isEqualTo(Map.of("name", "salvo-db", "key", "url"));
        assertThat(at(job, "spec", "template", "spec", "volumes", 0, "persistentVolumeClaim", "claimName"))
                .isEqualTo("salvo-results");
        Map<String, Object> merge = docs.get(2);
        // no shell in the image: `salvo merge --wait-for N` waits for the workers' results itself
        @SuppressWarnings("unchecked")
        Map<String, Object> merger = (Map<String, Object>) at(merge, "spec", "template", "spec", "containers", 0);
        assertThat(merger).doesNotContainKey("command");
        assertThat((List<String>) at(merger, "args"))
                .containsExactly(
                        "merge",
                        "--wait-for",
                        "5",
                        "--timeout",
                        "23h",
                        "-o",
                        "/results/nightly-7/merged",
                        "/results/nightly-7/workers");
        // the timeout passes before Kubernetes' deadline, so the Job ends with salvo's message, not a kill
        assertThat((Integer) at(merge, "spec", "activeDeadlineSeconds")).isEqualTo(86400);
    }

    @Test
    void theShippedExampleIsWhatRenderWrites() throws Exception {
        Path example = Path.of("..", "deploy", "kubernetes", "salvo-job.example.yaml");
        assertThat(Files.readString(example))
                .isEqualTo(K8sCommand.Render.render(
                        "dev.salvo.simulations.Sample01_PointLookups",
                        3,
                        "registry.example.com/salvo/simulations:0.1.0",
                        "2026-12-01T21:00:00Z",
                        "example-run"));
        for (Path f : List.of(
                example,
                Path.of("..", "deploy", "kubernetes", "secret.example.yaml"),
                Path.of("..", "deploy", "kubernetes", "results-pvc.yaml"))) {
            assertThat(documents(Files.readString(f)))
                    .as(f.toString())
                    .allSatisfy(d -> assertThat(d).containsKeys("apiVersion", "kind", "metadata"));
        }
    }

    @Test
    void refusesBadOptionsInOneLine() {
        String[] ok = {
            "k8s",
            "render",
            "--simulation",
            "a.B",
            "--workers",
            "2",
            "--image",
            "img",
            "--start-at",
            "2026-12-01T21:00:00Z",
            "--run-id",
            "r"
        };
        String[][] bad = {
            {"--workers", "0", "--workers: must be in [1, 10000], but was 0"},
            {
                "--run-id",
                "Nightly_7",
                "--run-id: must be lower-case letters, digits and '-' (at most 40, not starting or"
                        + " ending with '-'), but was Nightly_7"
            },
            {"--start-at", "tonight", "--start-at: must be an ISO-8601 instant (2026-12-01T21:00:00Z), but was tonight"
            },
            {"--simulation", "a b", "--simulation: must be a Java class name, but was a b"},
        };
        for (String[] b : bad) {
            String[] args = ok.clone();
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals(b[0])) {
                    args[i + 1] = b[1];
                }
            }
            assertThat(cli.run(args)).as(b[0]).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(cli.err()).isEqualTo("salvo k8s render: " + b[2] + System.lineSeparator());
        }
    }
}

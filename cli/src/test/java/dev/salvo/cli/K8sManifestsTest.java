package dev.salvo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Validates the Kubernetes manifests of {@code salvo k8s render} and {@code deploy/kubernetes/} offline: every document
 * is read into the Kubernetes client's model classes (fabric8 kubernetes-model, generated from Kubernetes' OpenAPI
 * definitions), which fails on a wrong type, and no field may be unknown to the model (a typo such as
 * {@code completionsMode} would otherwise be dropped by the API server or refused by {@code kubectl --validate}); then
 * the rules the API server applies to these objects and the model cannot express are checked: names, restart policy,
 * Indexed completions, containers' names and images, and that mounts, ConfigMaps and claims refer to what exists.
 * Nothing here has been applied to a real cluster (docs/distributed.md).
 */
class K8sManifestsTest {
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "ConfigMap",
            ConfigMap.class,
            "Job",
            Job.class,
            "Secret",
            Secret.class,
            "PersistentVolumeClaim",
            PersistentVolumeClaim.class);
    /** RFC 1123 subdomain (object names) and label (container names; a Job's name becomes a label value, 63 max). */
    private static final Pattern SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern CONFIG_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** @return each YAML document as its model object, checked for unknown fields */
    static List<HasMetadata> read(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(yaml)) {
            if (doc == null) {
                continue;
            }
            Object kind = ((Map<?, ?>) doc).get("kind");
            Class<? extends HasMetadata> type = KINDS.get(String.valueOf(kind));
            assertThat(type).as("a kind this test knows: " + kind).isNotNull();
            HasMetadata object = JSON.convertValue(doc, type);
            List<String> unknown = new ArrayList<>();
            unknownFields(object, kind.toString(), unknown);
            assertThat(unknown).as("fields unknown to Kubernetes' " + kind).isEmpty();
            objects.add(object);
        }
        return objects;
    }

    /** Collects every field the model kept in an {@code additionalProperties} map: one it does not know. */
    private static void unknownFields(Object node, String path, List<String> unknown) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                unknownFields(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, unknown));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method m : node.getClass().getMethods()) {
            if (m.getParameterCount() != 0
                    || Modifier.isStatic(m.getModifiers())
                    || !m.getName().startsWith("get")
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = m.invoke(node);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(path + "." + m.getName(), e);
            }
            if (m.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) value).keySet().forEach(k -> unknown.add(path + "." + k));
            } else {
                String field = Character.toLowerCase(m.getName().charAt(3))
                        + m.getName().substring(4);
                unknownFields(value, path + "." + field, unknown);
            }
        }
    }

    /** The API server's rules for these objects that the model's types do not carry. */
    static void checkRules(List<HasMetadata> objects) {
        Set<String> configMaps = objects.stream()
                .filter(o -> o instanceof ConfigMap)
                .map(o -> o.getMetadata().getName())
                .collect(Collectors.toSet());
        for (HasMetadata o : objects) {
            String name = o.getMetadata().getName();
            String where = o.getKind() + " " + name;
            assertThat(name).as(where + ": metadata.name").matches(SUBDOMAIN).hasSizeLessThanOrEqualTo(253);
            if (o instanceof ConfigMap c) {
                assertThat(c.getData().keySet())
                        .as(where + ": data keys")
                        .allMatch(k -> CONFIG_KEY.matcher(k).matches());
            }
            if (o instanceof Job job) {
                assertThat(name).as(where + ": a Job's name is a label value").hasSizeLessThanOrEqualTo(63);
                assertThat(job.getSpec().getTemplate())
                        .as(where + ": spec.template")
                        .isNotNull();
                if ("Indexed".equals(job.getSpec().getCompletionMode())) {
                    assertThat(job.getSpec().getCompletions())
                            .as(where + ": an Indexed Job's completions")
                            .isNotNull()
                            .isPositive();
                }
                PodSpec pod = job.getSpec().getTemplate().getSpec();
                assertThat(pod.getRestartPolicy())
                        .as(where + ": a Job's restartPolicy")
                        .isIn("Never", "OnFailure");
                Set<String> volumes =
                        pod.getVolumes().stream().map(Volume::getName).collect(Collectors.toSet());
                assertThat(pod.getContainers()).as(where + ": containers").isNotEmpty();
                for (Container c : pod.getContainers()) {
                    assertThat(c.getName()).as(where + ": container name").matches(LABEL);
                    assertThat(c.getImage())
                            .as(where + ": container " + c.getName() + " image")
                            .isNotBlank();
                    c.getVolumeMounts()
                            .forEach(m -> assertThat(volumes)
                                    .as(where + ": mount " + m.getName())
                                    .contains(m.getName()));
                    c.getEnvFrom().stream()
                            .filter(e -> e.getConfigMapRef() != null)
                            .forEach(e -> assertThat(configMaps)
                                    .as(where + ": envFrom ConfigMap")
                                    .contains(e.getConfigMapRef().getName()));
                    c.getEnv()
                            .forEach(e -> assertThat(e.getName())
                                    .as(where + ": env name")
                                    .matches("[-._a-zA-Z][-._a-zA-Z0-9]*"));
                }
            }
        }
    }

    @Test
    void renderedManifestsAreValidKubernetesObjects() {
        String yaml = K8sCommand.Render.render(
                "com.acme.Checkout", 5, "registry.example.com/acme/load:1.2", "2026-12-01T21:00:00Z", "nightly-7");
        List<HasMetadata> objects = read(yaml);
        assertThat(objects).extracting(HasMetadata::getKind).containsExactly("ConfigMap", "Job", "Job");
        checkRules(objects);
        Job workers = (Job) objects.get(1);
        assertThat(workers.getSpec().getCompletionMode()).isEqualTo("Indexed");
        assertThat(workers.getSpec().getCompletions()).isEqualTo(5);
        assertThat(workers.getSpec().getParallelism()).isEqualTo(5);
    }

    @Test
    void theLongestRunIdStillGivesValidNames() {
        String runId = "a" + "-b".repeat(19); // 39 characters, the longest --run-id accepts minus one
        checkRules(read(K8sCommand.Render.render("Sim", 1, "img", "2026-12-01T21:00:00Z", runId + "c")));
    }

    @Test
    void theDeployExamplesAreValidKubernetesObjects() throws Exception {
        Path deploy = Path.of("..", "deploy", "kubernetes");
        List<HasMetadata> all = new ArrayList<>();
        try (var files = Files.list(deploy)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                all.addAll(read(Files.readString(file)));
            }
        }
        assertThat(all)
                .extracting(HasMetadata::getKind)
                .contains("Secret", "PersistentVolumeClaim", "ConfigMap", "Job");
        checkRules(all);
    }

    @Test
    void aMisspelledOrMistypedFieldIsCaught() {
        String good = K8sCommand.Render.render("Sim", 2, "img", "2026-12-01T21:00:00Z", "r1");
        assertThatThrownBy(() -> read(good.replace("completionMode: Indexed", "completionsMode: Indexed")))
                .hasMessageContaining("Job.spec.completionsMode");
        assertThatThrownBy(() -> read(good.replace("backoffLimit: 0", "backoffLimit: none")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backoffLimit");
        assertThatThrownBy(() -> checkRules(read(good.replace("restartPolicy: Never", "restartPolicy: Always"))))
                .hasMessageContaining("a Job's restartPolicy");
    }
}

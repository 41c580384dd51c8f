package dev.salvo.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.dsl.ForkedGatling;
import dev.salvo.dsl.ForkedGatling.Run;
import dev.salvo.dsl.SqlRequestBuilder;
import dev.salvo.feeders.ParameterGenerator;
import dev.salvo.feeders.ParameterSpec;
import dev.salvo.runtime.SqlActionBuilder;
import dev.salvo.runtime.SqlRequest;
import dev.salvo.simulations.templates.AnalyticalOrdersSimulation;
import dev.salvo.simulations.templates.OltpOrdersSimulation;
import dev.salvo.sql.PostgresDialect;
import dev.salvo.sql.profile.ProfileSnapshots;
import dev.salvo.sql.profile.TableProfile;
import dev.salvo.templates.Codegen;
import dev.salvo.templates.Template;
import dev.salvo.templates.TemplateParser;
import dev.salvo.templates.TemplateSimulation;
import dev.salvo.templates.TemplateWorkload;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sample templates under {@code src/test/resources/templates}: their generated Java (committed under
 * {@code dev.salvo.simulations.templates}) is current, produces the same requests, kinds, weights and seeded parameter
 * values as the direct run, and both run end to end in real Gatling runs against the embedded PostgreSQL.
 *
 * <p>Regenerate the committed sources after changing a template or the generator:
 * {@code mvn -pl simulations -am test -Dtest=TemplateSamplesTest -Dsalvo.regenerate=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class TemplateSamplesTest {
    static final String PACKAGE = "dev.salvo.simulations.templates";
    static final Path TEMPLATES = Path.of("src/test/resources/templates");
    static final Path SOURCES = Path.of("src/test/java");
    static final int DRAWS = 1_000;

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("oltp_orders.yaml", OltpOrdersSimulation.class),
                Arguments.of("analytical_orders.yaml", AnalyticalOrdersSimulation.class));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void committedGeneratedSourceIsCurrent(String template, Class<?> generated) throws Exception {
        Template t = TemplateParser.parse(TEMPLATES.resolve(template));
        assertThat(Codegen.className(t)).isEqualTo(generated.getSimpleName());
        Path committed = SOURCES.resolve(PACKAGE.replace('.', '/')).resolve(generated.getSimpleName() + ".java");
        if (Boolean.getBoolean("salvo.regenerate")) {
            Codegen.write(TEMPLATES.resolve(template), PACKAGE, SOURCES);
        }
        assertThat(Files.readString(committed))
                .as("%s is stale: regenerate it (see this test's javadoc)", committed)
                .isEqualTo(Codegen.generate(t, PACKAGE));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void generatedClassDrawsTheSameRequestsWeightsAndValuesAsTheDirectRun(String template, Class<?> generated)
            throws Exception {
        Template t = TemplateParser.parse(TEMPLATES.resolve(template));
        Map<String, SqlRequestBuilder> direct = TemplateWorkload.of(t).requests();
        Map<String, SqlRequestBuilder> fields = requestFields(generated);
        Map<String, SqlRequestBuilder> byName = new LinkedHashMap<>();
        fields.values().forEach(r -> byName.put(action(r).name(), r));
        assertThat(byName.keySet()).containsExactlyElementsOf(direct.keySet());

        // weights: the generated mix adds each request field with the template's percentage
        Map<String, String> weights = generatedWeights(generated);
        for (Template.Query q : t.queries()) {
            String field = fields.entrySet().stream()
                    .filter(e -> action(e.getValue()).name().equals(q.name()))
                    .findFirst()
                    .orElseThrow()
                    .getKey();
            assertThat(weights.get(field))
                    .as(q.name())
                    .isEqualTo(q.weightPercent().toPlainString());
        }
        assertThat(weights).hasSameSizeAs(t.queries());

        Path profiles = Path.of(System.getProperty("salvo.profiles"));
        long seed = t.load().seed() == null
                ? ParameterGenerator.DEFAULT_SEED
                : t.load().seed();
        for (String name : direct.keySet()) {
            SqlActionBuilder a = action(direct.get(name));
            SqlActionBuilder b = action(byName.get(name));
            assertThat(b.kind()).as(name).isEqualTo(a.kind());
            assertThat(b.slo()).as(name).isEqualTo(a.slo());
            SqlRequest ra = a.statements().get(0);
            SqlRequest rb = b.statements().get(0);
            assertThat(rb.sql(new PostgresDialect()).source())
                    .as(name)
                    .isEqualTo(ra.sql(new PostgresDialect()).source());
            assertThat(rb.specs()).as(name).hasSameSizeAs(ra.specs());
            if (ra.specs().isEmpty()) {
                continue;
            }
            // as the runtime seeds each request's generator: the run seed xor the request name's hash
            ParameterGenerator ga = generator(ra, profiles, seed ^ name.hashCode());
            ParameterGenerator gb = generator(rb, profiles, seed ^ name.hashCode());
            Object[] va = new Object[ga.names().size()];
            Object[] vb = new Object[gb.names().size()];
            assertThat(gb.names()).isEqualTo(ga.names());
            Set<String> distinct = new LinkedHashSet<>();
            for (int i = 0; i < DRAWS; i++) {
                ga.next(va);
                gb.next(vb);
                assertThat(Arrays.asList(vb)).as("%s draw %d", name, i).isEqualTo(Arrays.asList(va));
                distinct.add(Arrays.asList(va).toString());
            }
            assertThat(distinct).as("%s draws vary", name).hasSizeGreaterThan(1);
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void templateRunsDirectlyEndToEnd(String template, Class<?> generated) throws Exception {
        assertRunPasses(
                ForkedGatling.run(
                        TemplateSimulation.class,
                        runArgs("-Dsalvo.template="
                                + TEMPLATES.resolve(template).toAbsolutePath())),
                template);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void generatedSimulationRunsEndToEnd(String template, Class<?> generated) throws Exception {
        assertRunPasses(ForkedGatling.run(generated, runArgs()), template);
    }

    private static String[] runArgs(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "-Dsalvo.duration=3", "-Dsalvo.warmup=1", "-Dsalvo.profiles=" + System.getProperty("salvo.profiles")));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static void assertRunPasses(Run run, String template) throws Exception {
        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode results = new ObjectMapper()
                .readTree(run.salvoRun().resolve("results.json").toFile());
        Template t = TemplateParser.parse(TEMPLATES.resolve(template));
        List<String> names = t.queries().stream().map(Template.Query::name).toList();
        List<String> seen = new java.util.ArrayList<>();
        for (JsonNode request : results.get("requests")) {
            seen.add(request.get("name").asText());
            assertThat(request.get("count").asLong())
                    .as(request.get("name").asText())
                    .isPositive();
            assertThat(request.get("ko").asLong())
                    .as(request.get("name").asText() + " " + request.get("errors"))
                    .isZero();
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(names);
        assertThat(run.output()).as("snapshots are committed, not re-made").doesNotContain("[salvo] profiled ");
        assertThat(run.salvoRun().resolve("index.html")).exists();
    }

    private static SqlActionBuilder action(SqlRequestBuilder r) {
        return (SqlActionBuilder) r.asScala();
    }

    private static Map<String, SqlRequestBuilder> requestFields(Class<?> generated) throws Exception {
        Map<String, SqlRequestBuilder> out = new LinkedHashMap<>();
        for (Field f : generated.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == SqlRequestBuilder.class) {
                f.setAccessible(true);
                out.put(f.getName(), (SqlRequestBuilder) f.get(null));
            }
        }
        return out;
    }

    /** The {@code .add(weight, FIELD)} calls of the generated mix, read from the committed source. */
    private static Map<String, String> generatedWeights(Class<?> generated) throws Exception {
        String source = Files.readString(SOURCES.resolve(generated.getName().replace('.', '/') + ".java"));
        Matcher m = Pattern.compile("\\.add\\(([0-9.]+), ([A-Z0-9_]+)\\)").matcher(source);
        Map<String, String> out = new LinkedHashMap<>();
        while (m.find()) {
            out.put(m.group(2), m.group(1));
        }
        return out;
    }

    private static ParameterGenerator generator(SqlRequest r, Path profiles, long seed) {
        Map<String, TableProfile> tables = new LinkedHashMap<>();
        for (ParameterSpec s : r.specs()) {
            if (s.column() != null) {
                String table = s.column().substring(0, s.column().lastIndexOf('.'));
                tables.computeIfAbsent(
                        table,
                        n -> ProfileSnapshots.load(ProfileSnapshots.file(profiles, n))
                                .profile());
            }
        }
        return ParameterGenerator.builder()
                .profiles(tables.values().toArray(TableProfile[]::new))
                .seed(seed)
                .parameters(r.specs())
                .build();
    }
}

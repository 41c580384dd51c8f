package dev.salvo.templates;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.salvo.dsl.MixBuilder;
import dev.salvo.dsl.SqlRequestBuilder;
import dev.salvo.sql.QueryKind;
import dev.salvo.templates.Template.Load;
import dev.salvo.templates.Template.Query;
import dev.salvo.templates.Template.Targets;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Modifier;

/**
 * Generates one idiomatic Gatling {@code Simulation} from a template, built with JavaPoet: a {@code SqlDsl} request per
 * query (named parameters, {@code params(...)}, {@code slo(...)}), a {@code mix(...)} with the template's percentages,
 * and the load mode's injection. Its header names the template file and its SHA-256; the output depends only on the
 * template, the package and the class name (same input, same bytes). The generated requests, kinds, weights and seeded
 * parameter values are those {@link TemplateWorkload} runs directly.
 */
public final class Codegen {
    private static final ClassName CORE = ClassName.get(CoreDsl.class);
    private static final ClassName SQL = SpecCode.SQL_DSL;

    private Codegen() {}

    /**
     * @param template a parsed template
     * @return the class name derived from the template's name, e.g. {@code oltp_orders} gives {@code OltpOrdersSimulation}
     */
    public static String className(Template template) {
        StringBuilder out = new StringBuilder();
        for (String part : template.name().split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        if (out.length() == 0 || !Character.isJavaIdentifierStart(out.charAt(0))) {
            out.insert(0, "Template");
        }
        return out.append("Simulation").toString();
    }

    /**
     * @param template a parsed template
     * @param packageName the package of the generated class, e.g. {@code com.acme.load}
     * @return the Java source
     */
    public static String generate(Template template, String packageName) {
        return javaFile(template, packageName, className(template)).toString();
    }

    /**
     * Writes {@code <out>/<package dirs>/<ClassName>.java}.
     *
     * @param templateFile the template
     * @param packageName the package
     * @param outDirectory the source root, e.g. {@code src/test/java}
     * @return the written file
     * @throws TemplateException when the template has problems
     */
    public static Path write(Path templateFile, String packageName, Path outDirectory) {
        Template t = TemplateParser.parse(templateFile);
        Path file = outDirectory.resolve(packageName.replace('.', '/')).resolve(className(t) + ".java");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, generate(t, packageName), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": the generated source must be writable, but writing failed", e);
        }
        return file;
    }

    /**
     * @param template a parsed template
     * @param packageName the package
     * @param className the simple class name
     * @return the JavaPoet file
     */
    public static JavaFile javaFile(Template template, String packageName, String className) {
        if (!SourceVersion.isName(packageName)
                || !SourceVersion.isIdentifier(className)
                || SourceVersion.isKeyword(className)) {
            throw new TemplateException(
                    java.util.List.of("codegen: the package and class must be Java names, but were '" + packageName
                            + "' and '" + className + "'"));
        }
        Load load = template.load();
        TypeSpec.Builder type = TypeSpec.classBuilder(className)
                .addModifiers(Modifier.PUBLIC)
                .superclass(Simulation.class)
                .addJavadoc(classJavadoc(template));
        type.addField(FieldSpec.builder(long.class, "DURATION_SECONDS", Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(
                        "Measured seconds: {@code test.duration_seconds}, or {@code -D$L=...}.\n",
                        TemplateWorkload.DURATION_PROPERTY)
                .initializer(
                        "$T.getLong($S, $L)", Long.class, TemplateWorkload.DURATION_PROPERTY, load.durationSeconds())
                .build());
        type.addField(FieldSpec.builder(long.class, "WARMUP_SECONDS", Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(
                        "Unmeasured seconds first: {@code test.warmup_seconds}, or {@code -D$L=...}.\n",
                        TemplateWorkload.WARMUP_PROPERTY)
                .initializer("$T.getLong($S, $L)", Long.class, TemplateWorkload.WARMUP_PROPERTY, load.warmupSeconds())
                .build());
        Map<String, String> fields = new LinkedHashMap<>();
        Set<String> used = new LinkedHashSet<>(Set.of("DURATION_SECONDS", "WARMUP_SECONDS", "WORKLOAD"));
        for (Query q : template.queries()) {
            String field = fieldName(q.name(), used);
            fields.put(q.name(), field);
            type.addField(FieldSpec.builder(SqlRequestBuilder.class, field, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc(
                            "$L, $L% of the mix$L.\n",
                            q.kind(),
                            q.weightPercent().toPlainString(),
                            q.operationType().isEmpty() ? "" : " (" + q.operationType() + ")")
                    .initializer(request(q, load.targets()))
                    .build());
        }
        CodeBlock.Builder mix = CodeBlock.builder()
                .add("$T.mix($S).percentages()", SQL, template.name())
                .indent()
                .indent();
        for (Query q : template.queries()) {
            mix.add("\n.add($L, $L)", q.weightPercent().toPlainString(), fields.get(q.name()));
        }
        type.addField(FieldSpec.builder(MixBuilder.class, "WORKLOAD", Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The weighted mix: each visit runs one request.\n")
                .initializer(mix.unindent().unindent().build())
                .build());
        type.addInitializerBlock(LoadCode.setUp(template));
        return JavaFile.builder(packageName, type.build())
                .addFileComment("Generated by Salvo from $L (SHA-256 $L).\n", fileName(template), template.sha256())
                .addFileComment("Do not edit: change the template and regenerate with\n")
                .addFileComment("  salvo codegen $L --package $L --out <source root>", fileName(template), packageName)
                .addStaticImport(SQL, "*")
                .addStaticImport(CORE, "*")
                .skipJavaLangImports(true)
                .indent("  ")
                .build();
    }

    private static String fileName(Template t) {
        Path name = Path.of(t.file()).getFileName();
        return name == null ? t.file() : name.toString();
    }

    private static CodeBlock classJavadoc(Template t) {
        CodeBlock.Builder b = CodeBlock.builder();
        if (!t.description().isEmpty()) {
            b.add("$L\n\n", t.description().replace("*/", "* /"));
        }
        b.add(t.description().isEmpty() ? "" : "<p>");
        b.add(
                "Template {@code $L}$L$L: $L.\n",
                t.name(),
                t.version().isEmpty() ? "" : " version " + t.version(),
                t.category().isEmpty() ? "" : ", category " + t.category(),
                LoadCode.describe(t.load()));
        return b.build();
    }

    private static CodeBlock request(Query q, Targets targets) {
        CodeBlock.Builder b = CodeBlock.builder();
        if (q.kind() == QueryKind.GENERIC) {
            b.add("$T.sql($S)", SQL, q.name());
        } else {
            b.add("$T." + kindMethod(q.kind()) + "($S)", SQL, q.name());
        }
        b.indent().indent().add("\n.query($S)", q.sql());
        if (!q.parameters().isEmpty()) {
            b.add("\n.params(");
            for (int i = 0; i < q.parameters().size(); i++) {
                b.add(i == 0 ? "$L" : ",\n    $L", SpecCode.of(q.parameters().get(i)));
            }
            b.add(")");
        }
        long[] slo = TemplateWorkload.sloMillis(q.kind(), targets);
        if (slo != null) {
            b.add("\n.slo($L, $L)", slo[0], slo[1]);
        }
        if (targets.maxErrorRatePercent() != null) {
            b.add("\n.maxErrorRate($L)", Double.toString(targets.maxErrorRatePercent() / 100));
        }
        return b.unindent().unindent().build();
    }

    /** @return the SqlDsl shorthand of a kind: {@code POINT_LOOKUP} gives {@code pointLookup} */
    static String kindMethod(QueryKind kind) {
        StringBuilder out = new StringBuilder();
        for (String part : kind.name().toLowerCase(Locale.ROOT).split("_")) {
            out.append(out.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return out.toString();
    }

    private static String fieldName(String requestName, Set<String> used) {
        String base = requestName
                .toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        if (base.isEmpty() || !Character.isJavaIdentifierStart(base.charAt(0))) {
            base = "REQUEST_" + base;
        }
        String name = base;
        for (int i = 2; !used.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }
}

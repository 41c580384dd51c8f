package dev.salvo.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code salvo init DIR}: creates a workload repository (a Maven project depending on Salvo's artifacts, with a
 * sample simulation, a sample template, profiles and baselines directories, a .gitignore and a CI recipe).
 *
 * <p>The files are the resources of Salvo's Maven archetype ({@code salvo-archetype}: {@code archetype-resources/}),
 * filled in the way the archetype's Velocity fills them ({@code ${name}} of its properties; the versions are the
 * defaults of its {@code archetype-metadata.xml}), so {@code salvo init} and {@code mvn archetype:generate} give the
 * same repository (InitIT compares the two trees).
 */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = {
            "Creates a workload repository of your own: simulations, templates, profile snapshots and"
                    + " baselines, versioned in git, with Salvo as a dependency (the same files as the salvo-archetype).",
            "Salvo's artifacts must be in your local Maven repository: once, in a Salvo clone, mvn install -DskipTests."
        })
final class InitCommand implements Callable<Integer> {
    /** Where the archetype keeps the starter files and its descriptor (on the class path through salvo-archetype). */
    static final String RESOURCES = "/archetype-resources/";

    static final String DESCRIPTOR = "/META-INF/maven/archetype-metadata.xml";
    /** The version of the new repository's own pom, as the archetype's default. */
    static final String VERSION = "1.0-SNAPSHOT";
    /**
     * Resource (under {@link #RESOURCES}) to path in the new repository; {@code PACKAGE} is the package's directory, as
     * the archetype's packaged file set places it, and {@code __gitignore__} is renamed as the archetype renames it.
     */
    static final Map<String, String> FILES = files();

    @Parameters(index = "0", paramLabel = "DIR", description = "the new repository; must not exist or be empty")
    Path dir;

    @Option(
            names = "--group-id",
            paramLabel = "ID",
            defaultValue = "com.example",
            description = "the Maven groupId (default: ${DEFAULT-VALUE})")
    String groupId;

    @Option(
            names = "--package",
            paramLabel = "NAME",
            defaultValue = "loadtests",
            description = "the Java package of the sample simulation (default: ${DEFAULT-VALUE})")
    String packageName;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static Map<String, String> files() {
        Map<String, String> f = new LinkedHashMap<>();
        for (String same : List.of(
                "pom.xml",
                "README.md",
                "src/test/resources/gatling.conf",
                "src/test/resources/logback-test.xml",
                "templates/sample.yaml",
                "profiles/README.md",
                "baselines/README.md",
                "ci/load-test.sh",
                ".github/workflows/load-test.yml")) {
            f.put(same, same);
        }
        f.put("__gitignore__", ".gitignore");
        f.put("src/test/java/SampleSimulation.java", "src/test/java/PACKAGE/SampleSimulation.java");
        return Collections.unmodifiableMap(f);
    }

    @Override
    public Integer call() throws IOException {
        String name = dir.toAbsolutePath().normalize().getFileName() == null
                ? ""
                : dir.toAbsolutePath().normalize().getFileName().toString();
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException(
                    dir + ": the directory's name becomes the artifactId and must be letters,"
                            + " digits, '.', '_' or '-', but was '" + name + "'");
        }
        String identifier = "[A-Za-z_][A-Za-z0-9_]*";
        if (!packageName.matches(identifier + "(\\." + identifier + ")*")) {
            throw new IllegalArgumentException("--package: must be a Java package name, but was '" + packageName + "'");
        }
        if (!groupId.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException(
                    "--group-id: must be letters, digits, '.', '_' or '-', but was '" + groupId + "'");
        }
        if (Files.exists(dir) && !(Files.isDirectory(dir) && isEmpty(dir))) {
            throw new IllegalArgumentException(
                    dir + ": a new workload repository must go into a new or empty directory," + " but it holds files");
        }
        Map<String, String> values = values(name);
        Path target = dir.toAbsolutePath().normalize();
        Path parent = Files.createDirectories(target.getParent());
        Path temp = Files.createTempDirectory(parent, "." + name + "-");
        try {
            for (Map.Entry<String, String> file : FILES.entrySet()) {
                Path path = temp.resolve(file.getValue().replace("PACKAGE", packageName.replace('.', '/')));
                Files.createDirectories(path.getParent());
                Files.writeString(path, fill(resource(file.getKey()), values), StandardCharsets.UTF_8);
                if (path.toString().endsWith(".sh")) {
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            if (Files.exists(target)) {
                Files.delete(target);
            }
            Files.move(temp, target);
        } finally {
            deleteRecursively(temp);
        }
        var out = spec.commandLine().getOut();
        out.println("created " + target);
        out.println("next: cd " + dir + " && mvn gatling:test   (Salvo's artifacts must be installed: mvn install"
                + " -DskipTests in a Salvo clone)");
        return ExitCode.PASSED;
    }

    private Map<String, String> values(String artifactId) {
        Map<String, String> defaults = archetypeDefaults();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("groupId", groupId);
        v.put("artifactId", artifactId);
        v.put("version", VERSION);
        v.put("package", packageName);
        v.put("packageInPathFormat", packageName.replace('.', '/'));
        for (String key : List.of("salvoVersion", "gatlingVersion", "gatlingMavenPluginVersion")) {
            v.put(key, Objects.requireNonNull(defaults.get(key), key + " in the archetype's descriptor"));
        }
        Map<String, String> references = new LinkedHashMap<>();
        v.forEach((key, value) -> references.put("${" + key + "}", value));
        return references;
    }

    /** @return the default value of every required property of the archetype's descriptor */
    static Map<String, String> archetypeDefaults() {
        try (InputStream in = InitCommand.class.getResourceAsStream(DESCRIPTOR)) {
            if (in == null) {
                throw new IllegalStateException(DESCRIPTOR + " (salvo-archetype) is missing from salvo's class path");
            }
            var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            org.w3c.dom.NodeList properties =
                    factory.newDocumentBuilder().parse(in).getElementsByTagName("requiredProperty");
            Map<String, String> defaults = new LinkedHashMap<>();
            for (int i = 0; i < properties.getLength(); i++) {
                var property = (org.w3c.dom.Element) properties.item(i);
                org.w3c.dom.NodeList value = property.getElementsByTagName("defaultValue");
                if (value.getLength() > 0) {
                    defaults.put(
                            property.getAttribute("key"),
                            value.item(0).getTextContent().trim());
                }
            }
            return defaults;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IllegalStateException(DESCRIPTOR + ": must be readable XML, but " + e.getMessage(), e);
        }
    }

    static String fill(String text, Map<String, String> values) {
        String s = text;
        for (Map.Entry<String, String> e : values.entrySet()) {
            s = s.replace(e.getKey(), e.getValue());
        }
        return s;
    }

    static String resource(String name) throws IOException {
        try (InputStream in = InitCommand.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException(
                        RESOURCES + name + " (salvo-archetype) is missing from salvo's class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

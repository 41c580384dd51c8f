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
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code salvo init DIR}: creates a workload repository (a Maven project depending on Salvo's artifacts, with a
 * sample simulation, a templates directory, profiles and baselines directories, a .gitignore and a CI recipe).
 */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = {"Creates a workload repository of your own: simulations, templates, profile snapshots and"
        + " baselines, versioned in git, with Salvo as a dependency.",
        "Salvo's artifacts must be in your local Maven repository: once, in a Salvo clone, mvn install -DskipTests."})
final class InitCommand implements Callable<Integer> {
  /** Resource (under {@code init/}) to path in the new repository; {@code PACKAGE} is the package's directory. */
  static final Map<String, String> FILES = files();

  @Parameters(index = "0", paramLabel = "DIR", description = "the new repository; must not exist or be empty")
  Path dir;
  @Option(names = "--group-id", paramLabel = "ID", defaultValue = "com.example",
      description = "the Maven groupId (default: ${DEFAULT-VALUE})")
  String groupId;
  @Option(names = "--package", paramLabel = "NAME", defaultValue = "loadtests",
      description = "the Java package of the sample simulation (default: ${DEFAULT-VALUE})")
  String packageName;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private static Map<String, String> files() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("pom.xml", "pom.xml");
    f.put("README.md", "README.md");
    f.put("gitignore", ".gitignore");
    f.put("SampleSimulation.java", "src/test/java/PACKAGE/SampleSimulation.java");
    f.put("gatling.conf", "src/test/resources/gatling.conf");
    f.put("logback-test.xml", "src/test/resources/logback-test.xml");
    f.put("sample-template.yaml", "templates/sample.yaml");
    f.put("profiles-README.md", "profiles/README.md");
    f.put("baselines-README.md", "baselines/README.md");
    f.put("load-test.sh", "ci/load-test.sh");
    f.put("load-test.yml", ".github/workflows/load-test.yml");
    return Collections.unmodifiableMap(f);
  }

  @Override
  public Integer call() throws IOException {
    String name = dir.toAbsolutePath().normalize().getFileName() == null ? ""
        : dir.toAbsolutePath().normalize().getFileName().toString();
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
      throw new IllegalArgumentException(dir + ": the directory's name becomes the artifactId and must be letters,"
          + " digits, '.', '_' or '-', but was '" + name + "'");
    }
    String identifier = "[A-Za-z_][A-Za-z0-9_]*";
    if (!packageName.matches(identifier + "(\\." + identifier + ")*")) {
      throw new IllegalArgumentException("--package: must be a Java package name, but was '" + packageName + "'");
    }
    if (!groupId.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("--group-id: must be letters, digits, '.', '_' or '-', but was '" + groupId
          + "'");
    }
    if (Files.exists(dir) && !(Files.isDirectory(dir) && isEmpty(dir))) {
      throw new IllegalArgumentException(dir + ": a new workload repository must go into a new or empty directory,"
          + " but it holds files");
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
    Properties versions = new Properties();
    try (InputStream in = InitCommand.class.getResourceAsStream("versions.properties")) {
      versions.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> v = new LinkedHashMap<>();
    v.put("@@GROUP_ID@@", groupId);
    v.put("@@ARTIFACT_ID@@", artifactId);
    v.put("@@PACKAGE_PATH@@", packageName.replace('.', '/'));
    v.put("@@PACKAGE@@", packageName);
    v.put("@@SALVO_VERSION@@", versions.getProperty("salvo.version"));
    v.put("@@GATLING_VERSION@@", versions.getProperty("gatling.version"));
    v.put("@@GATLING_MAVEN_PLUGIN_VERSION@@", versions.getProperty("gatling-maven-plugin.version"));
    return v;
  }

  static String fill(String text, Map<String, String> values) {
    String s = text;
    for (Map.Entry<String, String> e : values.entrySet()) {
      s = s.replace(e.getKey(), e.getValue());
    }
    return s;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = InitCommand.class.getResourceAsStream("init/" + name)) {
      if (in == null) {
        throw new IllegalStateException("init/" + name + " is missing from salvo's jar");
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

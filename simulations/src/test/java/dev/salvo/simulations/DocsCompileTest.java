package dev.salvo.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code ```java} block of README.md and docs/*.md compiles against the project (docs/docs-code.md): a block
 * fenced {@code ```java} is a whole compilation unit; one fenced {@code ```java fragment} is wrapped in a method of a
 * {@code Simulation} subclass with the usual imports, after the fields an HTML comment {@code <!-- given: Type name;
 * ... -->} right above the fence declares. An expression fragment (no trailing {@code ;} or <code>}</code>) is assigned.
 */
class DocsCompileTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern FENCE = Pattern.compile(
            "(?:<!-- given: (?<given>.*?) -->\\n)?```java(?<fragment> fragment)?\\n(?<code>.*?)\\n```", Pattern.DOTALL);
    static final String IMPORTS = String.join(
            "\n",
            "import static dev.salvo.dsl.SqlDsl.*;",
            "import static io.gatling.javaapi.core.CoreDsl.*;",
            "import dev.salvo.dsl.*;",
            "import dev.salvo.feeders.*;",
            "import dev.salvo.reports.*;",
            "import dev.salvo.sql.*;",
            "import dev.salvo.sql.profile.*;",
            "import io.gatling.javaapi.core.*;",
            "import java.nio.file.*;",
            "import java.sql.Connection;",
            "import java.time.*;",
            "import java.util.*;",
            "");

    /** One java block of a Markdown file. */
    record Block(String file, int line, boolean fragment, String given, String code) {
        @Override
        public String toString() {
            return file + ":" + line + (fragment ? " (fragment)" : "");
        }

        String source(String className) {
            if (!fragment) {
                return code;
            }
            String body = code.strip();
            String code = body.replaceAll("(?m)\\s*//[^\\n]*$", "").strip(); // without trailing comments
            if (!code.endsWith(";") && !code.endsWith("}")) {
                body = "Object fragment = " + body + ";";
            }
            return IMPORTS + "class " + className + " extends Simulation {\n"
                    + (given == null ? "" : given.replace(";", ";\n")) + "\n  void fragment() throws Exception {\n"
                    + body + "\n  }\n}\n";
        }

        String className(int index) {
            Matcher m =
                    Pattern.compile("public\\s+(?:final\\s+)?class\\s+(\\w+)").matcher(code);
            return !fragment && m.find() ? m.group(1) : "DocBlock" + index;
        }
    }

    static Stream<Block> blocks() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<Block> blocks = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file);
            Matcher m = FENCE.matcher(text);
            while (m.find()) {
                int line = (int) text.substring(0, m.start("code")).lines().count();
                blocks.add(new Block(
                        ROOT.relativize(file).toString(),
                        line,
                        m.group("fragment") != null,
                        m.group("given"),
                        m.group("code")));
            }
        }
        return blocks.stream();
    }

    @Test
    void findsTheBlocksOfReadmeAndTheDocs() throws IOException {
        assertThat(blocks().filter(b -> b.file().equals("README.md"))).isNotEmpty();
        assertThat(blocks().filter(b -> b.file().equals("docs/dsl.md")).count()).isGreaterThanOrEqualTo(4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void compiles(Block block) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String className = block.className(block.line());
        String source = block.source(className);
        JavaFileObject unit =
                new SimpleJavaFileObject(URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return source;
                    }
                };
        StringWriter errors = new StringWriter();
        Path out;
        try {
            out = Files.createTempDirectory(Path.of("target"), "docs-compile-");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        boolean ok = javac.getTask(
                        errors,
                        null,
                        null,
                        List.of(
                                "-proc:none",
                                "-d",
                                out.toString(),
                                "-classpath",
                                System.getProperty("java.class.path")),
                        null,
                        List.of(unit))
                .call();
        assertThat(ok)
                .as(block + " must compile:\n" + errors + "\n--- source:\n" + source)
                .isTrue();
    }
}

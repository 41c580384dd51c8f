package dev.salvo.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium for the report tests (Debian's {@code chromium}; .ci/install-chromium.sh installs it): opens a page
 * from file:// with the network off and returns its DOM after scripts ran, with the console's messages appended.
 */
final class Chromium {
    private static final Path CHROMIUM = Path.of(System.getProperty("salvo.chromium", "/usr/bin/chromium"));
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Pattern CHARTS = Pattern.compile("data-charts=\"(\\d+)\"");

    private Chromium() {}

    /** Skips the calling test class when Chromium is absent. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM);
    }

    static void assertRendered(String dom, int minCharts) {
        assertThat(dom.substring(dom.indexOf("<!-- console:")))
                .as("console messages")
                .doesNotContain("CONSOLE");
        assertThat(dom)
                .as("the page's script finished without errors")
                .contains("data-rendered=\"ok\"")
                .doesNotContain("data-rendered=\"error\"");
        Matcher m = CHARTS.matcher(dom);
        assertThat(m.find()).as("the page reports how many charts it drew").isTrue();
        assertThat(Integer.parseInt(m.group(1))).isGreaterThanOrEqualTo(minCharts);
        assertThat(count(dom, "<svg")).as("one svg per chart").isEqualTo(Integer.parseInt(m.group(1)));
        assertThat(count(dom, "data-drawn=\"true\"")).isEqualTo(Integer.parseInt(m.group(1)));
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** Loads the page, returns the DOM after scripts ran; takes a screenshot when {@code png} is set. */
    static String open(Path page, String png, int height) throws Exception {
        String url = page.toUri().toString();
        String dom = chromium(List.of("--dump-dom", url), page.getParent().resolve("dom.txt"));
        if (png != null) {
            Files.createDirectories(SCREENSHOTS);
            Path shot = SCREENSHOTS.resolve(png).toAbsolutePath();
            chromium(
                    List.of("--hide-scrollbars", "--window-size=1400," + height, "--screenshot=" + shot, url),
                    page.getParent().resolve("shot.txt"));
            assertThat(shot).isRegularFile();
            assertThat(Files.size(shot)).isGreaterThan(10_000);
        }
        return dom;
    }

    static String chromium(List<String> args, Path output) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(output.getParent(), "chromium-profile");
        List<String> command = new ArrayList<>(List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--enable-logging=stderr",
                "--v=0",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=5000"));
        command.addAll(args);
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(false)
                .redirectOutput(output.toFile())
                .redirectError(
                        output.resolveSibling(output.getFileName() + ".err").toFile())
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) { // a guard against a hung browser, not a timing assertion
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish: " + command);
        }
        String console = Files.readString(output.resolveSibling(output.getFileName() + ".err"));
        return Files.readString(output) + "\n<!-- console:\n"
                + console.lines().filter(l -> l.contains("CONSOLE")).reduce("", (a, b) -> a + b + "\n") + "-->";
    }
}

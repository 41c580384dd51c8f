package dev.salvo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionCommandTest {
    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    /** Sources the script in a real bash and asks it to complete the words typed so far. */
    private String complete(Path script, String... words) throws Exception {
        String line = "source " + script + "; COMP_WORDS=(" + String.join(" ", words) + "); COMP_CWORD="
                + (words.length - 1) + "; COMP_LINE='" + String.join(" ", words) + "'; COMP_POINT=${#COMP_LINE};"
                + " _complete_salvo; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Process p = new ProcessBuilder("bash", "-c", line)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start(); // compopt complains outside a real completion
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(printed).isZero();
        return printed;
    }

    @Test
    void printsABashScriptThatCompletesCommandsAndOptions() throws Exception {
        assertThat(cli.run("completion")).isZero();
        assertThat(cli.out()).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_salvo");
        Path script = Files.writeString(dir.resolve("salvo_completion"), cli.out());
        assertThat(complete(script, "salvo", "com").lines()).containsExactlyInAnyOrder("compare", "completion");
        assertThat(complete(script, "salvo", "compare", "--th").lines()).containsExactly("--threshold");
    }
}

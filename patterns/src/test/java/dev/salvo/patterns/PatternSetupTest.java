package dev.salvo.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PatternSetupTest {

    @Test
    void splitsScriptsOnSemicolonsAtLineEndsAndSkipsComments() {
        assertThat(PatternSetup.statements(
                        "-- a comment\nCREATE TABLE t (\n  a int\n);\n\nINSERT INTO t VALUES (1);\n"))
                .containsExactly("CREATE TABLE t (\n  a int\n)", "INSERT INTO t VALUES (1)");
    }

    @Test
    void aScaleBelowOneIsRefused() {
        assertThatThrownBy(() -> PatternSetup.checkScale(0))
                .isInstanceOf(PatternException.class)
                .hasMessage("pattern: scale must be a whole number >= 1, but was 0");
    }
}

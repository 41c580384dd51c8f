package dev.salvo.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salvo.runtime.RunContext;
import dev.salvo.runtime.RunHook;
import dev.salvo.runtime.SqlRequest;
import dev.salvo.sql.DatabaseSettings;
import dev.salvo.sql.PostgresDialect;
import dev.salvo.sql.QueryKind;
import dev.salvo.sql.SessionSetup;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class RunHooksTest {
    private final RunContext run = new RunContext(
            "Sim-20260101000000000",
            "snowflake",
            DatabaseSettings.of("jdbc:snowflake://acct.snowflakecomputing.com", "bench", "secret"),
            new SessionSetup("Sim-20260101000000000", 0, Duration.ZERO, true),
            Instant.EPOCH,
            new ConcurrentHashMap<>());

    /** Records what it is called with; fails where told. */
    static class Recording implements RunHook {
        final List<String> calls = new ArrayList<>();
        final String failAt;
        final boolean tags;

        Recording(String failAt, boolean tags) {
            this.failAt = failAt;
            this.tags = tags;
        }

        private void call(String what) {
            calls.add(what);
            if (what.startsWith(String.valueOf(failAt))) {
                throw new IllegalStateException(what + " went wrong\nsecond line");
            }
        }

        @Override
        public boolean start(RunContext run) {
            call("start " + run.runId());
            return true;
        }

        @Override
        public boolean tagsStatements() {
            return tags;
        }

        @Override
        public void prepared(PreparedStatement statement, String request) {
            call("prepared " + request);
        }

        @Override
        public void finish(RunContext run, Path runDirectory) {
            call("finish " + runDirectory + " " + run.sqlByRequest());
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }

    private static String captured(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static ClassLoader getClass0() {
        return RunHooksTest.class.getClassLoader();
    }

    @Test
    void aHookThatFailsToStartIsOneWarnLineAndTakesNoFurtherPart() {
        Recording failing = new Recording("start", false);
        Recording fine = new Recording(null, false);
        RunHooks[] hooks = new RunHooks[1];
        String out = captured(() -> hooks[0] = RunHooks.start(run, List.of(failing, fine)));
        assertThat(out)
                .isEqualTo("[salvo] WARN run hook " + Recording.class.getName()
                        + ": cannot start: start Sim-20260101000000000 went wrong\n");
        hooks[0].request("by id", "SELECT 1");
        hooks[0].finish(Path.of("run-dir"));
        hooks[0].close();
        assertThat(failing.calls).containsExactly("start Sim-20260101000000000", "close");
        assertThat(fine.calls)
                .containsExactly("start Sim-20260101000000000", "finish run-dir {by id=SELECT 1}", "close");
    }

    @Test
    void aWrongSettingOfAHookStopsTheRunBeforeLoadAndClosesTheHooksStartedSoFar() {
        Recording fine = new Recording(null, false);
        RunHook wrong = new Recording(null, false) {
            @Override
            public boolean start(RunContext run) {
                throw new dev.salvo.sql.SalvoException("salvo.snowflake.requestTags: must be on or off, but was 'yes'");
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunHooks.start(run, List.of(fine, wrong)))
                .hasMessage("salvo.snowflake.requestTags: must be on or off, but was 'yes'");
        assertThat(fine.calls).containsExactly("start Sim-20260101000000000", "close");
    }

    @Test
    void aHookThatFailsAtTheEndIsOneWarnLineAndTheOthersStillFinish() {
        Recording failing = new Recording("finish", false);
        Recording fine = new Recording(null, false);
        RunHooks hooks = RunHooks.start(run, List.of(failing, fine));
        String out = captured(() -> hooks.finish(Path.of("d")));
        assertThat(out)
                .isEqualTo("[salvo] WARN run hook " + Recording.class.getName() + ": failed at the end of the run"
                        + " (results.json and index.html are kept as written): finish d {} went wrong\n");
        assertThat(fine.calls).contains("finish d {}");
    }

    private static PreparedRequest request(String name, String sql) {
        return new PreparedRequest(
                SqlRequest.of(name, QueryKind.POINT_LOOKUP, sql, Map.of("id", s -> 1)), new PostgresDialect());
    }

    private static PreparedStatement statement() {
        return (PreparedStatement)
                Proxy.newProxyInstance(getClass0(), new Class<?>[] {PreparedStatement.class}, (p, m, a) -> null);
    }

    @Test
    void twoRequestsWithTheSameSqlTextAreShownToTaggingHooksEachWithItsOwnName() {
        Recording tagger = new Recording(null, true);
        RunHooks hooks = RunHooks.start(run, List.of(tagger));
        PreparedRequest byId = request("by id", "SELECT * FROM t WHERE id = :id");
        PreparedRequest same = request("same text", "SELECT * FROM t WHERE id = :id");
        PreparedRequest step = request("debit", "SELECT * FROM t WHERE id = :id");
        hooks.requests("by id", false, List.of(byId));
        hooks.requests("same text", false, List.of(same));
        hooks.requests("pay", true, List.of(step));
        hooks.prepared(statement(), byId);
        hooks.prepared(statement(), same);
        hooks.prepared(statement(), step);
        hooks.prepared(statement(), request("unknown", "SELECT :id"));
        assertThat(tagger.calls)
                .containsExactly(
                        "start Sim-20260101000000000",
                        "prepared by id",
                        "prepared same text",
                        "prepared pay / debit",
                        "prepared null");
        assertThat(run.sqlByRequest())
                .containsEntry("same text", "SELECT * FROM t WHERE id = ?")
                .containsEntry("pay / debit", "SELECT * FROM t WHERE id = ?");
    }

    @Test
    void withoutATaggingHookNoHookSeesStatements() {
        Recording plain = new Recording(null, false);
        RunHooks hooks = RunHooks.start(run, List.of(plain));
        PreparedRequest byId = request("by id", "SELECT * FROM t WHERE id = :id");
        hooks.requests("by id", false, List.of(byId));
        hooks.prepared(statement(), byId);
        RunHooks.none().prepared(statement(), byId);
        assertThat(plain.calls).containsExactly("start Sim-20260101000000000");
    }

    @Test
    void aTaggingFailureIsOneWarnLineForTheRun() {
        Recording tagger = new Recording("prepared", true);
        RunHooks hooks = RunHooks.start(run, List.of(tagger));
        String out = captured(() -> {
            hooks.prepared(statement(), null);
            hooks.prepared(statement(), null);
        });
        assertThat(tagger.calls).containsExactly("start Sim-20260101000000000", "prepared null", "prepared null");
        assertThat(out)
                .isEqualTo("[salvo] WARN run hook " + Recording.class.getName() + ": cannot tag statements (the"
                        + " run goes on without per-statement tags): prepared null went wrong\n");
    }
}

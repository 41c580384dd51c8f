package dev.salvo.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salvo.runtime.RunContext;
import dev.salvo.runtime.RunHook;
import dev.salvo.sql.DatabaseSettings;
import dev.salvo.sql.SessionSetup;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class RunHooksTest {
  private final RunContext run = new RunContext("Sim-20260101000000000", "snowflake",
      DatabaseSettings.of("jdbc:snowflake://acct.snowflakecomputing.com", "bench", "secret"),
      new SessionSetup("Sim-20260101000000000", 0, Duration.ZERO, true), Instant.EPOCH, new ConcurrentHashMap<>());

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

  /** A connection whose prepareStatement returns a statement proxy, and which counts commit calls. */
  private static Connection fakeConnection(List<String> log) {
    return (Connection) Proxy.newProxyInstance(getClass0(), new Class<?>[] {Connection.class}, (p, m, a) -> {
      log.add(m.getName() + (a == null ? "" : " " + a[0]));
      return switch (m.getName()) {
        case "prepareStatement" -> Proxy.newProxyInstance(getClass0(), new Class<?>[] {PreparedStatement.class},
            (p2, m2, a2) -> switch (m2.getName()) {
              case "equals" -> p2 == a2[0];
              case "hashCode" -> System.identityHashCode(p2);
              case "toString" -> "statement";
              default -> null;
            });
        case "isClosed" -> false;
        default -> null;
      };
    });
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
    assertThat(out).isEqualTo("[salvo] WARN run hook " + Recording.class.getName()
        + ": cannot start: start Sim-20260101000000000 went wrong\n");
    hooks[0].request("by id", "SELECT 1");
    hooks[0].finish(Path.of("run-dir"));
    hooks[0].close();
    assertThat(failing.calls).containsExactly("start Sim-20260101000000000", "close");
    assertThat(fine.calls).containsExactly("start Sim-20260101000000000", "finish run-dir {by id=SELECT 1}", "close");
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
    assertThat(out).isEqualTo("[salvo] WARN run hook " + Recording.class.getName() + ": failed at the end of the run"
        + " (results.json and index.html are kept as written): finish d {} went wrong\n");
    assertThat(fine.calls).contains("finish d {}");
  }

  @Test
  void statementsPreparedOnADecoratedConnectionAreShownToTaggingHooksWithTheirRequest() throws Exception {
    Recording tagger = new Recording(null, true);
    RunHooks hooks = RunHooks.start(run, List.of(tagger));
    hooks.request("by id", "SELECT * FROM t WHERE id = ?");
    hooks.request("same text", "SELECT * FROM t WHERE id = ?");
    List<String> log = new ArrayList<>();
    Connection c = hooks.decorate(fakeConnection(log));
    c.prepareStatement("SELECT * FROM t WHERE id = ?");
    c.prepareStatement("SELECT 2");
    c.commit();
    assertThat(tagger.calls).containsExactly("start Sim-20260101000000000", "prepared by id", "prepared null");
    assertThat(log).containsExactly("prepareStatement SELECT * FROM t WHERE id = ?", "prepareStatement SELECT 2",
        "commit");
    assertThat(run.sqlByRequest()).containsEntry("same text", "SELECT * FROM t WHERE id = ?");
  }

  @Test
  void aConnectionIsNotDecoratedWithoutATaggingHook() {
    RunHooks hooks = RunHooks.start(run, List.of(new Recording(null, false)));
    Connection raw = fakeConnection(new ArrayList<>());
    assertThat(hooks.decorate(raw)).isSameAs(raw);
    assertThat(RunHooks.none().decorate(raw)).isSameAs(raw);
  }

  @Test
  void aTaggingFailureIsOneWarnLineForTheRunAndTheStatementIsStillReturned() throws Exception {
    Recording tagger = new Recording("prepared", true);
    RunHooks hooks = RunHooks.start(run, List.of(tagger));
    Connection c = hooks.decorate(fakeConnection(new ArrayList<>()));
    Object[] statements = new Object[2];
    String out = captured(() -> {
      try {
        statements[0] = c.prepareStatement("SELECT 1");
        statements[1] = c.prepareStatement("SELECT 1");
      } catch (java.sql.SQLException e) {
        throw new AssertionError(e);
      }
    });
    assertThat(statements).doesNotContainNull();
    assertThat(out).isEqualTo("[salvo] WARN run hook " + Recording.class.getName() + ": cannot tag statements (the"
        + " run goes on without per-statement tags): prepared null went wrong\n");
  }
}

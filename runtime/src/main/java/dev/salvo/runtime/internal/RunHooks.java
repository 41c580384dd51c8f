package dev.salvo.runtime.internal;

import dev.salvo.runtime.RunContext;
import dev.salvo.runtime.RunHook;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The run's {@link RunHook}s: found with {@link ServiceLoader}, each call guarded so that a failing hook is one WARN line
 * and never costs the run or its results. A {@link dev.salvo.sql.SalvoException} from {@link RunHook#start} (a hook's
 * setting is wrong) stops the run before load instead, like any other configuration error.
 */
final class RunHooks {
    private final List<RunHook> active = new ArrayList<>();
    private final List<RunHook> taggers = new ArrayList<>();
    private final Map<PreparedRequest, String> nameOf = new ConcurrentHashMap<>();
    private final AtomicBoolean tagWarned = new AtomicBoolean();
    private RunContext context;

    private RunHooks() {}

    /** @return no hooks */
    static RunHooks none() {
        return new RunHooks();
    }

    /**
     * Loads the hooks on the class path and starts them.
     *
     * @param context the run
     * @return the hooks that take part in it
     */
    static RunHooks start(RunContext context) {
        List<RunHook> found = new ArrayList<>();
        try {
            ServiceLoader.load(RunHook.class, RunHooks.class.getClassLoader()).forEach(found::add);
        } catch (ServiceConfigurationError | LinkageError e) {
            warn("run hooks", "cannot be loaded", e);
        }
        return start(context, found);
    }

    /**
     * @param context the run
     * @param hooks candidate hooks
     * @return the hooks that take part in it
     */
    static RunHooks start(RunContext context, List<RunHook> hooks) {
        RunHooks h = new RunHooks();
        h.context = context;
        for (RunHook hook : hooks) {
            try {
                if (hook.start(context)) {
                    h.active.add(hook);
                    if (hook.tagsStatements()) {
                        h.taggers.add(hook);
                    }
                }
            } catch (dev.salvo.sql.SalvoException e) {
                closeQuietly(hook); // a setting of the hook is wrong: stop the run before load, in one line
                h.close();
                throw e;
            } catch (Exception | LinkageError e) {
                warn(hook, "cannot start", e);
                closeQuietly(hook);
            }
        }
        return h;
    }

    /** @return true when some hook takes part in the run */
    boolean any() {
        return !active.isEmpty();
    }

    /**
     * A request's statements (a transaction's named {@code <transaction> / <statement>}, as in the results).
     *
     * @param name the request's name
     * @param transaction true for a transaction
     * @param statements its statements
     */
    void requests(String name, boolean transaction, List<PreparedRequest> statements) {
        if (transaction) {
            statements.forEach(st -> request(name + SalvoRun.STATEMENT_SEPARATOR + st.request.name(), st));
        } else {
            request(name, statements.get(0));
        }
    }

    private void request(String name, PreparedRequest statement) {
        request(name, statement.sql.jdbcSql());
        nameOf.putIfAbsent(statement, name); // by identity: PreparedRequest keeps Object's equals
    }

    /** A request's statement SQL, for the hooks' {@link RunContext#sqlByRequest()} (the first text of a name). */
    void request(String name, String jdbcSql) {
        if (context != null) {
            context.sqlByRequest().putIfAbsent(name, jdbcSql);
        }
    }

    /**
     * A request's statement was prepared on a pooled connection (once per connection, request and SQL text): the hooks
     * that tag statements see it with the request's name. A failing hook is one WARN line for the run; the statement is
     * used untagged.
     *
     * @param ps the new statement
     * @param owner its request (null: none known)
     */
    void prepared(PreparedStatement ps, PreparedRequest owner) {
        if (taggers.isEmpty()) {
            return;
        }
        String request = owner == null ? null : nameOf.get(owner);
        for (RunHook hook : taggers) {
            try {
                hook.prepared(ps, request);
            } catch (Exception | LinkageError e) {
                if (tagWarned.compareAndSet(false, true)) {
                    warn(hook, "cannot tag statements (the run goes on without per-statement tags)", e);
                }
            }
        }
    }

    /** The run's directory is written: each hook's {@link RunHook#finish}. */
    void finish(Path runDirectory) {
        for (RunHook hook : active) {
            try {
                hook.finish(context, runDirectory);
            } catch (Exception | LinkageError e) {
                warn(hook, "failed at the end of the run (results.json and index.html are kept as written)", e);
            }
        }
    }

    /** Closes every hook (once). */
    void close() {
        active.forEach(RunHooks::closeQuietly);
        active.clear();
        taggers.clear();
    }

    private static void closeQuietly(RunHook hook) {
        try {
            hook.close();
        } catch (RuntimeException | LinkageError e) {
            warn(hook, "cannot close", e);
        }
    }

    private static void warn(Object hook, String what, Throwable e) {
        String name = hook instanceof String s ? s : hook.getClass().getName();
        String message = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().lines().findFirst().orElse("");
        System.out.println("[salvo] WARN run hook " + name + ": " + what + ": " + message);
    }
}

package dev.salvo.snowflake;

import dev.salvo.runtime.RunContext;
import dev.salvo.runtime.RunHook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * A test hook on the test class path (META-INF/services), active only in forked runs given
 * {@code -Dsalvo.test.runHook=record} or {@code =fail}: it writes {@code hook.txt} into the run directory (what the
 * runtime handed it) or fails at the end of the run.
 */
public class RecordingRunHook implements RunHook {
    private final String mode = System.getProperty("salvo.test.runHook");
    private final Set<String> prepared = new ConcurrentSkipListSet<>();
    private String started;

    @Override
    public boolean start(RunContext run) {
        started = run.runId() + " " + run.dialect() + " worker " + run.session().workerIndex();
        return mode != null;
    }

    @Override
    public boolean tagsStatements() {
        return true;
    }

    @Override
    public void prepared(PreparedStatement statement, String request) {
        prepared.add(String.valueOf(request));
    }

    @Override
    public void finish(RunContext run, Path runDirectory) throws IOException {
        if (mode.equals("fail")) {
            throw new IllegalStateException("boom");
        }
        Set<String> files = new TreeSet<>();
        try (var list = Files.list(runDirectory)) {
            list.forEach(p -> files.add(p.getFileName().toString()));
        }
        Files.write(
                runDirectory.resolve("hook.txt"),
                List.of(
                        "start " + started,
                        "dir " + runDirectory.getFileName(),
                        "files " + files,
                        "sql " + new java.util.TreeMap<>(run.sqlByRequest()),
                        "prepared " + prepared));
    }
}

package dev.salvo.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code salvo} in-process and keeps what it printed. */
final class Cli {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** Runs {@code salvo args...}; clears what earlier runs printed. */
    int run(String... args) {
        return run(SalvoCommand.commandLine(), args);
    }

    /** Runs a given command tree (a test may add commands to it). */
    int run(CommandLine cli, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }
}

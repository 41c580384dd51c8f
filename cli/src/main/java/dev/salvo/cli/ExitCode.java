package dev.salvo.cli;

/**
 * The exit statuses of every {@code salvo} command. They are the same for every command, so a CI script can tell "the
 * system under test failed a check" from "the test itself is wrong" from "something broke".
 *
 * <table>
 *   <caption>exit statuses</caption>
 *   <tr><th>status</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>done; a run passed every SLO; a comparison found no regression</td></tr>
 *   <tr><td>1</td><td>a check failed: a run breached an SLO (or a Gatling assertion), a comparison found a
 *   regression</td></tr>
 *   <tr><td>2</td><td>bad input: a usage error, a configuration error, a file that is not what it must be; one line
 *   on standard error names it, and no load was started</td></tr>
 *   <tr><td>3</td><td>crashed: the run or the command failed unexpectedly (a bug, a lost database, a killed
 *   process)</td></tr>
 *   <tr><td>4</td><td>unreadable input ({@code compare}, {@code baseline}, {@code trend}): a run or baseline directory
 *   that is missing, not a Salvo directory, corrupt or of an unknown format version, so a CI gate can tell "no run or
 *   no baseline" from a wrong command line (2)</td></tr>
 * </table>
 */
public final class ExitCode {
    /** Done: the run passed, the comparison found no regression. */
    public static final int PASSED = 0;
    /** A check failed: an SLO was breached, or a comparison found a regression. */
    public static final int FAILED = 1;
    /** Bad input: usage or configuration error, reported in one line before any load. */
    public static final int BAD_INPUT = 2;
    /** Crashed: an unexpected failure. */
    public static final int CRASHED = 3;
    /** Unreadable input ({@code compare}, {@code baseline}, {@code trend}): a run or baseline cannot be read. */
    public static final int UNREADABLE_INPUT = 4;

    private ExitCode() {}
}

package dev.salvo.sql;

/**
 * A problem the user can fix (bad configuration, unreachable database, SQL that does not parse), reported as one line
 * that names the culprit and the rule. Salvo raises it before load starts; it never carries a password.
 */
public class SalvoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line: {@code <where>: <what> must be <rule>, but was <value>} */
    public SalvoException(String message) {
        super(message);
    }

    /**
     * @param message one line naming the culprit
     * @param cause the underlying failure, kept for debugging (not printed to the user)
     */
    public SalvoException(String message, Throwable cause) {
        super(message, cause);
    }
}

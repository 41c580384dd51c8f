package dev.salvo.patterns;

/** A pattern that cannot be found, loaded or run as asked; the message is one line naming the culprit. */
public class PatternException extends dev.salvo.sql.SalvoException {
    private static final long serialVersionUID = 1L;

    /** @param message one line, {@code <where>: <what> must be <rule>, but was <value>} */
    public PatternException(String message) {
        super(message);
    }

    /**
     * @param message one line
     * @param cause the underlying failure
     */
    public PatternException(String message, Throwable cause) {
        super(message, cause);
    }
}

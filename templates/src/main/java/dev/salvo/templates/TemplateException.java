package dev.salvo.templates;

import dev.salvo.sql.SalvoException;
import java.util.List;

/**
 * A template that cannot be run: every problem found, one line each, in the form
 * {@code <file>:<line>:<column>: <where>: <what> must be <rule>, but was <value>}. Raised before any load starts.
 */
public final class TemplateException extends SalvoException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** @param problems one line per problem, in the order found; at least one */
    public TemplateException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    /** @return one line per problem, in the order found */
    public List<String> problems() {
        return problems;
    }
}

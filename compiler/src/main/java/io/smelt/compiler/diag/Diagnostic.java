package io.smelt.compiler.diag;

import static java.util.Objects.requireNonNull;

/**
 * One problem found in the user's input.
 *
 * @param at where; may be null when no file is involved
 * @param message what is wrong and what was expected
 * @param hint what to do about it, or null
 */
public record Diagnostic(ErrorKind kind, SourcePosition at, String message, String hint) {
    public Diagnostic {
        requireNonNull(kind, "kind is null");
        requireNonNull(message, "message is null");
    }

    public static Diagnostic of(ErrorKind kind, SourcePosition at, String message) {
        return new Diagnostic(kind, at, message, null);
    }

    /** {@code file:line:col: error: message} followed by an indented hint line. */
    public String format() {
        StringBuilder text = new StringBuilder();
        if (at != null) {
            text.append(at).append(": ");
        }
        text.append("error: ").append(message);
        if (hint != null && !hint.isBlank()) {
            text.append(System.lineSeparator()).append("  hint: ").append(hint);
        }
        return text.toString();
    }
}

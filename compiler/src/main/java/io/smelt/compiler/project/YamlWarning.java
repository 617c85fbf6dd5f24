package io.smelt.compiler.project;

import static java.util.Objects.requireNonNull;

import io.smelt.compiler.diag.SourcePosition;

/** Something in a YAML file that Smelt ignores but the user probably did not mean. */
public record YamlWarning(SourcePosition at, String message) {
    public YamlWarning {
        requireNonNull(message, "message is null");
    }

    /** {@code file:line:col: warning: message}. */
    public String format() {
        return (at == null ? "" : at + ": ") + "warning: " + message;
    }
}

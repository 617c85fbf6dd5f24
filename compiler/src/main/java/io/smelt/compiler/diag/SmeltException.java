package io.smelt.compiler.diag;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The user's project, profile or command line is wrong. Carries every diagnostic found; the CLI
 * prints them and exits with code 2.
 */
public final class SmeltException extends RuntimeException {
    private final List<Diagnostic> diagnostics;

    public SmeltException(List<Diagnostic> diagnostics) {
        this(diagnostics, null);
    }

    public SmeltException(List<Diagnostic> diagnostics, Throwable cause) {
        super(diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining(System.lineSeparator())), cause);
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("a SmeltException needs at least one diagnostic");
        }
        this.diagnostics = List.copyOf(diagnostics);
    }

    public SmeltException(Diagnostic diagnostic) {
        this(List.of(diagnostic), null);
    }

    public SmeltException(ErrorKind kind, SourcePosition at, String message, String hint) {
        this(List.of(new Diagnostic(kind, at, message, hint)), null);
    }

    public SmeltException(ErrorKind kind, SourcePosition at, String message, String hint, Throwable cause) {
        this(List.of(new Diagnostic(kind, at, message, hint)), cause);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public Diagnostic first() {
        return diagnostics.get(0);
    }
}

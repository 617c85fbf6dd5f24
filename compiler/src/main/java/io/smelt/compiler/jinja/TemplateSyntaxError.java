package io.smelt.compiler.jinja;

/** A template that does not parse; line and column are 1-based (column 0 when unknown). */
final class TemplateSyntaxError extends RuntimeException {
    final int line;
    final int col;

    TemplateSyntaxError(String message, int line, int col) {
        super(message, null, false, false);
        this.line = line;
        this.col = col;
    }
}

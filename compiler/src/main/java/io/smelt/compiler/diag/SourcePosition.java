package io.smelt.compiler.diag;

import java.nio.file.Path;

/**
 * A place in a source file. Line and column are 1-based; 0 means unknown.
 *
 * @param file the file, relative to the project root where possible; null when the input was not a file
 */
public record SourcePosition(Path file, int line, int column) {
    public static SourcePosition of(Path file) {
        return new SourcePosition(file, 0, 0);
    }

    public static SourcePosition of(Path file, int line) {
        return new SourcePosition(file, line, 0);
    }

    /** {@code file:line:column}, leaving out what is unknown. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file == null ? "<input>" : file.toString());
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        return text.toString();
    }
}

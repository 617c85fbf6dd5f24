package io.smelt.compiler.parse;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.project.TextFiles;

import java.nio.file.Path;

/**
 * Checks a seed's CSV before anything runs: valid UTF-8, a header, and every row with as many
 * fields as the header (quoted fields may hold the delimiter, quotes and line breaks). An engine
 * would otherwise fail half-way through a build, or pad or drop fields silently.
 */
final class SeedCsvCheck {
    private SeedCsvCheck() {
    }

    static void check(Path file, Path display, char delimiter) {
        String text = TextFiles.read(file, display);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new SmeltException(ErrorKind.PROJECT, SourcePosition.of(display), "the seed file is empty",
                    "a seed needs a header row with the column names, then one row per record; delete the file if it is not a seed");
        }
        int header = -1;
        int line = 1;
        int recordLine = 1;
        int fields = 1;
        boolean quoted = false;
        boolean blank = true;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else if (c == '\n') {
                    line++;
                }
                continue;
            }
            if (c == '"') {
                quoted = true;
                blank = false;
            } else if (c == delimiter) {
                fields++;
                blank = false;
            } else if (c == '\n') {
                if (!blank) {
                    if (header < 0) {
                        header = fields;
                    } else if (fields != header) {
                        throw ragged(display, recordLine, fields, header);
                    }
                }
                line++;
                recordLine = line;
                fields = 1;
                blank = true;
            } else if (c != '\r' && !Character.isWhitespace(c)) {
                blank = false;
            }
        }
        if (quoted) {
            throw new SmeltException(ErrorKind.PROJECT, new SourcePosition(display, recordLine, 0),
                    "a quoted field that starts in this row is never closed", "close it with a double quote (\")");
        }
    }

    private static SmeltException ragged(Path display, int line, int fields, int header) {
        return new SmeltException(ErrorKind.PROJECT, new SourcePosition(display, line, 0),
                "this row has " + fields + " field" + (fields == 1 ? "" : "s") + ", but the header has " + header,
                fields > header ? "quote a value that contains the delimiter (\"a, b\"), or remove the extra fields"
                        : "add the missing fields (an empty field is written as nothing between two delimiters)");
    }
}

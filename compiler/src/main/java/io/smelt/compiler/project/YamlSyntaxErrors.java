package io.smelt.compiler.project;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

import java.nio.file.Path;

/** snakeyaml's syntax errors said for a dbt user: what is wrong, where (1-based), and what to do about it. */
final class YamlSyntaxErrors {
    private YamlSyntaxErrors() {
    }

    static SmeltException syntaxError(Path file, MarkedYAMLException e, String text) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        SourcePosition at = mark == null ? SourcePosition.of(file) : new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
        String problem = e.getProblem() == null ? "the text is not valid YAML" : e.getProblem();
        String line = mark == null ? "" : lineAt(text, mark.getLine());
        String message;
        String hint;
        if (problem.contains("\\t") || problem.contains("'\t'")) {
            message = "a tab character where YAML expects spaces";
            hint = "YAML indents with spaces only; replace the tabs with spaces";
        }
        else if (problem.contains("mapping values are not allowed")) {
            message = "a ':' where YAML does not allow one";
            hint = "check this line's indentation, or put quotes around a value that contains ': '";
        }
        else if (problem.contains("could not find expected ':'")) {
            message = "a line without ':' inside a mapping";
            hint = "write key: value, and check the indentation of the lines above";
        }
        else if (problem.contains("expected <block end>")) {
            message = "this line's indentation does not match the lines around it";
            hint = "keys of one mapping must start at the same column, and list items with '- ' at the same column";
        }
        else if (problem.contains("end of stream") && e.getContext() != null && e.getContext().contains("quoted scalar")
                && e.getContextMark() != null) {
            // point at the opening quote, not at the end of the file
            mark = e.getContextMark();
            at = new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
            message = "a quoted value that is never closed";
            hint = "add the closing quote, or escape quotes inside the value";
        }
        else if (problem.contains("end of stream")) {
            message = "the file ends inside an unclosed quote or bracket";
            hint = "close the quote, '[' or '{' that starts earlier in the file";
        }
        // snakeyaml says "expected a single document in the stream" as the context, "but found another document" as the problem
        else if (e.getContext() != null && e.getContext().contains("expected a single document")) {
            message = "more than one YAML document ('---') in the file";
            hint = "keep one document per file";
        }
        else {
            message = "invalid YAML: " + problem;
            hint = null;
        }
        if (line.contains("{{") || line.contains("{%")) {
            hint = YamlReader.QUOTE_JINJA_HINT;
        }
        String context = e.getContext();
        if (!message.startsWith("invalid YAML")) {
            message = message + " (the YAML parser says: " + problem + ")";
        }
        else if (context != null) {
            message = message + " (" + context + ")";
        }
        return new SmeltException(ErrorKind.YAML, at, message, hint, e);
    }

    private static String lineAt(String text, int zeroBasedLine) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        return zeroBasedLine >= 0 && zeroBasedLine < lines.length ? lines[zeroBasedLine] : "";
    }

    private static SourcePosition offsetPosition(Path file, String text, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length() && i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            }
            else {
                column++;
            }
        }
        return new SourcePosition(file, line, column);
    }

    static SmeltException badCharacter(Path file, ReaderException e, String text) {
        return new SmeltException(ErrorKind.YAML, offsetPosition(file, text, e.getPosition()),
                "the file contains a character YAML does not allow (code point " + e.getCodePoint() + ")",
                "remove the character or save the file as UTF-8 text", e);
    }
}

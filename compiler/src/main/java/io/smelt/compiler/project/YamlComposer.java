package io.smelt.compiler.project;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.ReaderException;

import java.io.StringReader;
import java.nio.file.Path;

/**
 * Parses YAML text into snakeyaml's node tree, which keeps every value's position, with limits as
 * loose as PyYAML's; a syntax error becomes a YAML diagnostic that says in words what is wrong.
 */
final class YamlComposer {
    private static final int MAX_FILE_CODE_POINTS = 64 * 1024 * 1024;
    // PyYAML, which dbt uses, has no limit; snakeyaml's default of 50 rejects real properties files
    // that reuse an anchored column list or test block on every model.
    private static final int MAX_ALIASES = 100_000;

    private YamlComposer() {
    }

    /** The document's root node, or null when the file holds no document. */
    static Node compose(Path file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_FILE_CODE_POINTS);
        options.setMergeOnCompose(true);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try {
            return new Yaml(options).compose(new StringReader(body));
        }
        catch (MarkedYAMLException e) {
            throw syntaxError(file, e, body);
        }
        catch (ReaderException e) {
            throw new SmeltException(ErrorKind.YAML, offsetPosition(file, body, e.getPosition()),
                    "the file contains a character YAML does not allow (code point " + e.getCodePoint() + ")",
                    "remove the character or save the file as UTF-8 text", e);
        }
        catch (YAMLException e) {
            throw new SmeltException(ErrorKind.YAML, SourcePosition.of(file), "invalid YAML: " + e.getMessage(), null, e);
        }
    }

    private static SmeltException syntaxError(Path file, MarkedYAMLException e, String text) {
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
        else if (problem.contains("expected a single document")) {
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
}

package io.smelt.adapter.duckdb;

import io.smelt.adapter.EngineException;

import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates the driver's exceptions into {@link EngineException}s that carry DuckDB's own message
 * and, where DuckDB marked one, the 1-based line and column in the statement sent.
 *
 * <p>DuckDB appends the offending line to its message as {@code LINE n: <text>} followed by a caret
 * line; the text is a window of at most about 80 characters, cut with {@code ...} on either side.
 * The column is found by locating that window in the statement's line.
 */
final class DuckDbErrors {
    private static final Pattern LINE = Pattern.compile("(?m)^LINE (\\d+): (.*)$");
    private static final Pattern JAVA_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");

    private DuckDbErrors() {
    }

    /**
     * True for DuckDB's optimistic-concurrency failures ({@code Catalog write-write conflict},
     * {@code Conflict on update!}, ...): the statement or transaction was undone and running it again
     * later may succeed.
     */
    static boolean isConflict(SQLException e) {
        String message = e.getMessage();
        return message != null
                && message.startsWith("TransactionContext Error:")
                && message.toLowerCase(Locale.ROOT).contains("conflict");
    }

    static boolean isInterrupt(SQLException e) {
        String message = e.getMessage();
        return message != null && message.startsWith("INTERRUPT Error");
    }

    static EngineException translate(SQLException e, String sql) {
        String raw = e.getMessage() == null ? "DuckDB failed without a message" : e.getMessage();
        int line = 0;
        int column = 0;
        String message = raw;
        Matcher matcher = LINE.matcher(raw);
        if (matcher.find()) {
            line = Integer.parseInt(matcher.group(1));
            column = column(raw, matcher, sql, line);
            message = raw.substring(0, matcher.start()).stripTrailing();
        }
        message = JAVA_NAME.matcher(message).replaceAll("").strip();
        return new EngineException(message, null, line, column, e);
    }

    private static int column(String raw, Matcher matcher, String sql, int line) {
        int caretLineStart = matcher.end() + 1;
        if (caretLineStart >= raw.length()) {
            return 0;
        }
        int caretLineEnd = raw.indexOf('\n', caretLineStart);
        String caretLine = raw.substring(caretLineStart, caretLineEnd < 0 ? raw.length() : caretLineEnd);
        int caret = caretLine.indexOf('^');
        String prefix = "LINE " + line + ": ";
        String shown = matcher.group(2);
        boolean cutStart = shown.startsWith("...");
        int offsetInWindow = caret - prefix.length() - (cutStart ? 3 : 0);
        if (caret < 0 || offsetInWindow < 0) {
            return 0;
        }
        String window = cutStart ? shown.substring(3) : shown;
        if (window.endsWith("...") && window.length() > 3) {
            window = window.substring(0, window.length() - 3);
        }
        String[] lines = sql == null ? new String[0] : sql.split("\r\n|\r|\n", -1);
        if (line > lines.length) {
            return cutStart ? 0 : offsetInWindow + 1;
        }
        int windowStart = lines[line - 1].indexOf(window);
        if (windowStart < 0) {
            return cutStart ? 0 : offsetInWindow + 1;
        }
        return windowStart + offsetInWindow + 1;
    }
}

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

    /**
     * The length of the whitespace and comments that start {@code sql}. DuckDB drops them from a
     * statement's text but keeps counting error positions from the start of the string it was given,
     * so its {@code LINE} excerpt points at the wrong place unless they are left out of what is
     * sent.
     */
    static int leadingTrivia(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            }
            else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            }
            else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int depth = 0;
                int j = i;
                do {
                    if (sql.startsWith("/*", j)) {
                        depth++;
                        j += 2;
                    }
                    else if (sql.startsWith("*/", j)) {
                        depth--;
                        j += 2;
                    }
                    else {
                        j++;
                    }
                }
                while (depth > 0 && j < n);
                if (depth > 0) {
                    return i;
                }
                i = j;
            }
            else {
                return i;
            }
        }
        // only comments: send it all and let DuckDB say so
        return 0;
    }

    /** The text actually sent for {@code sql}: without its leading whitespace and comments. */
    static String sent(String sql) {
        return sql.substring(leadingTrivia(sql));
    }

    /**
     * @param sql the statement as the caller gave it; positions are reported against it although
     *     DuckDB saw {@link #sent(String)}
     */
    static EngineException translate(SQLException e, String sql) {
        String raw = e.getMessage() == null ? "DuckDB failed without a message" : e.getMessage();
        int line = 0;
        int column = 0;
        String message = raw;
        Matcher matcher = LINE.matcher(raw);
        if (matcher.find()) {
            line = Integer.parseInt(matcher.group(1));
            message = raw.substring(0, matcher.start()).stripTrailing();
            int lead = sql == null ? 0 : leadingTrivia(sql);
            int offset = sql == null ? -1 : offset(raw, matcher, sql.substring(lead), line);
            if (offset >= 0) {
                int[] position = position(sql, lead + offset);
                line = position[0];
                column = position[1];
            }
            else if (lead > 0) {
                line += newlines(sql.substring(0, lead));
            }
        }
        message = JAVA_NAME.matcher(message).replaceAll("").strip();
        return new EngineException(message, null, line, column, e);
    }

    /** The error's offset in {@code sent}, from DuckDB's excerpt and caret, or -1. */
    private static int offset(String raw, Matcher matcher, String sent, int line) {
        int caretLineStart = raw.indexOf('\n', matcher.end()) + 1;
        if (caretLineStart <= 0) {
            return -1;
        }
        int caretLineEnd = raw.indexOf('\n', caretLineStart);
        String caretLine = raw.substring(caretLineStart, caretLineEnd < 0 ? raw.length() : caretLineEnd);
        int caret = caretLine.indexOf('^');
        String shown = matcher.group(2);
        boolean cutStart = shown.startsWith("...");
        int offsetInWindow = caret - ("LINE " + line + ": ").length() - (cutStart ? 3 : 0);
        if (caret < 0 || offsetInWindow < 0) {
            return -1;
        }
        String window = cutStart ? shown.substring(3) : shown;
        if (window.endsWith("...") && window.length() > 3) {
            window = window.substring(0, window.length() - 3);
        }
        // DuckDB ends lines at \n only, so \r\n counts once
        int lineStart = 0;
        for (int i = 1; i < line; i++) {
            int next = sent.indexOf('\n', lineStart);
            if (next < 0) {
                return -1;
            }
            lineStart = next + 1;
        }
        int lineEnd = sent.indexOf('\n', lineStart);
        String text = sent.substring(lineStart, lineEnd < 0 ? sent.length() : lineEnd);
        int windowStart = text.indexOf(window);
        if (windowStart < 0) {
            return -1;
        }
        return lineStart + windowStart + offsetInWindow;
    }

    /** 1-based line and column of {@code offset}, with lines ending at \n as DuckDB counts them. */
    private static int[] position(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }

    private static int newlines(String text) {
        return position(text, text.length())[0] - 1;
    }
}

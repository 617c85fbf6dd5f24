package io.smelt.compiler.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at top-level semicolons, ignoring those inside string literals,
 * quoted identifiers, dollar-quoted strings ({@code $$...$$}, {@code $tag$...$tag$}, as DuckDB and
 * PostgreSQL write function bodies) and comments. Empty statements are dropped.
 */
public final class SqlStatements {
    private SqlStatements() {
    }

    public static List<String> split(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = closing(sql, i, c);
                current.append(sql, i, end);
                i = end;
            }
            else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int close = sql.indexOf(tag, i + tag.length());
                int end = close < 0 ? n : close + tag.length();
                current.append(sql, i, end);
                i = end;
            }
            else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                current.append(sql, i, end);
                i = end;
            }
            else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                current.append(sql, i, end);
                i = end;
            }
            else if (c == ';') {
                add(statements, current);
                current.setLength(0);
                i++;
            }
            else {
                current.append(c);
                i++;
            }
        }
        add(statements, current);
        return statements;
    }

    /** The opening {@code $tag$} at {@code at}, or null; {@code $1} and {@code a$b} open nothing. */
    private static String dollarTag(String sql, int at) {
        if (at > 0 && (Character.isLetterOrDigit(sql.charAt(at - 1)) || sql.charAt(at - 1) == '_')) {
            return null;
        }
        int i = at + 1;
        while (i < sql.length() && (Character.isLetter(sql.charAt(i)) || sql.charAt(i) == '_'
                || i > at + 1 && Character.isDigit(sql.charAt(i)))) {
            i++;
        }
        return i < sql.length() && sql.charAt(i) == '$' ? sql.substring(at, i + 1) : null;
    }

    private static int closing(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            if (c == '\\' && quote != '"' && i + 1 < sql.length()) {
                i += 2;
                continue;
            }
            i++;
        }
        return sql.length();
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty() && !onlyComments(statement)) {
            statements.add(statement);
        }
    }

    private static boolean onlyComments(String statement) {
        String rest = statement.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("--[^\\n]*", "");
        return rest.isBlank();
    }

    /** Where the query's leading keyword {@code with} starts (after comments and white space), or -1 when it has none. */
    public static int leadingWith(String sql) {
        int i = skipTrivia(sql, 0);
        if (sql.regionMatches(true, i, "with", 0, 4)
                && (i + 4 >= sql.length() || !Character.isLetterOrDigit(sql.charAt(i + 4)) && sql.charAt(i + 4) != '_')) {
            return i;
        }
        return -1;
    }

    private static int skipTrivia(String sql, int from) {
        int i = from;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            }
            else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end + 1;
            }
            else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            }
            else {
                break;
            }
        }
        return i;
    }
}

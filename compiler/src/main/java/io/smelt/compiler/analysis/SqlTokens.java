package io.smelt.compiler.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into tokens the way a dialect's lexer does (strings, quoted identifiers, words,
 * numbers, symbols), skipping whitespace and comments. Used where a parser is more than is needed:
 * quoting reserved words before parsing, finding a name in a template, editing SQL in place.
 */
public final class SqlTokens {
    public enum Kind { WORD, QUOTED_IDENTIFIER, STRING, NUMBER, SYMBOL }

    /** One token: {@code [start, end)} in the text. */
    public record Token(Kind kind, int start, int end, String text) {
        public boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        public boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        /** A word's or quoted identifier's name, unquoted. */
        public String name() {
            if (kind == Kind.QUOTED_IDENTIFIER) {
                char q = text.charAt(0);
                return text.substring(1, text.length() - 1).replace(String.valueOf(q) + q, String.valueOf(q));
            }
            return text;
        }
    }

    private SqlTokens() {
    }

    public static List<Token> of(String sql, SqlDialect dialect) {
        List<Token> tokens = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            }
            else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            }
            else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            }
            else if (c == '\'' || (c == '"' && dialect.doubleQuotedStrings())) {
                int end = quoted(sql, i, c, dialect.backslashEscapes());
                tokens.add(new Token(Kind.STRING, i, end, sql.substring(i, end)));
                i = end;
            }
            else if (c == '"' || c == '`') {
                int end = quoted(sql, i, c, false);
                tokens.add(new Token(Kind.QUOTED_IDENTIFIER, i, end, sql.substring(i, end)));
                i = end;
            }
            else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_' || sql.charAt(end) == '$')) {
                    end++;
                }
                tokens.add(new Token(Kind.WORD, i, end, sql.substring(i, end)));
                i = end;
            }
            else if (Character.isDigit(c)) {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new Token(Kind.NUMBER, i, end, sql.substring(i, end)));
                i = end;
            }
            else {
                int end = i + 1;
                if (i + 1 < n) {
                    String two = sql.substring(i, i + 2);
                    if (two.equals("::") || two.equals("||") || two.equals("<=") || two.equals(">=") || two.equals("<>")
                            || two.equals("!=") || two.equals("->")) {
                        end = i + 2;
                    }
                }
                tokens.add(new Token(Kind.SYMBOL, i, end, sql.substring(i, end)));
                i = end;
            }
        }
        return tokens;
    }

    private static int quoted(String sql, int start, char quote, boolean backslash) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslash && c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }
}

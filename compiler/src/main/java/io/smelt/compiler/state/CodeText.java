package io.smelt.compiler.state;

/**
 * SQL and Jinja code reduced to what changes its meaning, so that a change of whitespace or comments
 * alone is not a modification: SQL comments ({@code --} to the end of the line, {@code /* *}{@code /})
 * and Jinja comments ({@code {# #}}) are dropped, and whitespace is kept only as one space between two
 * word characters. String literals and quoted identifiers stay as written.
 */
public final class CodeText {
    private CodeText() {
    }

    public static String normalize(String code) {
        if (code == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(code.length());
        boolean pendingSpace = false;
        int n = code.length();
        int i = 0;
        while (i < n) {
            char c = code.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = closingQuote(code, i);
                appendSpace(out, pendingSpace, c);
                pendingSpace = false;
                out.append(code, i, end);
                i = end;
            } else if (code.startsWith("--", i)) {
                int end = code.indexOf('\n', i);
                i = end < 0 ? n : end;
                pendingSpace = true;
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                pendingSpace = true;
            } else if (code.startsWith("{#", i)) {
                int end = code.indexOf("#}", i + 2);
                i = end < 0 ? n : end + 2;
                pendingSpace = true;
            } else if (Character.isWhitespace(c)) {
                pendingSpace = true;
                i++;
            } else {
                appendSpace(out, pendingSpace, c);
                pendingSpace = false;
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** One space where dropping it would join two words ({@code select a} is not {@code selecta}). */
    private static void appendSpace(StringBuilder out, boolean pendingSpace, char next) {
        if (pendingSpace && !out.isEmpty() && isWord(out.charAt(out.length() - 1)) && isWord(next)) {
            out.append(' ');
        }
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '\'' || c == '"' || c == '`';
    }

    /** The index after the literal that starts at {@code start}; a doubled quote is an escaped one, as SQL writes it. */
    private static int closingQuote(String code, int start) {
        char quote = code.charAt(start);
        int i = start + 1;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < code.length() && code.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return code.length();
    }
}

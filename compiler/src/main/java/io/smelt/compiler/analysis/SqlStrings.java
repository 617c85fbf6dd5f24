package io.smelt.compiler.analysis;

/**
 * String literals between the dialects: Spark's take backslash escapes and single or double quotes
 * (and {@code 'it''s'} is two literals run together, {@code its}); DuckDB's and Trino's take single
 * quotes, doubled inside, and no escapes.
 */
final class SqlStrings {
    private SqlStrings() {
    }

    /** The value of a Spark literal, quotes included, as Spark's parser reads it. */
    static String sparkValue(String literal) {
        char quote = literal.charAt(0);
        String body = literal.substring(1, literal.length() - 1);
        StringBuilder value = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == quote && i + 1 < body.length() && body.charAt(i + 1) == quote) {
                // one literal ends and the next starts: Spark runs them together
                i++;
                continue;
            }
            if (c != '\\' || i + 1 == body.length()) {
                value.append(c);
                continue;
            }
            char next = body.charAt(++i);
            if (next == 'u' && i + 4 < body.length()) {
                value.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
                i += 4;
                continue;
            }
            switch (next) {
                case '0' -> value.append('\0');
                case 'b' -> value.append('\b');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'Z' -> value.append('\u001A');
                // kept escaped: they mean a literal % or _ in a LIKE pattern
                case '%', '_' -> value.append('\\').append(next);
                default -> value.append(next);
            }
        }
        return value.toString();
    }

    /** The value of a DuckDB or Trino literal, quotes included. */
    static String standardValue(String literal) {
        return literal.substring(1, literal.length() - 1).replace("''", "'");
    }

    /** A DuckDB or Trino literal of {@code value}. */
    static String standard(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A Spark literal of {@code value}. */
    static String spark(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}

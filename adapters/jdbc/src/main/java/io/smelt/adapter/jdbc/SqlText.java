package io.smelt.adapter.jdbc;

/** Text spliced into SQL that every engine here writes alike. */
public final class SqlText {
    private SqlText() {
    }

    /** A standard SQL string literal: single quotes, any single quote in it doubled. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}

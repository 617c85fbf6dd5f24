package io.smelt.compiler.analysis;

/**
 * A construct of the model's dialect that Smelt does not translate to the engine's, at a 1-based line
 * and column of the SQL given to {@link DialectTranslator}.
 */
public final class Untranslatable extends Exception {
    private final String construct;
    private final int line;
    private final int column;
    private final String hint;

    Untranslatable(String construct, String message, String hint, int line, int column) {
        super(message);
        this.construct = construct;
        this.hint = hint;
        this.line = line;
        this.column = column;
    }

    /** The construct as written, such as {@code QUALIFY} or {@code ::}. */
    public String construct() {
        return construct;
    }

    public String hint() {
        return hint;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}

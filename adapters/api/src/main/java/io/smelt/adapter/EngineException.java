package io.smelt.adapter;

/**
 * An engine refused a statement. The message is the engine's own, translated so that it names no
 * Java types and holds no secret.
 */
public class EngineException extends RuntimeException {
    private final String queryId;
    private final int line;
    private final int column;
    private final String hint;

    public EngineException(String message, String queryId, int line, int column, Throwable cause) {
        super(message, cause);
        this.queryId = queryId;
        this.line = line;
        this.column = column;
        this.hint = null;
    }

    public EngineException(String message, Throwable cause) {
        this(message, null, 0, 0, cause);
    }

    /** An error outside any statement (the engine cannot be reached, say) with what to do about it. */
    public EngineException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.queryId = null;
        this.line = 0;
        this.column = 0;
        this.hint = hint;
    }

    /** What the user can do about it, or null. */
    public String hint() {
        return hint;
    }

    /** The engine's query id, or null. */
    public String queryId() {
        return queryId;
    }

    /** 1-based line in the statement sent, or 0 when the engine gave none. */
    public int line() {
        return line;
    }

    /** 1-based column in the statement sent, or 0 when the engine gave none. */
    public int column() {
        return column;
    }
}

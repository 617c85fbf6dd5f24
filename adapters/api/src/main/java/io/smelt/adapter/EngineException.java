package io.smelt.adapter;

/**
 * An engine refused a statement. The message is the engine's own, translated so that it names no
 * Java types and holds no secret.
 */
public class EngineException extends RuntimeException {
    private final String queryId;
    private final int line;
    private final int column;

    public EngineException(String message, String queryId, int line, int column, Throwable cause) {
        super(message, cause);
        this.queryId = queryId;
        this.line = line;
        this.column = column;
    }

    public EngineException(String message, Throwable cause) {
        this(message, null, 0, 0, cause);
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

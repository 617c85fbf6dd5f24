package io.smelt.compiler.materialize;

import io.smelt.adapter.EngineException;

/**
 * An engine error whose line and column were mapped from the statement sent back to the node's
 * compiled SQL (the file under target/compiled), which is what a person can open.
 */
public final class CompiledSqlError extends EngineException {
    private CompiledSqlError(EngineException cause, int line, int column) {
        super(cause.getMessage(), cause.queryId(), line, column, cause);
    }

    /**
     * Maps {@code error}'s position when {@code statement} contains {@code compiledSql} and the
     * error falls inside it; otherwise returns {@code error} as it is.
     */
    public static EngineException map(EngineException error, String statement, String compiledSql) {
        if (error instanceof CompiledSqlError || error.line() <= 0 || compiledSql == null || compiledSql.isEmpty()) {
            return error;
        }
        int start = statement.indexOf(compiledSql);
        if (start < 0) {
            return error;
        }
        int linesBefore = 0;
        int lineStart = 0;
        for (int i = 0; i < start; i++) {
            if (statement.charAt(i) == '\n') {
                linesBefore++;
                lineStart = i + 1;
            }
        }
        int line = error.line() - linesBefore;
        int compiledLines = (int) compiledSql.chars().filter(c -> c == '\n').count() + 1;
        if (line < 1 || line > compiledLines) {
            return error;
        }
        int column = error.column();
        if (line == 1 && column > 0) {
            column = Math.max(1, column - (start - lineStart));
        }
        return new CompiledSqlError(error, line, column);
    }
}

package io.smelt.cli;

import io.smelt.adapter.EngineException;

/** The engine refused what {@code show} or {@code run-operation} sent: the run failed (exit 1), the input was fine. */
final class OperationFailedException extends RuntimeException {
    OperationFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The engine error behind a failure, also when it surfaced through a template (a {@code run_query}
     * inside a macro), or null when the engine is not what failed.
     */
    static EngineException engineCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EngineException engine) {
                return engine;
            }
        }
        return null;
    }
}

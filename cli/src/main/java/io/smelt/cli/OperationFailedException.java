package io.smelt.cli;

/** The engine refused what {@code show} or {@code run-operation} sent: the run failed (exit 1), the input was fine. */
final class OperationFailedException extends RuntimeException {
    OperationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}

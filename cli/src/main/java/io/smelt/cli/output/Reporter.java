package io.smelt.cli.output;

import io.smelt.adapter.QueryResult;
import io.smelt.compiler.graph.Manifest;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.result.RunSummary;

/**
 * Everything a command tells the user, as text lines or JSON events. Also the listener a run
 * reports to; called from worker threads, so implementations are thread-safe.
 */
public interface Reporter extends RunListener, AutoCloseable {
    /** The invocation id this reporter's events carry, shared with the artifacts; null when it has none. */
    default String invocationId() {
        return null;
    }

    /** {@code Running with smelt=0.1.0}. */
    void header(String version);

    /** The project was read: the engine and {@code Found 5 models, ...}. */
    void loaded(Manifest manifest);

    /** After a run: {@code Finished running ...}, {@code Completed ...}, each failure, {@code Done. ...}. */
    void summary(RunSummary summary);

    /**
     * {@code compile --select x} shows the compiled SQL of what was selected by name; a null
     * {@code nodeName} is the inline node of {@code compile --inline}.
     */
    void compiled(String nodeName, String sql);

    /** {@code show}: rows as a table. */
    void preview(String title, QueryResult result);

    /** One {@code ls} line: printed even with {@code --quiet}, since it is the command's output. */
    void listed(String line);

    /** A line of the command's own output ({@code Cleaned target/}). */
    void note(String text);

    /** One line of {@code smelt debug}. */
    void check(String name, boolean ok, String detail);

    /** The command failed with this message; text output prints it on stderr elsewhere. */
    void encounteredError(String message);

    /** The profile's target and its threads, known once the project is loaded. */
    default void target(String name, int threads) {
    }

    /** The stack trace of the error {@link #encounteredError} reported, with {@code --debug}. */
    default void stackTrace(String trace) {
    }

    /** The command is over; {@code success} when it exits 0. */
    default void completed(boolean success) {
    }

    /** Clears the progress line, if any. */
    @Override
    void close();

    /** {@code Running with smelt=0.1.0}. */
    static String headerLine(String version) {
        return "Running with smelt=" + version;
    }
}

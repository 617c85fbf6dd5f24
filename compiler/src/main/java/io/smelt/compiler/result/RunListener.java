package io.smelt.compiler.result;

import io.smelt.compiler.graph.Node;

/**
 * Receives a run's progress. Called from worker threads: implementations must be thread-safe.
 * Every method has an empty default.
 */
public interface RunListener {
    enum Level { DEBUG, INFO, WARN, ERROR }

    RunListener NONE = new RunListener() {};

    /** Before the first node; {@code total} is the number of nodes that will be reported. */
    default void runStarted(Command command, int total) {
    }

    default void nodeStarted(Node node, int index, int total) {
    }

    default void nodeFinished(NodeResult result) {
    }

    /** The project's {@code on-run-start} or {@code on-run-end} hooks ({@code kind}) are about to run. */
    default void hooksStarted(String kind, int count) {
    }

    /** One hook, an operation node, starts; {@code index} is 1-based among the hooks of its kind. */
    default void hookStarted(Node hook, int index, int total) {
    }

    /** One hook succeeded; a failing hook is reported through {@link #nodeFinished}. */
    default void hookFinished(NodeResult result) {
    }

    /** A message for the user: {@code log()}/{@code print()} from templates, notices and warnings. */
    default void message(Level level, String text) {
    }

    default void runFinished(RunSummary summary) {
    }
}

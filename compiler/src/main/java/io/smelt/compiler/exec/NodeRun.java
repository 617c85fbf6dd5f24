package io.smelt.compiler.exec;

import io.smelt.compiler.graph.Node;
import io.smelt.compiler.materialize.Scope;

import java.time.Duration;
import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One node being run: where it stands in the run and when it started.
 *
 * @param index 1-based position in the run
 * @param total nodes in the run
 * @param startNanos {@link System#nanoTime()} at the start, for the elapsed time
 */
record NodeRun(Node node, Scope scope, int index, int total, Instant startedAt, long startNanos) {
    NodeRun {
        requireNonNull(node, "node is null");
        requireNonNull(scope, "scope is null");
        requireNonNull(startedAt, "startedAt is null");
    }

    static NodeRun start(Node node, Scope scope, int index, int total) {
        return new NodeRun(node, scope, index, total, Instant.now(), System.nanoTime());
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}

package io.smelt.compiler.result;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.Node;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What happened to one node.
 *
 * @param index 1-based position in the run, as printed in {@code 3 of 12}
 * @param total nodes in the run
 * @param message the engine's short response ({@code OK}, {@code INSERT 12}) or the error message
 * @param failures rows a test found (tests only; 0 otherwise)
 * @param relationName {@code schema.alias} of what the node built, or null
 * @param compiledPath {@code target/compiled/...} file of the node's SQL, or null
 * @param errorAt where an error was found in the user's files, or null
 * @param adapterResponse what the engine said ({@code rows_affected}, {@code query_id}, ...)
 * @param errorKind the kind of Smelt error the node failed with, whose exit class the run takes (a test
 *     on a column its model does not have is {@code PROJECT}: exit 2, not 1), or null
 */
public record NodeResult(
        Node node,
        int index,
        int total,
        NodeStatus status,
        String message,
        long failures,
        Instant startedAt,
        Duration elapsed,
        String relationName,
        Path compiledPath,
        SourcePosition errorAt,
        Map<String, Object> adapterResponse,
        ErrorKind errorKind) {
    public NodeResult {
        requireNonNull(node, "node is null");
        requireNonNull(status, "status is null");
        message = message == null ? "" : message;
        elapsed = elapsed == null ? Duration.ZERO : elapsed;
        adapterResponse = adapterResponse == null ? Map.of() : Map.copyOf(adapterResponse);
    }

    public NodeResult(Node node, int index, int total, NodeStatus status, String message, long failures, Instant startedAt,
            Duration elapsed, String relationName, Path compiledPath, SourcePosition errorAt, Map<String, Object> adapterResponse) {
        this(node, index, total, status, message, failures, startedAt, elapsed, relationName, compiledPath, errorAt,
                adapterResponse, null);
    }
}

package io.smelt.compiler.materialize;

import io.smelt.compiler.context.DbtContext;
import io.smelt.compiler.graph.Node;

import java.nio.file.Path;

/**
 * A node rendered at execution time, ephemeral models inlined.
 *
 * @param context the context it was rendered in, reused for the materialization's macros
 * @param path the file under {@code target/compiled/} it was written to
 */
public record CompiledNode(Node node, String sql, DbtContext context, Path path) {
}

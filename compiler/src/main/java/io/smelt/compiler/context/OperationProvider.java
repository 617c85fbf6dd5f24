package io.smelt.compiler.context;

import io.smelt.compiler.graph.Node;

/**
 * dbt's OperationProvider: a hook, {@code run-operation} or an inline query runs outside the graph,
 * so it may ref any node.
 */
final class OperationProvider extends RuntimeProvider {
    /** @param node the operation's node, or null when it has none (a macro run by name, schema creation) */
    OperationProvider(DbtContext context, ContextHost host, Node node, ExecutionScope scope) {
        super(context, host, node, scope);
    }

    @Override
    protected void checkDependency(Node target, String name) {
    }
}

package io.smelt.compiler.exec;

import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.materialize.CompiledNode;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;

import java.util.Map;

/**
 * Compiles a node into {@code target/compiled} and runs nothing: every node of {@code compile}, and the
 * resource types no runner executes (analyses). Seeds and unit tests have no SQL of their own to write.
 */
record CompileRunner(RunnerContext context) implements ResourceRunner {
    @Override
    public NodeResult run(NodeRun run) {
        ResourceType type = run.node().resourceType();
        if (type == ResourceType.SEED || type == ResourceType.UNIT_TEST) {
            return context.results().finished(run, NodeStatus.SUCCESS, "OK", 0, null, Map.of());
        }
        CompiledNode compiled = context.compile(run.node(), run.scope());
        return context.results().finished(run, NodeStatus.SUCCESS, "OK", 0, compiled.path(), Map.of());
    }
}
